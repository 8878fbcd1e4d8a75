/// The characters beyond ASCII that `pdflatex` prints with the preamble nnexplain writes (the
/// `utf8` input encoding and the default OT1 fonts), found by compiling every character of Latin-1,
/// the Latin Extended blocks, Greek, Cyrillic and General Punctuation and keeping those that
/// compiled without an error. Any other character in prose, such as a name in Chinese, Hebrew or
/// Greek letters on a roster, is printed as a bold `?`, so that one name never stops a class's
/// booklet from compiling; ``LatexProse/isPrintable(_:)`` tells a caller which texts lose characters.
extension LatexProse {
    /// The scalars beyond ASCII that compile, as closed ranges.
    private static let printable: [ClosedRange<UInt32>] = [
        0x00A1...0x00AA, 0x00AC...0x00AC, 0x00AE...0x00BA, 0x00BC...0x00CF, 0x00D1...0x00DD, 0x00DF...0x00EF,
        0x00F1...0x00FD, 0x00FF...0x0103, 0x0106...0x010F, 0x0112...0x0117, 0x011A...0x0125, 0x0128...0x012D,
        0x0130...0x0137, 0x0139...0x013E, 0x0141...0x0148, 0x014C...0x0165, 0x0168...0x0171, 0x0174...0x017E,
        0x0192...0x0192, 0x01C4...0x01D4, 0x01E2...0x01E3, 0x01E6...0x01E9, 0x01F0...0x01F0, 0x01F4...0x01F5,
        0x0218...0x021B, 0x0232...0x0233, 0x0237...0x0237, 0x1E02...0x1E03, 0x1E0D...0x1E0D, 0x1E1E...0x1E21,
        0x1E25...0x1E25, 0x1E30...0x1E31, 0x1E37...0x1E37, 0x1E43...0x1E43, 0x1E45...0x1E45, 0x1E47...0x1E47,
        0x1E5B...0x1E5B, 0x1E63...0x1E63, 0x1E6D...0x1E6D, 0x1E8E...0x1E91, 0x1E9E...0x1E9E, 0x1EF2...0x1EF3,
        0x2010...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2031,
        0x203B...0x203B, 0x203D...0x203D, 0x2044...0x2044, 0x204E...0x204E, 0x2052...0x2052,
    ]

    /// What a character none of whose forms compiles is printed as.
    static let unprintable = "\\textbf{?}"

    /// Whether `character` prints as it is (ASCII, or every scalar in ``printable``).
    static func printsAsIs(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII || printable.contains { $0.contains(scalar.value) }
        }
    }

    /// Whether every character of `text` reaches a LaTeX page as it is: none is printed as `?`.
    package static func isPrintable(_ text: String) -> Bool {
        text.allSatisfy { marks[$0] != nil || printsAsIs($0) }
    }
}
