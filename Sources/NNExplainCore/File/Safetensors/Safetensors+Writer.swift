extension Network {
    /// The network's weights and biases as a safetensors file, the `state_dict` an `nn.Sequential`
    /// of `nn.Linear` layers (with no modules between them) would save: for layer `l`, tensors
    /// `N.weight` (F64, shape n_l × n_(l−1), row `j` column `k` = `w_jk^l`) and `N.bias` (F64,
    /// shape n_l, only for layers with biases), `N = l − 1`; metadata `{"format": "pt"}`. The
    /// header is padded with spaces so the data starts at a multiple of 8, as the reference
    /// implementation writes it. Activations, loss and samples are not part of the format.
    /// ``Safetensors/read(_:)`` and ``Safetensors/layers(_:activations:in:)`` read back the same
    /// numbers bit for bit.
    public func safetensorsBytes() -> [UInt8] {
        var entries: [(key: String, value: JSONValue)] = [("__metadata__", .object([("format", .string("pt"))]))]
        var data: [UInt8] = []
        func append(_ name: String, shape: [Int], values: [Double]) {
            let begin = data.count
            for value in values {
                let bits = value.bitPattern
                for b in 0..<8 { data.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(b)))) }
            }
            entries.append((name, .object([
                ("dtype", .string(Safetensors.DType.f64.rawValue)),
                ("shape", .array(shape.map(JSONValue.integer))),
                ("data_offsets", .array([.integer(begin), .integer(data.count)])),
            ])))
        }
        for (i, layer) in layers.enumerated() {
            append("\(i).weight", shape: [layer.size, layer.weights.first?.count ?? 0], values: layer.weights.flatMap { $0 })
            if let biases = layer.biases { append("\(i).bias", shape: [biases.count], values: biases) }
        }
        var header = Array(JSONValue.object(entries).formatted().utf8)
        while (8 + header.count) % 8 != 0 { header.append(0x20) }
        var length = UInt64(header.count), bytes: [UInt8] = []
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        return bytes + header + data
    }
}
