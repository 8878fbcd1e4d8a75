#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BoundaryPicture {
    /// One colour per class from Okabe and Ito's colour-blind-safe palette ("Color Universal
    /// Design", 2008): blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black.
    /// The order puts first the colours that stay furthest apart under protanopia and deuteranopia,
    /// so the two- and three-class pictures most networks give are the safest; every class also has
    /// its own marker shape (``shapes``), so no class is told by colour alone.
    static let classColors = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]

    /// Marker shapes, one per class, as SVG paths round the origin, about 12 units across: circle,
    /// square, triangle, diamond, triangle pointing down, plus, star, hexagon.
    static let shapes = [
        "M-5.5,0A5.5,5.5 0 1,0 5.5,0A5.5,5.5 0 1,0 -5.5,0Z",
        "M-4.8,-4.8H4.8V4.8H-4.8Z",
        "M0,-6.5L6,4L-6,4Z",
        "M0,-6.5L6.5,0L0,6.5L-6.5,0Z",
        "M0,6.5L6,-4L-6,-4Z",
        "M-2,-6H2V-2H6V2H2V6H-2V2H-6V-2H-2Z",
        "M0,-7L1.7,-2.3L6.7,-2.2L2.8,0.9L4.1,5.7L0,2.9L-4.1,5.7L-2.8,0.9L-6.7,-2.2L-1.7,-2.3Z",
        "M-3.2,-5.5H3.2L6.4,0L3.2,5.5H-3.2L-6.4,0Z",
    ]

    /// The names of the shapes, for the description.
    static let shapeNames = ["circles", "squares", "triangles", "diamonds", "downward triangles", "plus signs", "stars", "hexagons"]

    /// The shading of the cells of a class: its colour at 40% on white, light enough that the
    /// markers of every class stand out on it.
    static func regionColor(_ c: Int) -> String { tint(classColors[c], 0.4) }

    /// The shading of output band `b` (0…9): the colour of the class on its side of 0.5, stronger
    /// the further the band's middle `m = (b + ½)/10` lies from 0.5, `0.6 · 2|m − 0.5|` of it, so
    /// that markers of the band's own colour still stand out on the strongest bands.
    static func bandColor(_ b: Int) -> String {
        let middle = (Double(b) + 0.5) / 10
        return tint(classColors[b >= 5 ? 1 : 0], 0.6 * 2 * abs(middle - 0.5))
    }

    /// Cells whose output is NaN: a grey that is no class's colour.
    static let undefinedColor = "#bdbdbd"

    static func color(_ tone: Tone) -> String {
        switch tone {
        case .predicted(let c): return regionColor(c)
        case .band(let b): return bandColor(b)
        case .undefined: return undefinedColor
        }
    }

    /// The class names an SVG element carries for a tone: `class-1`, `band-7 class-1`, `undefined`.
    static func className(_ tone: Tone) -> String {
        switch tone {
        case .predicted(let c): return "class-\(c)"
        case .band(let b): return "band-\(b) class-\(b >= 5 ? 1 : 0)"
        case .undefined: return "undefined"
        }
    }

    /// The boundary's stroke, dark on every tint.
    static let boundaryColor = "#222222"
    /// Training markers are filled with their class colour inside a dark outline; test markers are
    /// hollow (white inside) with a thick outline of their class colour.
    static let outlineColor = "#1a1a1a"
    static let hollowFill = "#ffffff"
    static let hollowStrokeWidth = 2.2

    /// `hex` mixed with white: `strength` of the colour, `1 − strength` of white, per sRGB channel.
    static func tint(_ hex: String, _ strength: Double) -> String {
        let digits = Array(hex.utf8.dropFirst())
        func channel(_ i: Int) -> Int {
            let value = Int(String(decoding: digits[2 * i...2 * i + 1], as: UTF8.self), radix: 16) ?? 0
            return Int((255 - Double(255 - value) * strength).rounded())
        }
        let hexDigits = Array("0123456789abcdef")
        return "#" + String((0..<3).flatMap { i -> [Character] in let v = channel(i); return [hexDigits[v / 16], hexDigits[v % 16]] })
    }
}
