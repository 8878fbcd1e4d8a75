/// A safetensors file written from the format's specification, independently of the code under
/// test: an 8-byte little-endian header length, the header's JSON text as given, then the data.
/// Tests build good files with ``init(_:metadata:)`` and damaged ones by changing the parts.
public struct SafetensorsFixture: Sendable {
    /// One tensor: its dtype's name, shape and raw little-endian bytes.
    public struct Entry: Sendable {
        public var name: String, dtype: String, shape: [Int], data: [UInt8]
        public init(_ name: String, _ dtype: String, _ shape: [Int], _ data: [UInt8]) {
            (self.name, self.dtype, self.shape, self.data) = (name, dtype, shape, data)
        }
    }

    /// The header's JSON text.
    public var header: String
    /// The data buffer.
    public var data: [UInt8]
    /// The stated header length; the header's own byte count when `nil`.
    public var statedLength: UInt64?

    public init(header: String, data: [UInt8], statedLength: UInt64? = nil) {
        (self.header, self.data, self.statedLength) = (header, data, statedLength)
    }

    /// The tensors laid out one after another in the order given, offsets counted from the
    /// buffer's start, with optional `__metadata__` JSON text.
    public init(_ entries: [Entry], metadata: String? = nil) {
        var members: [String] = metadata.map { [#""__metadata__":"# + $0] } ?? []
        var data: [UInt8] = []
        for entry in entries {
            let begin = data.count
            data += entry.data
            let shape = entry.shape.map(String.init).joined(separator: ",")
            members.append(#""\#(entry.name)":{"dtype":"\#(entry.dtype)","shape":[\#(shape)],"data_offsets":[\#(begin),\#(data.count)]}"#)
        }
        self.init(header: "{" + members.joined(separator: ",") + "}", data: data)
    }

    /// The file's bytes.
    public var bytes: [UInt8] {
        let text = Array(header.utf8)
        return Self.le(statedLength ?? UInt64(text.count), bytes: 8) + text + data
    }

    /// `value`'s lowest `bytes` bytes, least significant first.
    public static func le(_ value: UInt64, bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
    /// Doubles as F64 data.
    public static func f64(_ values: [Double]) -> [UInt8] { values.flatMap { le($0.bitPattern, bytes: 8) } }
    /// Floats as F32 data.
    public static func f32(_ values: [Float]) -> [UInt8] { values.flatMap { le(UInt64($0.bitPattern), bytes: 4) } }
    /// Raw 16-bit patterns (F16 or BF16) as data.
    public static func bits16(_ values: [UInt16]) -> [UInt8] { values.flatMap { le(UInt64($0), bytes: 2) } }
    /// Raw 32-bit patterns (F32) as data.
    public static func bits32(_ values: [UInt32]) -> [UInt8] { values.flatMap { le(UInt64($0), bytes: 4) } }
}
