@testable import NNExplain
import NNExplainTestSupport
import Testing

/// The keyed hash that draws a roster's sheets: SHA-256 against FIPS 180-4's examples, HMAC-SHA-256
/// against RFC 4231's vectors, and the course key's seeds and sheet codes against Python's `hmac`.
struct KeyedHashTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    /// FIPS 180-4's examples (NIST's "SHA256.pdf" and the long-message vector of the SHA test suite).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesThePublishedDigests(message: String, digest: String) {
        #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4231 test cases 1, 2, 3 and 6 (a key longer than the block).
    @Test(arguments: [
        ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        ("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (String(repeating: "aa", count: 20), String(repeating: "dd", count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (String(repeating: "aa", count: 131),
         "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func hmacMatchesRFC4231(key: String, message: String, mac: String) {
        #expect(Self.hex(SHA256.hmac(key: Self.bytes(hex: key), message: Self.bytes(hex: message))) == mac)
    }

    /// Seeds and codes computed independently with Python's `hmac.new(key, b"nnexplain seed:" + id,
    /// sha256)` and the README's rule for the code; fixed inputs give fixed sheets, in every version.
    @Test(arguments: [
        ("s001", UInt64(11_336_054_940_307_867_198), "Z9WMHM"), ("s002", 3_361_397_027_685_255_560, "12AWGV"),
        ("Åsa-7", 1_710_578_565_246_353_748, "EWP27H"), ("12345678", 5_085_800_973_607_466_780, "3TZMQX"),
    ])
    func seedsAndCodesAreFixed(id: String, seed: UInt64, code: String) throws {
        let key = try CourseKey("ML2026-backprop")
        #expect(key.seed(for: id) == seed)
        #expect(key.code(for: id) == code)
    }

    @Test func oneChangedCharacterOfTheKeyChangesEverySheet() throws {
        let ids = (1...120).map { "s\($0)" }
        let a = try CourseKey("ML2026-backprop"), b = try CourseKey("ML2026-backproq")
        for id in ids {
            #expect(a.seed(for: id) != b.seed(for: id), "\(id)'s seed")
            #expect(a.code(for: id) != b.code(for: id), "\(id)'s code")
        }
        let sheetsA = try Exercise.sheets(for: Roster(students: ids.map { .init(id: $0, name: "") }), courseKey: a)
        let sheetsB = try Exercise.sheets(for: Roster(students: ids.map { .init(id: $0, name: "") }), courseKey: b)
        for (x, y) in zip(sheetsA, sheetsB) { #expect(x.network != y.network) }
        // Neighbours' sheets differ too: no two of the 120 students share a network.
        for (n, sheet) in sheetsA.enumerated() {
            #expect(!sheetsA[(n + 1)...].contains { $0.network == sheet.network }, "\(ids[n])'s network is another's")
        }
    }

    @Test func aShortKeyIsRefused() {
        #expect(throws: CourseKey.Problem.tooShort(7)) { try CourseKey("seven77") }
        #expect((try? CourseKey("eight888")) != nil)
        #expect(CourseKey.Problem.tooShort(7).message
            == "the course key has 7 characters, fewer than 8; choose a longer secret, such as a phrase only you know")
    }
}
