extension Safetensors {
    /// Reads and checks the header of a safetensors file, without decoding a number.
    ///
    /// Checked, in this order: at least 8 bytes; the stated header length at most
    /// ``headerLimit`` and within the file; the header UTF-8 JSON, an object; `__metadata__` (if
    /// any) an object of strings; each other member an object, no field named twice, with a `dtype` this tool reads (F64,
    /// F32, F16, BF16), a `shape` of whole numbers ≥ 0 and `data_offsets` `[begin, end]` with
    /// `0 ≤ begin ≤ end ≤` the buffer's size and `end − begin` = elements × dtype size; no two
    /// tensors' bytes overlap. Unused bytes between tensors are allowed. Nothing is allocated
    /// beyond the file's own size.
    ///
    /// - Parameter bytes: the whole file.
    /// - Throws: the first ``SafetensorsError`` of the container, naming the tensor.
    public static func read(_ bytes: [UInt8]) throws(SafetensorsError) -> Safetensors {
        guard bytes.count >= 8 else { throw .tooShort(count: bytes.count) }
        var length: UInt64 = 0
        for b in 0..<8 { length |= UInt64(bytes[b]) << (8 * UInt64(b)) }
        guard length <= UInt64(headerLimit) else { throw .headerTooLong(length: length) }
        guard length <= UInt64(bytes.count - 8) else { throw .headerPastEnd(length: length, available: bytes.count - 8) }
        let headerBytes = Array(bytes[8..<(8 + Int(length))])
        // Decoding replaces each ill-formed sequence with U+FFFD, so only UTF-8 comes back unchanged.
        guard Array(String(decoding: headerBytes, as: UTF8.self).utf8) == headerBytes else { throw .headerNotUTF8 }
        let root: JSONValue
        do { root = try JSONValue.parse(headerBytes) } catch { throw .headerSyntax(error) }
        guard let members = root.objectMembers else { throw .headerNotObject(found: root.kind) }
        let bufferSize = bytes.count - 8 - Int(length)
        var result = Safetensors(tensors: [], metadata: [], bufferStart: 8 + Int(length))
        var seen = Set<String>()
        for (name, value) in members {
            guard seen.insert(name).inserted else { throw .duplicateTensor(name) }
            if name == "__metadata__" {
                result.metadata = try metadata(value)
            } else {
                result.tensors.append(try tensor(name, value, bufferSize: bufferSize))
            }
        }
        try requireDisjoint(result.tensors)
        return result
    }

    /// `"__metadata__"`: an object whose values are strings.
    private static func metadata(_ value: JSONValue) throws(SafetensorsError) -> [(key: String, value: String)] {
        guard let members = value.objectMembers else { throw .metadata }
        var result: [(key: String, value: String)] = []
        for (key, member) in members {
            guard let text = member.stringValue else { throw .metadata }
            result.append((key, text))
        }
        return result
    }

    /// One tensor's entry, checked against a data buffer of `bufferSize` bytes.
    private static func tensor(_ name: String, _ value: JSONValue, bufferSize: Int) throws(SafetensorsError) -> Tensor {
        let keys = value.objectMembers?.map { $0.key } ?? []
        if let twice = keys.enumerated().first(where: { keys[..<$0.offset].contains($0.element) }) {
            throw .repeatedField(name, field: twice.element)
        }
        guard let dtypeValue = value["dtype"], let shapeValue = value["shape"]?.arrayValue,
              let offsetValue = value["data_offsets"]?.arrayValue
        else { throw .entry(name) }
        guard let dtypeName = dtypeValue.stringValue else { throw .entry(name) }
        guard let dtype = DType(rawValue: dtypeName) else { throw .dtype(name, dtype: dtypeName) }
        var shape: [Int] = [], count = 1
        for dimension in shapeValue {
            guard let n = dimension.integerValue, n >= 0 else { throw .shape(name) }
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            // Any count above the buffer's elements fails the size check below; stop it from overflowing first.
            guard !overflow, Int64(product) <= Int64(Int32.max) * 8 else { throw .shape(name) }
            (shape, count) = (shape + [n], product)
        }
        guard offsetValue.count == 2, let begin = offsetValue[0].integerValue, let end = offsetValue[1].integerValue,
              begin >= 0, begin <= end
        else { throw .offsets(name) }
        guard end <= bufferSize else { throw .offsetsPastEnd(name, end: end, size: bufferSize) }
        guard end - begin == count * dtype.size else { throw .dataSize(name, bytes: end - begin, expected: count * dtype.size) }
        return Tensor(name: name, dtype: dtype, shape: shape, range: begin..<end)
    }

    /// Refuses two tensors whose byte ranges share a byte (empty tensors share none).
    private static func requireDisjoint(_ tensors: [Tensor]) throws(SafetensorsError) {
        let sorted = tensors.filter { !$0.range.isEmpty }.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.range.lowerBound < a.range.upperBound {
            throw .overlap(b.name, other: a.name)
        }
    }
}
