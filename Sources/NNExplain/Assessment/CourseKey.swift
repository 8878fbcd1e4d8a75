/// The teacher's secret from which every student's sheet is drawn: a student's seed and sheet code
/// are HMAC-SHA-256 (``SHA256/hmac(key:message:)``) of the student's id under the key, so nobody
/// without the key can draw a sheet, or its answers, from an id.
///
/// - The seed is the first 8 bytes, big-endian, of HMAC-SHA-256(key, `"nnexplain seed:" + id`).
/// - The sheet code is the first 30 bits of HMAC-SHA-256(key, `"nnexplain code:" + id`) in six
///   characters of Crockford's base 32 (digits and capitals without I, L, O and U), most
///   significant first.
///
/// Key and id are taken as their UTF-8 bytes. The rule is fixed: the same key and id give the same
/// sheet on every machine and in every version.
public struct CourseKey: Sendable, Equatable {
    /// The key's UTF-8 bytes.
    let bytes: [UInt8]
    /// Whether the key begins or ends with white space, which is part of it: typed without, it
    /// draws other sheets, so a caller may warn.
    public let hasWhiteSpaceAtAnEnd: Bool

    /// The fewest characters of a key: shorter keys are quickly guessed.
    public static let minimumLength = 8

    /// - Parameter text: the key as the teacher typed it (spaces count).
    /// - Throws: ``Problem/tooShort(_:)`` for fewer than ``minimumLength`` characters.
    public init(_ text: String) throws(Problem) {
        guard text.count >= CourseKey.minimumLength else { throw .tooShort(text.count) }
        bytes = Array(text.utf8)
        hasWhiteSpaceAtAnEnd = text.first?.isWhitespace == true || text.last?.isWhitespace == true
    }

    /// The seed of the student's sheet.
    public func seed(for id: String) -> UInt64 {
        digest("nnexplain seed:", id).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The student's sheet code: six characters printed on the sheet, by which a teacher finds it.
    public func code(for id: String) -> String {
        let bits = digest("nnexplain code:", id).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } >> 2
        return String((0..<6).map { n in CourseKey.alphabet[Int(bits >> (25 - 5 * UInt32(n)) & 31)] })
    }

    /// Crockford's base-32 alphabet.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    private func digest(_ purpose: String, _ id: String) -> [UInt8] {
        SHA256.hmac(key: bytes, message: Array(purpose.utf8) + Array(id.utf8))
    }

    /// Why a text is not a course key.
    public enum Problem: Error, Equatable, Sendable {
        /// The key has only this many characters.
        case tooShort(Int)
    }
}
