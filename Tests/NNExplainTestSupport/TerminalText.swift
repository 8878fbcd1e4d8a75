/// Display columns counted here independently of the renderer: a nonspacing or enclosing mark
/// takes none, a CJK ideograph or Hangul syllable two, anything else one.
public func displayColumns(_ line: String) -> Int {
    line.unicodeScalars.reduce(0) { sum, scalar in
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return sum
        default: return sum + ((0x4E00...0x9FFF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value) ? 2 : 1)
        }
    }
}
