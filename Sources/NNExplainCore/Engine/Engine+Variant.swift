import NNExplainAVX2
import NNExplainKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Engine {
    /// Which compiled copy of the matrix product (``Kernels``) a pass runs.
    ///
    /// Both copies are the same Swift code doing the same operations in the same order, so they give
    /// the same bits (the tests run both); they differ only in the instructions the compiler could
    /// use. The portable copy uses what every processor of the architecture has (SSE2 on x86-64);
    /// the AVX2 copy uses 256-bit registers, and exists only on x86-64 processors that have AVX2.
    public enum Variant: String, Sendable, CaseIterable {
        case portable
        case avx2

        /// The fastest copy this processor can run, asked once per process, when first needed.
        public static let best: Variant = Variant.avx2.isAvailable ? .avx2 : .portable

        /// Whether this processor (and its operating system) can run this copy.
        public var isAvailable: Bool {
            switch self {
            case .portable: return true
            case .avx2:
                #if arch(x86_64)
                // Everything `-target-cpu haswell` lets the compiler use, not only AVX2. (macOS has
                // no sysctl for MOVBE, LZCNT and POPCNT; every Mac with the others has them.)
                return ProcessorFeatures.haveAll(linux: ["avx", "avx2", "fma", "bmi1", "bmi2", "movbe", "f16c", "abm", "popcnt"],
                                                 darwin: ["avx1_0", "avx2_0", "fma", "bmi1", "bmi2", "f16c"])
                #else
                return false
                #endif
            }
        }

        /// `c = a · b` with this copy (see ``Kernels/product(_:rows:inner:packed:columns:into:)``).
        func product(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                     packed b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
            switch self {
            case .portable: Engine.portableProduct(a, rows: rows, inner: inner, packed: b, columns: columns, into: c)
            case .avx2: AVX2.product(a, rows: rows, inner: inner, packed: b, columns: columns, into: c)
            }
        }
    }

    /// The portable copy, compiled here for this module's (baseline) instruction set.
    @inline(never)
    static func portableProduct(_ a: UnsafePointer<Double>, rows: Int, inner: Int,
                                packed b: UnsafePointer<Double>, columns: Int, into c: UnsafeMutablePointer<Double>) {
        Kernels.product(a, rows: rows, inner: inner, packed: b, columns: columns, into: c, tallTiles: false)
    }
}

/// What the processor offers, as the operating system reports it: on Linux the `flags` line of
/// /proc/cpuinfo (the kernel lists AVX2 only when it also saves the wide registers on a context
/// switch), on macOS the `hw.optional.*` sysctls. Anything unreadable counts as absent.
enum ProcessorFeatures {
    /// Whether the processor has every feature named, as Linux names them in /proc/cpuinfo, or as
    /// macOS names them in its `hw.optional.<name>` sysctls.
    static func haveAll(linux: [String], darwin: [String]) -> Bool {
        #if os(Linux)
        return linux.allSatisfy(linuxFlags.contains)
        #elseif canImport(Darwin)
        return darwin.allSatisfy { name in
            var value: Int32 = 0
            var size = MemoryLayout<Int32>.size
            return sysctlbyname("hw.optional." + name, &value, &size, nil, 0) == 0 && value != 0
        }
        #else
        return false
        #endif
    }

    #if os(Linux)
    /// The words of the first `flags` line of /proc/cpuinfo.
    private static let linuxFlags: Set<String> = {
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("flags"), let colon = text.firstIndex(of: ":") else { continue }
            return Set(text[text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init))
        }
        return []
    }()
    #endif
}
