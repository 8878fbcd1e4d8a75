import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainTestSupport
import Testing
import NNExplain
import NNExplainCore

/// What a reader of the boundary picture needs: classes told apart by colour under colour-vision
/// deficiencies and by shape without colour, test samples told from training samples, a legend
/// that says so, words for a screen reader, and a file that stays small.
struct BoundaryReadabilityTests {
    static let neuron = BoundaryTests.neuron
    static let threeWay = BoundaryTests.threeWay

    @Test func classColoursStayApartUnderProtanopiaAndDeuteranopia() throws {
        let elements = DiagramReadabilityTests.elements(try BoundaryTests.svg(Self.threeWay, ["--x-range", "-1,1", "--y-range", "-1,1"]))
        var markers: [String] = [], regions: [String] = []
        for c in 0..<3 {
            let fills = Set(elements.with("use", "sample", "training", "class-\(c)").compactMap { $0["fill"] })
            #expect(fills.count == 1, "class \(c): \(fills)")
            markers.append(try #require(fills.first))
            let swatch = try #require(elements.with("rect", "legend-swatch", "region", "class-\(c)").first?["fill"])
            regions.append(swatch)
            // The plane's own rectangles of that class have the legend's colour.
            let shaded = elements.with("rect", "region", "class-\(c)").filter { !($0["class"] ?? "").contains("legend") }
            #expect(!shaded.isEmpty && shaded.allSatisfy { $0["fill"] == swatch }, "class \(c)")
        }
        let simulations = DiagramReadabilityTests.simulations.filter { ["normal", "protanopia", "deuteranopia"].contains($0.name) }
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            for simulation in simulations {
                let marker = DiagramReadabilityTests.deltaE(markers[a], markers[b], simulation.matrix)
                #expect(marker >= 20, "markers \(a), \(b) under \(simulation.name): ΔE \(marker)")
                let region = DiagramReadabilityTests.deltaE(regions[a], regions[b], simulation.matrix)
                #expect(region >= 12, "regions \(a), \(b) under \(simulation.name): ΔE \(region)")
            }
        }
    }

    @Test func everyClassHasItsOwnShapeAndTestSamplesAreHollow() throws {
        let elements = DiagramReadabilityTests.elements(try BoundaryTests.svg(Self.threeWay, ["--x-range", "-1,1", "--y-range", "-1,1"]))
        let shapes = (0..<3).map { c in Set(elements.with("use", "sample", "class-\(c)").compactMap { $0["xlink:href"] }) }
        #expect(shapes.allSatisfy { $0.count == 1 } && Set(shapes.flatMap { $0 }).count == 3, "\(shapes)")
        // Each shape is defined once, with a path of its own.
        let paths = Set(elements.all.filter { $0.name == "path" && ($0.attributes["id"] ?? "").hasPrefix("shape-") }.compactMap { $0.attributes["d"] })
        #expect(paths.count == 3)
        let training = elements.with("use", "sample", "training"), test = elements.with("use", "sample", "test")
        #expect(training.count == 3 && test.count == 1)
        #expect(training.allSatisfy { $0["fill"] != "#ffffff" && $0["stroke"] != $0["fill"] })
        // Hollow: white inside, outlined in the colour training markers of its class are filled with.
        let classZero = elements.with("use", "sample", "training", "class-0").first?["fill"]
        #expect(test.first?["fill"] == "#ffffff" && test.first?["stroke"] == classZero)
    }

    @Test func theLegendNamesEveryClassAndWhatFilledAndHollowMean() throws {
        let svg = try BoundaryTests.svg(Self.neuron)
        let elements = DiagramReadabilityTests.elements(svg)
        #expect(elements.with("g", "legend").count == 1)
        for c in 0..<2 {
            #expect(elements.with("rect", "legend-swatch", "region", "class-\(c)").count == 1)
            #expect(elements.with("use", "legend-swatch", "marker", "class-\(c)").count == 1)
        }
        #expect(elements.with("path", "legend-swatch", "training").count == 1)
        #expect(elements.with("path", "legend-swatch", "test").count == 1)
        #expect(elements.with("line", "legend-swatch", "boundary").count == 1)
        // Spaces next to a name's scripts become shifts (librsvg drops them), so compare without spaces.
        let legend = try BoundaryTests.texts(of: svg, classes: "legend-text").joined(separator: "|").filter { $0 != " " }
        for words in ["the predicted class", "class 0, a0L < 0.5", "class 1, a0L ≥ 0.5", "the target class", "class 1, y0 ≥ 0.5",
                      "filled: a training sample", "hollow: a test sample", "the decision boundary"] {
            #expect(legend.contains(words.filter { $0 != " " }), "\(words) in \(legend)")
        }
        // Without test samples, no line about them.
        var trainingOnly = Self.neuron
        trainingOnly.testSamples = []
        #expect(!(try BoundaryTests.svg(trainingOnly)).contains("test sample"))
    }

    @Test func titleDescriptionAndCaptionSayWhatIsDrawn() throws {
        let svg = try BoundaryTests.svg(Self.neuron, ["--resolution", "40"])
        let document = try XMLDocument(xmlString: svg)
        let root = try #require(DiagramReadabilityTests.elements(svg).all.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "boundary-title boundary-desc")
        let title = try document.nodes(forXPath: "/*/*[local-name()='title']").first?.stringValue
        #expect(title == "What network 2-1 predicts over its inputs")
        let desc = try #require(try document.nodes(forXPath: "/*/*[local-name()='desc']").first?.stringValue)
        for words in ["input 0 from -0.1 to 1.1", "input 1 from -0.1 to 1.1", "40 by 40 cells", "class 0 blue, class 1 orange",
                      "4 training samples", "2 test samples as hollow ones", "class 0 circles in blue, class 1 squares in orange"] {
            #expect(desc.contains(words), "\(words) in \(desc)")
        }
        // Every sample is classified right except none: the neuron gets all six.
        let caption = try BoundaryTests.texts(of: svg, classes: "caption")
        #expect(caption.first == "Training samples classified as their target says: 4 of 4 (100%); test samples: 2 of 2 (100%).")
        #expect(caption.last == "Each cell of the 40 × 40 grid is shaded by the network's output at its centre.")
    }

    @Test func aWrongSampleCountsAgainstTheAccuracyAsPredictCountsIt() throws {
        // Three of the neuron's targets flipped: 1 of 4 right is 25%; 2 of 3 right is 66.7%, rounded
        // as predict rounds it (0% and 100% only when exact, see BatchClaimTests).
        var network = Self.neuron
        network.samples = network.samples.map { Sample(x: $0.x, y: [1 - $0.y[0]]) }
        network.samples[0].y = [1]
        network.testSamples.append(Sample(x: [0.9, 0.1], y: [0]))
        let caption = try BoundaryTests.texts(of: try BoundaryTests.svg(network), classes: "caption")
        #expect(caption.first == "Training samples classified as their target says: 1 of 4 (25%); test samples: 2 of 3 (66.7%).")
    }

    @Test func aHundredByHundredGridStaysSmall() throws {
        // A random 2-16-16-1 tanh network with its weights made 6 times larger, over a wide plane:
        // a winding boundary and bands in many directions.
        var network = Network.random(sizes: [2, 16, 16, 1], samples: 50, seed: 5, activation: .tanh, outputActivation: .sigmoid)
        for l in 0..<network.depth { network.layers[l].weights = network.layers[l].weights.map { $0.map { 6 * $0 } } }
        for shade in ["class", "value"] {
            let svg = try BoundaryTests.svg(network, ["--x-range", "-6,6", "--y-range", "-6,6", "--shade", shade])
            let elements = DiagramReadabilityTests.elements(svg)
            let regions = elements.with("rect", "region").count
            #expect(svg.utf8.count < 150_000, "\(shade): \(svg.utf8.count) bytes")
            #expect(regions < 2_000, "\(shade): \(regions) rectangles for 10,000 cells")
            #expect(elements.with("path", "boundary").count == 1)
        }
    }
}
