import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The one JSON writer (``JSONValue/formatted(indent:)``) on its own: how it escapes strings, what
/// it writes for a double that is not finite, and that every finite double it writes reads back to
/// the same bits by this package's parser (and, in `JSONReadersTests`, by Python's `json`), and is
/// accepted by Foundation's `JSONSerialization`, a reader that shares no code with it.
struct JSONWriterTests {
    @Test func everyDoubleWrittenReadsBackToTheSameBits() throws {
        let values = TestDoubles.random(count: 20_000, seed: 18)
        let text = JSONValue.numbers(values).formatted()
        // This package's parser.
        let parsed = try #require(try JSONValue.parse(Array(text.utf8)).arrayValue)
        #expect(parsed.count == values.count)
        for (value, read) in zip(values, parsed) {
            #expect(read.doubleValue?.bitPattern == value.bitPattern, "\(value) was read back as \(read)")
        }
        // Foundation's, which shares no code with the writer, accepts the text and reads the same
        // numbers; not always to the bit: on Linux its reader is not correctly rounded (it reads
        // "2.9811498166114317e-05", the shortest text of 0x3EFF42768E0044C7, one unit in the last place low), so the
        // bits are checked by this package's parser above and by Python's `json` in JSONReadersTests.
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [NSNumber])
        #expect(foundation.count == values.count)
        for (value, read) in zip(values, foundation) {
            let close = read.doubleValue == value || abs(read.doubleValue - value) <= 16 * value.ulp
            #expect(close && read.doubleValue.sign == value.sign, "\(value) was read by Foundation as \(read)")
        }
    }

    @Test func aDoubleIsItsShortestRoundTripTextAndAnIntegerIsItsDigits() {
        let value: JSONValue = [.number(0.1), .number(1), .number(-0.0), .number(1e-5), .number(5e-324), .number(1e21),
                                .integer(3), .integer(Int.min), .integer(Int.max)]
        #expect(value.formatted() == "[0.1, 1.0, -0.0, 1e-05, 5e-324, 1e+21, 3, -9223372036854775808, 9223372036854775807]")
    }

    @Test func aDoubleThatIsNotFiniteIsNull() throws {
        let value: JSONValue = ["nan": .number(.nan), "inf": .number(.infinity), "ninf": .number(-.infinity),
                                "list": .numbers([1, .nan, -.infinity]), "rows": .numbers([[.infinity], [2]])]
        let text = value.formatted()
        #expect(text == """
            {
              "nan": null,
              "inf": null,
              "ninf": null,
              "list": [1.0, null, null],
              "rows": [
                [null],
                [2.0]
              ]
            }
            """)
        // Still JSON to a strict reader: no NaN, Infinity or -Infinity tokens.
        #expect(try JSONValue.parse(Array(text.utf8))["list"] == [1.0, nil, nil])
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    /// Every string that has a character JSON must escape, and some that it must not.
    static let strings = [
        "", "plain", "quote \" and backslash \\", "slash / stays", "newline\nreturn\rtab\t", "\u{08}backspace\u{0C}formfeed",
        String((0...0x1F).map { Character(UnicodeScalar(UInt8($0))) }), "nul \u{0} inside", "delete \u{7F}",
        "∂C/∂w_jk^l", "η = 0.5", "▁▂▃█", "emoji 🧠 and combining é", "separators \u{2028}\u{2029}", "\"\\\"\\\\",
    ]

    @Test(arguments: strings)
    func aStringReadsBackAsItWasByEveryReader(_ string: String) throws {
        let value: JSONValue = .object([(string, .string(string))])
        let text = value.formatted()
        #expect(try JSONValue.parse(Array(text.utf8)) == value)
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(foundation == [string: string])
        // Only what JSON requires is escaped: no raw control character is left, nothing else is changed.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("∂") == string.contains("∂"))
    }

    @Test func controlCharactersHaveTheirShortEscapeOrFourHexDigits() {
        #expect(JSONValue.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONValue.quoted("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(JSONValue.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONValue.quoted("\u{7F}é🧠") == "\"\u{7F}é🧠\"")
    }

    @Test func fileTextIsTheFormattedValueAndOneNewline() {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
        #expect(value.fileText == value.formatted() + "\n")
        #expect(value.fileText == "{\n  \"a\": [1, 2],\n  \"b\": {},\n  \"c\": []\n}\n")
    }
}
