import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `diagram` for a projector: a wide network (iris 4-8-3, digits 64-32-10) laid out for a 16:9
/// screen, `--scale` for its size, and the DOT picture with a legend and the chain rule's summed
/// edges drawn bold, never dashed like a negative weight.
struct DiagramShapeTests {
    static func example(_ name: String) -> String { TestPaths.package.appendingPathComponent("examples/\(name).json").path }

    /// The `width`, `height` and viewBox size of the SVG's root element.
    static func size(_ svg: String) throws -> (width: Double, height: Double, viewWidth: Double, viewHeight: Double) {
        let match = try #require(svg.firstMatch(of: /<svg [^>]*width="([0-9.]+)" height="([0-9.]+)" viewBox="0 0 ([0-9.]+) ([0-9.]+)"/))
        return (Double(match.output.1)!, Double(match.output.2)!, Double(match.output.3)!, Double(match.output.4)!)
    }

    /// Without an option, iris and digits (whose columns made pictures 628×910 and 627×1181) come
    /// out 16:9, within a unit; digits shows at most 6 nodes of a column and an ellipsis.
    @Test(arguments: ["iris", "digits"])
    func wideNetworksAreLaidOutForASixteenByNineScreen(_ name: String) throws {
        let result = runCLI(["diagram", "--network", Self.example(name)])
        #expect(result.status == 0)
        let size = try Self.size(result.stdout)
        #expect(abs(size.width - size.height * 16 / 9) <= 1, "\(size)")
        if name == "digits" {
            #expect(result.stdout.components(separatedBy: "<circle class=\"node").count - 1 == 18)
            #expect(result.stdout.contains("⋯ 58 more") && result.stdout.contains("⋯ 26 more") && result.stdout.contains("⋯ 4 more"))
        }
        let tall = try Self.size(runCLI(["diagram", "--network", Self.example(name), "--portrait"]).stdout)
        #expect(tall.height > tall.width)
    }

    /// `--landscape` asks for it on any network: the built-in one's picture (855×400) is already
    /// wider than 16:9 and stays as it is; so it is without the option.
    @Test func landscapeOnRequest() throws {
        let size = try Self.size(runCLI(["diagram", "--landscape"]).stdout)
        #expect(size.width >= size.height * 16 / 9 && size.width == 855, "\(size)")
        let deep = try Self.size(runCLI(["diagram", "--random", "2,9,2", "--landscape"]).stdout)
        #expect(abs(deep.width - deep.height * 16 / 9) <= 1, "\(deep)")
        let plain = try Self.size(runCLI(["diagram"]).stdout)
        #expect(plain.width == 855 && plain.height == 400)
    }

    /// `--scale 1.5` draws the same picture half as large again: its size, not its viewBox.
    @Test func scaleSetsTheSize() throws {
        let one = try Self.size(runCLI(["diagram"]).stdout), scaled = try Self.size(runCLI(["diagram", "--scale", "1.5"]).stdout)
        #expect(scaled.viewWidth == one.viewWidth && scaled.viewHeight == one.viewHeight)
        #expect(scaled.width == 1.5 * one.width && scaled.height == 1.5 * one.height)
        for bad in [["--scale", "0"], ["--scale", "9"], ["--scale", "x"], ["--landscape", "--portrait"], ["--format", "dot", "--scale", "2"]] {
            let result = runCLI(["diagram"] + bad)
            #expect(result.status == 64, "\(bad)")
        }
    }

    /// DOT: a legend node names every kind of edge drawn, and the summed edges are `style=bold`,
    /// never `dashed`, the style of a negative weight.
    @Test func dotHasALegendAndBoldSums() throws {
        let dot = runCLI(["diagram", "--layer", "L-2", "--j", "2", "--k", "1", "--format", "dot"]).stdout
        let legend = try #require(dot.split(separator: "\n").first { $0.contains("\"legend\" [") })
        for text in ["w &gt; 0", "w &lt; 0, dashed", "the chosen weight (solid)", "(bold)", "path on to the output (dotted)"] {
            #expect(legend.contains(text), "\(text)")
        }
        #expect(dot.contains("subgraph \"cluster_legend\""))
        let sums = dot.split(separator: "\n").filter { $0.contains(" -> ") && $0.contains("\"l1_n2\" -> \"l2_") }
        #expect(sums.count == 3)
        #expect(sums.allSatisfy { $0.contains("style=bold") && !$0.contains("dashed") })
    }
}
