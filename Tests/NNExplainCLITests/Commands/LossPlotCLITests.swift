import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `train --plot`'s axes: linear from 0 unless `--log`, `--from EPOCH` zooming in on the later
/// epochs, and lesson 13's overfitting visible in the picture the lesson shows.
struct LossPlotCLITests {
    /// The plot's drawing area, as ``LossPlot`` lays it out: 640×400 less its margins.
    static let (top, plotHeight) = (40.0, 300.0)

    /// Runs `train` with `--plot` and returns the SVG it wrote.
    static func plot(_ arguments: [String]) throws -> XMLDocument {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loss-plot-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("loss.svg").path
        let result = runCLI(["train"] + arguments + ["--plot", file])
        #expect(result.status == 0, "\(result.stderr)")
        return try XMLDocument(xmlString: try String(contentsOfFile: file, encoding: .utf8))
    }

    static func elements(_ document: XMLDocument, _ name: String, _ className: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='\(name)'][@class='\(className)']").compactMap { $0 as? XMLElement }
    }

    static func attribute(_ name: String, _ element: XMLElement) -> String? { element.attributes?.first { $0.name == name }?.stringValue }

    /// The points of a polyline, (x, y) in pixels.
    static func points(_ line: XMLElement) -> [(Double, Double)] {
        (attribute("points", line) ?? "").split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }

    /// A linear axis starts at 0, at the x axis: its lowest tick is 0 and sits on the bottom edge,
    /// even when every loss is far above 0 (the built-in network's 200 epochs end near 0.39).
    @Test func linearAxisStartsAtZero() throws {
        let svg = try Self.plot(["--epochs", "200"])
        let axis = try #require(try Self.elements(svg, "line", "axis y").first)
        #expect(Self.attribute("data-scale", axis) == "linear")
        let ticks = try Self.elements(svg, "text", "tick y")
        let values = ticks.compactMap { Self.attribute("data-value", $0).flatMap(Double.init) }
        #expect(values.min() == 0, "\(values)")
        let zero = try #require(ticks.first { Self.attribute("data-value", $0) == "0" })
        // A label sits 5 px below its tick's line.
        #expect(abs((Double(Self.attribute("y", zero) ?? "") ?? 0) - 5 - (Self.top + Self.plotHeight)) < 0.01)
    }

    /// Logarithmic only by choice: a loss falling over decades is drawn linearly unless `--log`.
    @Test func logarithmicByChoice() throws {
        let decades = ["--epochs", "2000", "--learning-rate", "5"]
        let linear = try Self.plot(decades)
        #expect(Self.attribute("data-scale", try #require(try Self.elements(linear, "line", "axis y").first)) == "linear")
        let log = try Self.plot(decades + ["--log"])
        #expect(Self.attribute("data-scale", try #require(try Self.elements(log, "line", "axis y").first)) == "log")
        #expect(runCLI(["train", "--epochs", "10", "--log"]).status == 64)
        #expect(runCLI(["train", "--epochs", "10", "--from", "3"]).status == 64)
        #expect(runCLI(["train", "--epochs", "10", "--from", "10", "--plot", "/dev/null"]).status == 64)
        #expect(runCLI(["train", "--help"]).stdout.contains("--from <EPOCH>"))
    }

    /// `--from 200` on the iris network's 1,000 epochs: the x axis starts at epoch 200, and the test
    /// loss's rise (0.0477 → 0.0775, over a third of its lowest value) spans at least a fifth of the
    /// plot's height; from epoch 0, under the first loss of 1.7, the same rise is under 6%.
    @Test func fromZoomsOnTheOverfitting() throws {
        let iris = ["--network", TestPaths.package.appendingPathComponent("examples/iris.json").path, "--epochs", "1000"]
        func rise(_ svg: XMLDocument) throws -> Double {
            let test = Self.points(try #require(try Self.elements(svg, "polyline", "test-loss").first))
            let lowest = try #require(test.map(\.1).max()), last = try #require(test.last?.1)
            return (lowest - last) / Self.plotHeight
        }
        let zoomed = try Self.plot(iris + ["--from", "200"])
        let first = try #require(try Self.elements(zoomed, "text", "tick x").first?.stringValue)
        #expect(first == "200")
        #expect(try rise(zoomed) >= 0.2)
        #expect(try rise(try Self.plot(iris)) < 0.06)
        // The picture lesson 13 shows is that zoom.
        let lesson = try XMLDocument(xmlString: try String(contentsOf: TestPaths.lessons.appendingPathComponent("pictures/iris-overfitting.svg"), encoding: .utf8))
        #expect(try rise(lesson) >= 0.2)
    }
}
