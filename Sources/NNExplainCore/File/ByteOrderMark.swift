/// The UTF-8 byte order mark, EF BB BF, which some Windows editors write at the start of a text
/// file. Every reader of a text file (network files, answers files, CSV data) skips it, so a file
/// saved by such an editor reads as the same file saved without it.
package enum ByteOrderMark {
    /// The number of bytes the mark takes at the start of `bytes`: 3 when they start with it, else 0.
    package static func length(in bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}
