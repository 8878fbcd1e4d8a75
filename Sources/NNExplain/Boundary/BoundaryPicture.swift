/// A picture of what a network with two inputs has learned: the input plane `(x_0, x_1)` divided
/// into the regions where it predicts each class, with the samples on it marked by their target class.
///
/// Every number is computed here, once, in `init`; ``svg()`` only writes them down.
///
/// - The plane is `xRange × yRange`, cut into `resolution × resolution` cells. Cell `(column c,
///   row r)` spans `x_0 ∈ [x_lo + c·Δx, x_lo + (c+1)·Δx]` and `x_1 ∈ [y_lo + r·Δy, y_lo + (r+1)·Δy]`
///   with `Δx = (x_hi − x_lo)/resolution`: row 0 is at the bottom, where `x_1` is smallest.
/// - Each cell takes the class the network predicts at its centre, ``Classification/classOf(_:)`` of
///   ``Network/outputs(at:)`` (the argmax of `a^L`, or `a_0^L ≥ 0.5` for one output); with
///   ``Shading/value`` it is shaded by the band of `a_0^L` it falls in, ten bands of width 0.1.
/// - Cells of one tone are merged into rectangles (``regions``), and the edges between cells of
///   different classes make the decision boundary (``boundary``), so a 100 × 100 grid is a few
///   hundred shapes rather than ten thousand.
/// - Samples (training and test) are drawn at their `x`, by the class of their target `y` (the same
///   rule as the outputs); their predictions give the accuracies in the caption.
public struct BoundaryPicture: Sendable {
    /// What the regions show.
    public enum Shading: String, CaseIterable, Sendable {
        /// The predicted class.
        case classes = "class"
        /// The output `a_0^L` of a one-output network, in ten bands.
        case value
    }

    /// One sample as drawn: where, its target class, the class predicted for it, and whether it is held out.
    struct Point: Sendable {
        let index: Int
        let x: Double
        let y: Double
        let target: Int
        let predicted: Int?
        let test: Bool
        var correct: Bool { predicted == target }
    }

    /// How a cell is shaded: by its class, by the band of its output, or as having no class (an
    /// output that is NaN).
    enum Tone: Hashable, Sendable {
        case predicted(Int)
        case band(Int)
        case undefined
    }

    /// A rectangle of cells of one tone, in cells: columns `column ..< column + columns`, rows
    /// `row ..< row + rows`.
    struct Region: Sendable, Equatable {
        let column: Int
        let row: Int
        let columns: Int
        let rows: Int
        let tone: Tone
    }

    /// A straight piece of the boundary on a grid line: with `vertical`, the line `x = line` (in
    /// columns) from row `from` to row `to`; otherwise the line `y = line` (in rows) from column
    /// `from` to column `to`.
    struct Segment: Sendable, Equatable {
        let vertical: Bool
        let line: Int
        let from: Int
        let to: Int
    }

    /// Layer sizes, inputs first, for the title.
    let sizes: [Int]
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let resolution: Int
    let shading: Shading
    /// How many classes the outputs tell apart (``Classification/classCount(outputs:)``).
    let classCount: Int
    /// The class of every cell, row by row from the bottom: `cells[r * resolution + c]`.
    let cells: [Int?]
    /// The tone most cells have, drawn as the plane's background; ``regions`` holds the others.
    let baseTone: Tone
    let regions: [Region]
    let boundary: [Segment]
    /// The samples inside the plane.
    let points: [Point]
    /// How many samples lie outside the plane (only with a range given) and are not drawn.
    let outside: Int
    /// Training and test samples the network classifies as their target says, and how many there are.
    let training: (correct: Int, total: Int)
    let test: (correct: Int, total: Int)
    /// Whether some cell's output is NaN.
    var hasUndefined: Bool { cells.contains(nil) }

    /// The widest margin round the samples: 10% of their span on each side, or round a single
    /// value 10% of its size (at least 1).
    package static let margin = 0.1

    /// The range of the plane along one input when none is given: the samples' smallest to largest
    /// value of it, widened by ``margin`` of that span on each side (when every sample has the same
    /// value v, by max(1, 10% of |v|) on each side, so that the margin is not lost in rounding next
    /// to a large v such as 1e16). Nil when that range is not finite (values near ±1.8e308).
    package static func dataRange(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let pad = high > low ? (high - low) * margin : max(1, abs(low) * margin)
        let range = (low - pad, high + pad)
        guard range.0.isFinite, range.1.isFinite, (range.1 - range.0).isFinite, range.0 < range.1 else { return nil }
        return range.0...range.1
    }

    /// The picture of `network` over `xRange × yRange` (each of positive, finite width), on a
    /// `resolution × resolution` grid.
    ///
    /// - Parameters:
    ///   - network: a network of 2 inputs (``range(_:input:of:)`` gives ranges from its samples).
    ///   - xRange: the range of input 0 drawn across.
    ///   - yRange: the range of input 1 drawn up.
    ///   - resolution: cells along each side of the grid.
    ///   - shading: what colours a cell: the predicted class, or the single output's value.
    /// - Throws: ``Problem/network(_:)`` for a network that is not well formed, then the
    ///   ``Problem`` of ``require(_:resolution:shading:)``: the network must have 2
    ///   inputs and at most ``maxClasses`` classes, one output for ``Shading/value``, and the grid
    ///   at least one cell and at most ``workLimit`` multiply-adds.
    public init(network: Network, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, resolution: Int,
                shading: Shading) throws(Problem) {
        do throws(NetworkError) { try network.requireWellFormed() } catch { throw .network(error) }
        try BoundaryPicture.require(NetworkShape(network), resolution: resolution, shading: shading)
        let outputs = network.size(ofLayer: network.depth)
        sizes = network.sizes
        (self.xRange, self.yRange, self.resolution, self.shading) = (xRange, yRange, resolution, shading)
        classCount = Classification.classCount(outputs: outputs)

        var cells: [Int?] = [], tones: [Tone] = []
        cells.reserveCapacity(resolution * resolution)
        tones.reserveCapacity(resolution * resolution)
        for r in 0..<resolution {
            for c in 0..<resolution {
                let centre = [BoundaryPicture.centre(c, of: resolution, in: xRange), BoundaryPicture.centre(r, of: resolution, in: yRange)]
                let a = network.uncheckedOutputs(at: centre)
                let predicted = Classification.classOf(a)
                cells.append(predicted)
                tones.append(shading == .value ? BoundaryPicture.band(a[0]).map(Tone.band) ?? .undefined
                                                : predicted.map(Tone.predicted) ?? .undefined)
            }
        }
        self.cells = cells
        (baseTone, regions) = BoundaryPicture.regions(tones, size: resolution)
        boundary = BoundaryPicture.boundary(cells, size: resolution)

        var points: [Point] = [], outside = 0
        var training = (correct: 0, total: 0), test = (correct: 0, total: 0)
        for (isTest, samples) in [(false, network.samples), (true, network.testSamples)] {
            for (s, sample) in samples.enumerated() {
                guard let target = Classification.classOf(sample.y) else { continue }
                let predicted = Classification.classOf(network.uncheckedOutputs(at: sample.x))
                let point = Point(index: s, x: sample.x[0], y: sample.x[1], target: target, predicted: predicted, test: isTest)
                if isTest { test.total += 1; test.correct += point.correct ? 1 : 0 } else { training.total += 1; training.correct += point.correct ? 1 : 0 }
                if xRange.contains(point.x), yRange.contains(point.y) { points.append(point) } else { outside += 1 }
            }
        }
        (self.points, self.outside, self.training, self.test) = (points, outside, training, test)
    }

    /// The most classes a picture tells apart: one colour and one marker shape for each.
    public static let maxClasses = 8

    /// The centre of cell `i` of `count` along `range`: `low + (i + ½)/count · (high − low)`.
    static func centre(_ i: Int, of count: Int, in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (Double(i) + 0.5) / Double(count) * (range.upperBound - range.lowerBound)
    }

    /// The band `⌊10a⌋` of an output, 0…9 (the end bands holding everything below 0.1 and from 0.9
    /// up), kept on the side of 0.5 that ``Classification`` puts `a` on; nil for NaN.
    static func band(_ a: Double) -> Int? {
        guard !a.isNaN else { return nil }
        let raw = (a * 10).rounded(.down)
        return a >= Classification.threshold ? Int(min(max(raw, 5), 9)) : Int(min(max(raw, 0), 4))
    }
}
