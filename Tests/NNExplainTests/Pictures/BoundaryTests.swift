import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainTestSupport
import Testing
import NNExplain
import NNExplainCore

/// `nnexplain boundary` on networks whose decision regions are known in closed form: every cell's
/// shading, every sample's marker and every tick checked against numbers computed here, from the
/// formulas, never from the picture's own model.
struct BoundaryTests {
    typealias Elements = DiagramReadabilityTests.Elements

    /// One sigmoid neuron, `a = σ(x_0 − x_1 + 0.2)`: class 1 exactly where `x_0 − x_1 + 0.2 ≥ 0`,
    /// since `σ(z) ≥ 0.5 ⇔ z ≥ 0`. Samples span [0, 1] in both inputs, so the plane is [−0.1, 1.1]².
    static let neuron = Network(
        inputs: 2, layers: [Layer(activation: .sigmoid, weights: [[1, -1]], biases: [0.2])], loss: .binaryCrossEntropy,
        samples: [Sample(x: [0, 0], y: [1]), Sample(x: [1, 0], y: [1]), Sample(x: [0, 1], y: [0]), Sample(x: [1, 1], y: [1])],
        testSamples: [Sample(x: [0.5, 0.2], y: [1]), Sample(x: [0.2, 0.8], y: [0])])
    static func neuronZ(_ x0: Double, _ x1: Double) -> Double { x0 - x1 + 0.2 }

    /// Softmax of `z = (x_0, x_1, 0)`: class 0 where `x_0` is largest, 1 where `x_1` is, 2 where both are negative.
    static let threeWay = Network(
        inputs: 2, layers: [Layer(activation: .softmax, weights: [[1, 0], [0, 1], [0, 0]])], loss: .crossEntropy,
        samples: [Sample(x: [0.5, -0.5], y: [1, 0, 0]), Sample(x: [-0.5, 0.5], y: [0, 1, 0]), Sample(x: [-0.5, -0.5], y: [0, 0, 1])],
        testSamples: [Sample(x: [0.6, 0.1], y: [1, 0, 0])])
    /// The lowest index of the largest of `(x_0, x_1, 0)`.
    static func threeWayClass(_ x0: Double, _ x1: Double) -> Int {
        let z = [x0, x1, 0]
        return z.indices.first { z[$0] == z.max()! }!
    }

    /// The SVG `boundary` prints for `network` (written to a file) with `options`.
    static func svg(_ network: Network, _ options: [String] = []) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-boundary-\(UUID().uuidString).json")
        try network.fileText().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = runCLI(["boundary", "--network", file.path] + options)
        #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
        return result.stdout
    }

    /// The plane's frame in SVG units, and the map from inputs to it that the documentation
    /// states: `x_0` from `xs.low` at the left edge to `xs.high` at the right, `x_1` upwards.
    struct Plane {
        let x: Double, y: Double, width: Double, height: Double
        let xs: (low: Double, high: Double), ys: (low: Double, high: Double)
        init(_ elements: Elements, xs: (Double, Double), ys: (Double, Double)) throws {
            let frame = try #require(elements.with("rect", "frame").first)
            (x, y, width, height) = (Double(frame["x"]!)!, Double(frame["y"]!)!, Double(frame["width"]!)!, Double(frame["height"]!)!)
            (self.xs, self.ys) = (xs, ys)
        }
        func point(_ x0: Double, _ x1: Double) -> (x: Double, y: Double) {
            (x + (x0 - xs.low) / (xs.high - xs.low) * width, y + (ys.high - x1) / (ys.high - ys.low) * height)
        }
        /// The centre of cell (c, r) of an n × n grid, in inputs.
        func centre(_ c: Int, _ r: Int, of n: Int) -> (Double, Double) {
            (xs.low + (Double(c) + 0.5) / Double(n) * (xs.high - xs.low), ys.low + (Double(r) + 0.5) / Double(n) * (ys.high - ys.low))
        }
    }

    /// The classes of the topmost region rectangle under an SVG point (the last one drawn there).
    static func shading(at point: (x: Double, y: Double), _ elements: Elements) -> Set<String> {
        let regions = elements.with("rect", "region").filter { !($0["class"] ?? "").contains("legend") }
        let hit = regions.last { r in
            let (x, y, w, h) = (Double(r["x"]!)!, Double(r["y"]!)!, Double(r["width"]!)!, Double(r["height"]!)!)
            return point.x > x && point.x < x + w && point.y > y && point.y < y + h
        }
        return Set((hit?["class"] ?? "").split(separator: " ").map(String.init))
    }

    @Test func everyCellOfTheNeuronsPlaneHasTheClassOfItsSideOfTheLine() throws {
        let n = 20
        let elements = DiagramReadabilityTests.elements(try Self.svg(Self.neuron, ["--resolution", String(n)]))
        let plane = try Plane(elements, xs: (-0.1, 1.1), ys: (-0.1, 1.1))
        var sides = [0, 0]
        for r in 0..<n {
            for c in 0..<n {
                let (x0, x1) = plane.centre(c, r, of: n)
                let expected = Self.neuronZ(x0, x1) >= 0 ? 1 : 0
                sides[expected] += 1
                let classes = Self.shading(at: plane.point(x0, x1), elements)
                #expect(classes.contains("class-\(expected)") && classes.contains("region"), "cell (\(c), \(r)) at (\(x0), \(x1)): \(classes)")
            }
        }
        // Both sides of the line hold many cells, so both are really tested.
        #expect(sides[0] > 100 && sides[1] > 100, "\(sides)")
        // Points far from the line, named: the corners.
        #expect(Self.shading(at: plane.point(-0.05, 1.05), elements).contains("class-0"))
        #expect(Self.shading(at: plane.point(1.05, -0.05), elements).contains("class-1"))
    }

    @Test func everyCellOfTheSoftmaxPlaneHasItsArgmaxLowestIndexOnTies() throws {
        let n = 24
        let elements = DiagramReadabilityTests.elements(
            try Self.svg(Self.threeWay, ["--resolution", String(n), "--x-range", "-1,1", "--y-range", "-1,1"]))
        let plane = try Plane(elements, xs: (-1, 1), ys: (-1, 1))
        var seen = Set<Int>()
        for r in 0..<n {
            for c in 0..<n {
                let (x0, x1) = plane.centre(c, r, of: n)
                let expected = Self.threeWayClass(x0, x1)
                seen.insert(expected)
                #expect(Self.shading(at: plane.point(x0, x1), elements).contains("class-\(expected)"), "cell (\(c), \(r))")
            }
        }
        #expect(seen == [0, 1, 2])
    }

    @Test func valueShadingPutsEachCellInTheBandOfItsOutput() throws {
        let n = 16
        let elements = DiagramReadabilityTests.elements(try Self.svg(Self.neuron, ["--resolution", String(n), "--shade", "value"]))
        let plane = try Plane(elements, xs: (-0.1, 1.1), ys: (-0.1, 1.1))
        var bands = Set<Int>()
        for r in 0..<n {
            for c in 0..<n {
                let (x0, x1) = plane.centre(c, r, of: n)
                let a = 1 / (1 + exp(-Self.neuronZ(x0, x1)))
                let tenths = 10 * a
                if abs(tenths - tenths.rounded()) < 1e-9 { continue }  // on a band edge
                let band = Int(tenths.rounded(.down))
                bands.insert(band)
                let classes = Self.shading(at: plane.point(x0, x1), elements)
                #expect(classes.contains("band-\(band)") && classes.contains("class-\(a >= 0.5 ? 1 : 0)"), "cell (\(c), \(r)), a = \(a): \(classes)")
            }
        }
        // σ over z in [−1, 1.4]: bands 2 to 7.
        #expect(bands == Set(2...7), "\(bands)")
        let legend = elements.with("rect", "legend-swatch", "band")
        #expect(legend.count == 10)
    }

    @Test func eachSampleHasAMarkerOfItsTargetClassAtItsPoint() throws {
        let elements = DiagramReadabilityTests.elements(try Self.svg(Self.neuron))
        let plane = try Plane(elements, xs: (-0.1, 1.1), ys: (-0.1, 1.1))
        for (kind, samples) in [("training", Self.neuron.samples), ("test", Self.neuron.testSamples)] {
            let markers = elements.with("use", "sample", kind)
            #expect(markers.count == samples.count, "\(kind)")
            for (marker, sample) in zip(markers, samples) {
                let target = sample.y[0] >= 0.5 ? 1 : 0
                let at = plane.point(sample.x[0], sample.x[1])
                #expect(abs(Double(marker["x"]!)! - at.x) < 0.006 && abs(Double(marker["y"]!)! - at.y) < 0.006, "\(sample.x)")
                #expect((marker["class"] ?? "").split(separator: " ").contains("class-\(target)"))
                #expect(marker["xlink:href"] == "#shape-\(target)")
            }
        }
    }

    @Test func ticksSitAtTheirValues() throws {
        let elements = DiagramReadabilityTests.elements(try Self.svg(Self.neuron))
        let plane = try Plane(elements, xs: (-0.1, 1.1), ys: (-0.1, 1.1))
        let xLines = elements.with("line", "tick", "x"), yLines = elements.with("line", "tick", "y")
        #expect(xLines.count >= 4 && yLines.count >= 4)
        let texts = try Self.texts(of: try Self.svg(Self.neuron), classes: "tick x")
        #expect(texts.count == xLines.count)
        for (line, text) in zip(xLines, texts) {
            let value = try #require(Double(text))
            #expect(abs(Double(line["x1"]!)! - plane.point(value, 0).x) < 0.006, "tick \(text)")
            #expect(value >= -0.1 && value <= 1.1)
        }
    }

    /// The character data of every `text` element with exactly these classes.
    static func texts(of svg: String, classes: String) throws -> [String] {
        let document = try XMLDocument(xmlString: svg)
        return try document.nodes(forXPath: "//*[local-name()='text'][@class='\(classes)']").map { $0.stringValue ?? "" }
    }

    @Test func axesAreNamedX0AndX1WithRealSubscripts() throws {
        let svg = try Self.svg(Self.neuron)
        #expect(try Self.texts(of: svg, classes: "label x") == ["x0"])
        #expect(try Self.texts(of: svg, classes: "label y") == ["x1"])
        #expect(svg.contains(#"<text class="label x""#) && svg.contains(#"<tspan dy="4.0" font-size="70%">0</tspan>"#))
        #expect(svg.contains(#"<tspan dy="4.0" font-size="70%">1</tspan>"#))
    }

    @Test func samplesOutsideAGivenRangeAreLeftOutAndCounted() throws {
        // The neuron's samples with x_0 below 0.4: (0, 0), (0, 1) and the test sample (0.2, 0.8).
        let svg = try Self.svg(BoundaryTests.neuron, ["--x-range", "0.4,2", "--resolution", "10"])
        let elements = DiagramReadabilityTests.elements(svg)
        #expect(elements.with("use", "sample").count == 3)
        #expect(svg.contains("3 samples lie outside the plane and are not drawn."))
        // The accuracy still counts every sample.
        #expect(svg.contains("4 of 4 (100%); test samples: 2 of 2 (100%)"))
    }

    @Test func cellsWhoseOutputIsNotANumberHaveNoClass() throws {
        // z = 1e308·x_0 − 1e308·x_1 overflows to ∞ − ∞ = NaN where both inputs are near 2.
        let network = Network(inputs: 2, layers: [Layer(activation: .sigmoid, weights: [[1e308, -1e308]])],
                              samples: [Sample(x: [0, 0], y: [1])])
        let svg = try Self.svg(network, ["--x-range", "1.9,2.1", "--y-range", "1.9,2.1", "--resolution", "4"])
        let elements = DiagramReadabilityTests.elements(svg)
        #expect(elements.with("rect", "region", "base", "undefined").count == 1)
        #expect(elements.with("rect", "region", "class-0").filter { !($0["class"] ?? "").contains("legend") }.isEmpty)
        #expect(svg.contains("no class: the output is not a number"))
        #expect(svg.contains("1 sample lies outside the plane"))
    }

    /// Samples that all share one value of an input are drawn round it, whatever its size: ±1 round
    /// a small value, ±10% round a large one (±1 was lost in rounding next to 1e16, and the range
    /// came out empty, refused as one that "spans more than a picture can").
    @Test func aZeroSpanIsDrawnRoundItsValueAtAnySize() throws {
        #expect(BoundaryPicture.dataRange([5, 5]) == 4...6)
        #expect(BoundaryPicture.dataRange([-0.5]) == -1.5...0.5)
        for v in [1e16, -3e200, 1e300] {
            let range = try #require(BoundaryPicture.dataRange([v, v]), "\(v)")
            #expect(range.lowerBound < v && v < range.upperBound, "\(v): \(range)")
        }
    }
}
