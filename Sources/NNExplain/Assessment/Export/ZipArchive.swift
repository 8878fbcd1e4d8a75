/// A ZIP archive of stored (uncompressed) files, as the ZIP file format (PKWARE's APPNOTE.TXT)
/// lays one out: for each file a local header and its bytes, then the central directory, one
/// entry a file, then the end of central directory record. Every time stamp is the format's
/// earliest, 1980-01-01 00:00, so the same files give the same bytes; names are UTF-8 (flag bit
/// 11). For files under 4 GiB and 65,535 entries, which is all a quiz needs.
struct ZipArchive {
    /// The files in order: a path inside the archive (`/` between folders) and its bytes.
    var files: [(path: String, bytes: [UInt8])] = []

    /// The archive's bytes.
    func bytes() -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        for (path, data) in files {
            let name = Array(path.utf8), crc = ZipArchive.crc32(data), offset = UInt32(out.count)
            // version 2.0, UTF-8 names, stored, 00:00 on 1980-01-01 (date: day 1 of month 1 of year 0)
            let common: [UInt8] = le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
                + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(name.count)) + le16(0)
            out += le32(0x0403_4b50) + common + name + data
            directory += le32(0x0201_4b50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count), count = UInt16(files.count)
        return out + directory + le32(0x0605_4b50) + le16(0) + le16(0) + le16(count) + le16(count)
            + le32(UInt32(directory.count)) + le32(start) + le16(0)
    }

    /// The CRC-32 of `bytes` (the ZIP format's: polynomial 0xEDB88320 reflected, start and final xor 0xFFFFFFFF).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}

private func le16(_ x: UInt16) -> [UInt8] { [UInt8(x & 0xFF), UInt8(x >> 8)] }
private func le32(_ x: UInt32) -> [UInt8] { [UInt8(x & 0xFF), UInt8(x >> 8 & 0xFF), UInt8(x >> 16 & 0xFF), UInt8(x >> 24)] }
