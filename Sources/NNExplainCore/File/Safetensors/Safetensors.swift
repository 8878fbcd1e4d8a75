/// A safetensors file's header, read and checked: each tensor's name, dtype, shape and the bytes
/// it occupies, in header order. The numbers themselves are decoded on demand
/// (``Safetensors/values(of:in:)``), so that a caller can check the sizes first.
///
/// The format (https://huggingface.co/docs/safetensors): an 8-byte little-endian unsigned length
/// `N`, then `N` bytes of UTF-8 JSON `{"name": {"dtype": …, "shape": […], "data_offsets": [begin,
/// end]}, "__metadata__": {string: string}}`, then the data buffer; offsets count from the buffer's
/// start, and the data is little-endian, row-major.
public struct Safetensors: Sendable, Equatable {
    /// The largest header read: 100 000 000 bytes, the bound of the reference implementation.
    public static let headerLimit = 100_000_000

    /// The tensors in header order.
    public var tensors: [Tensor]
    /// `"__metadata__"`, in header order; empty when absent.
    public var metadata: [(key: String, value: String)]
    /// Where the data buffer starts in the file: 8 + the header's length.
    public var bufferStart: Int

    public static func == (a: Safetensors, b: Safetensors) -> Bool {
        a.tensors == b.tensors && a.bufferStart == b.bufferStart
            && a.metadata.elementsEqual(b.metadata) { $0.key == $1.key && $0.value == $1.value }
    }

    /// One tensor of the header.
    public struct Tensor: Sendable, Equatable {
        public var name: String
        public var dtype: DType
        public var shape: [Int]
        /// The tensor's bytes, relative to the data buffer's start.
        public var range: Range<Int>
        /// The number of elements: the product of the shape (1 for a scalar's `[]`).
        public var count: Int { shape.reduce(1, *) }
    }

    /// The element types this tool reads; each converts exactly to a `Double`.
    public enum DType: String, Sendable, CaseIterable {
        case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"

        /// Bytes per element.
        public var size: Int {
            switch self {
            case .f64: return 8
            case .f32: return 4
            case .f16, .bf16: return 2
            }
        }

        /// The element whose little-endian bytes start at `bytes[i]`, as a `Double` (exact: every
        /// F32, F16 and BF16 value is a double).
        func value(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Double {
            var bits: UInt64 = 0
            for b in 0..<size { bits |= UInt64(bytes[i + b]) << (8 * UInt64(b)) }
            switch self {
            case .f64: return Double(bitPattern: bits)
            case .f32: return Double(Float(bitPattern: UInt32(bits)))
            case .bf16: return Double(Float(bitPattern: UInt32(bits) << 16))
            case .f16: return Self.half(UInt16(bits))
            }
        }

        /// An IEEE 754 binary16 value: sign, 5 exponent bits (bias 15), 10 fraction bits; exponent 0
        /// is zero or subnormal (`fraction · 2⁻²⁴`), exponent 31 is infinity or NaN.
        static func half(_ bits: UInt16) -> Double {
            let sign: Double = bits & 0x8000 == 0 ? 1 : -1
            let exponent = Int((bits >> 10) & 0x1F), fraction = Double(bits & 0x3FF)
            switch exponent {
            case 0: return sign * fraction * 0x1p-24
            case 31: return fraction == 0 ? sign * .infinity : .nan
            default: return sign * (1024 + fraction) * Double(sign: .plus, exponent: exponent - 25, significand: 1)
            }
        }
    }

    /// The elements of `tensor`, decoded from `bytes`, the whole file this header was read from,
    /// in storage (row-major) order.
    ///
    /// - Throws: ``SafetensorsError/nonFinite(_:index:)`` for the first infinity or NaN.
    public func values(of tensor: Tensor, in bytes: [UInt8]) throws(SafetensorsError) -> [Double] {
        let start = bufferStart + tensor.range.lowerBound, size = tensor.dtype.size
        var values: [Double] = []
        values.reserveCapacity(tensor.count)
        var bad: Int?
        bytes.withUnsafeBytes { raw in
            for i in 0..<tensor.count {
                let value = tensor.dtype.value(raw, at: start + i * size)
                guard value.isFinite else { bad = i; return }
                values.append(value)
            }
        }
        if let bad { throw .nonFinite(tensor.name, index: bad) }
        return values
    }
}
