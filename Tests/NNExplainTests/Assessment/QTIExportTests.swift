import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The QTI package read back by a ZIP reader of the test's own (CRC-32 computed bit by bit here),
/// and its assessment parsed: one Canvas numerical question a student and question, scored 100
/// in the range key ± half a unit of the third digit, the slips listed in the wrong-answer feedback.
struct QTIExportTests {
    /// The CRC-32 of the ZIP format, one bit at a time (no table).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The files of a store-only ZIP, checked against its central directory and end record.
    static func unzip(_ zip: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
        func u16(_ p: Int) -> Int { Int(zip[p]) | Int(zip[p + 1]) << 8 }
        func u32(_ p: Int) -> UInt32 { UInt32(u16(p)) | UInt32(u16(p + 2)) << 16 }
        let end = zip.count - 22
        #expect(u32(end) == 0x0605_4b50, "the end record")
        let count = u16(end + 10), directory = Int(u32(end + 16))
        #expect(u16(end + 8) == count && directory + Int(u32(end + 12)) == end)
        var files: [(String, [UInt8])] = [], p = 0, c = directory
        for _ in 0..<count {
            #expect(u32(p) == 0x0403_4b50 && u32(c) == 0x0201_4b50, "a local header and its directory entry")
            #expect(u16(p + 8) == 0, "stored")
            let crc = u32(p + 14), size = Int(u32(p + 18)), nameLength = u16(p + 26), extra = u16(p + 28)
            #expect(Int(u32(p + 22)) == size && Int(u32(c + 42)) == p && u32(c + 16) == crc && Int(u32(c + 20)) == size)
            let name = String(decoding: zip[(p + 30)..<(p + 30 + nameLength)], as: UTF8.self)
            let data = Array(zip[(p + 30 + nameLength + extra)..<(p + 30 + nameLength + extra + size)])
            #expect(crc32(data) == crc, "\(name)'s CRC-32")
            #expect(String(decoding: zip[(c + 46)..<(c + 46 + u16(c + 28))], as: UTF8.self) == name)
            files.append((name, data))
            p += 30 + nameLength + extra + size
            c += 46 + u16(c + 28) + u16(c + 30) + u16(c + 32)
        }
        #expect(p == directory && c == end)
        return files
    }

    @Test func theCRCIsTheStandardOne() {
        #expect(Self.crc32(Array("123456789".utf8)) == 0xCBF4_3926, "the CRC-32 check value")
    }

    @Test(arguments: [1, 3])
    func theAssessmentScoresTheKeysRangeAndListsTheSlips(level: Int) throws {
        let roster = try QuizReference.roster(4), sheets = try QuizReference.sheets(roster, level: level)
        let files = try Self.unzip(Quiz(sheets: sheets, title: "HW <3>").qtiZip())
        #expect(files.map { $0.name }.first == "imsmanifest.xml" && files.count == 2)
        let manifest = try #require(XMLNode.parse(String(decoding: files[0].bytes, as: UTF8.self)))
        let resource = try #require(manifest.descendants("resource").first)
        #expect(resource.attributes["type"] == "imsqti_xmlv1p2")
        #expect(resource.first("file")?.attributes["href"] == files[1].name)
        let root = try #require(XMLNode.parse(String(decoding: files[1].bytes, as: UTF8.self)))
        #expect(root.name == "questestinterop" && root.first("assessment")?.attributes["title"] == "HW <3>")
        let items = root.descendants("item")
        #expect(items.count == 4 * 9)
        for (s, sheet) in sheets.enumerated() {
            for (n, question) in sheet.questions.enumerated() {
                let item = items[s * 9 + n]
                #expect(item.attributes["title"] == "\(roster.students[s].id) \(sheet.owner!.code) Q\(n + 1)")
                let fields = Dictionary(uniqueKeysWithValues: item.descendants("qtimetadatafield").map {
                    ($0.first("fieldlabel")?.text ?? "", $0.first("fieldentry")?.text ?? "") })
                #expect(fields["question_type"] == "numerical_question")
                MoodleExportTests.expectNetwork(sheet.network, in: item.descendants("mattext").first?.text ?? "")
                let scored = try #require(item.descendants("respcondition").first { $0.first("setvar")?.text == "100" })
                let low = try #require(Double(scored.descendants("vargte").first?.text ?? "")), high = try #require(Double(scored.descendants("varlte").first?.text ?? ""))
                let key = QuizReference.value(question.quantity, in: sheet.network), tolerance = QuizReference.tolerance(key)
                #expect(isClose(low, key - tolerance, relative: 1e-11) && isClose(high, key + tolerance, relative: 1e-11), "\(low)…\(high) vs \(key)")
                let feedback = Dictionary(uniqueKeysWithValues: item.all("itemfeedback").map { ($0.attributes["ident"] ?? "", $0.descendants("mattext").first?.text ?? "") })
                #expect(feedback["correct_fb"]?.contains("Right") == true)
                let wrong = try #require(feedback["general_incorrect_fb"])
                for (value, phrase) in QuizReference.slips(question.quantity, in: sheet.network) {
                    // Either rounding of a value that lies (but for the doubles' error) at a tie of the third digit.
                    let shown = [1 - 1e-12, 1, 1 + 1e-12].map { String(format: "%.3g", value * $0) }
                    #expect(shown.contains { wrong.contains("<li>\($0): ") } && wrong.contains(phrase), "\(phrase) \(shown)")
                }
            }
        }
    }
}
