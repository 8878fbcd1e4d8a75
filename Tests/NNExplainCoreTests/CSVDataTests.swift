import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The CSV reader: RFC 4180 quoting, a BOM, CR LF, a blank last line; samples from target columns or
/// a one-hot label; and every error naming its line (1-based, in the file) and column. Expected
/// values are read off the fixtures by hand.
struct CSVDataTests {
    static func table(_ text: String) throws -> CSVTable { try CSVTable.parse(Array(text.utf8)) }

    static func error(_ text: String, _ targets: DataSet.Targets = .columns(["y"])) -> DataError? {
        do { _ = try DataSet(table: CSVTable.parse(Array(text.utf8)), targets: targets); return nil } catch { return error }
    }

    @Test func quotedHeaderBOMAndCRLF() throws {
        let t = try Self.table("\u{FEFF}\"sepal, length\",\"the \"\"width\"\"\",y\r\n1.5,2,0\r\n-3e-1,+4,1\r\n")
        #expect(t.header == ["sepal, length", "the \"width\"", "y"])
        #expect(t.rows == [CSVTable.Row(line: 2, fields: ["1.5", "2", "0"]), CSVTable.Row(line: 3, fields: ["-3e-1", "+4", "1"])])
        let data = try DataSet(table: t, targets: .columns(["y"]))
        #expect(data.inputColumns == ["sepal, length", "the \"width\""])
        #expect(data.samples == [Sample(x: [1.5, 2], y: [0]), Sample(x: [-0.3, 4], y: [1])])
    }

    @Test func blankLastLineAndNoFinalBreak() throws {
        #expect(try Self.table("a,y\n1,2\n\n").rows.count == 1)
        #expect(try Self.table("a,y\n1,2").rows == [CSVTable.Row(line: 2, fields: ["1", "2"])])
    }

    /// A quoted column name over two lines: the records start on lines 3 and 4, and an error says so.
    @Test func linesCountQuotedLineBreaks() throws {
        let text = "\"long\nname\",y\n1,2\n3,x\n"
        #expect(try Self.table(text).header == ["long\nname", "y"])
        #expect(try Self.table(text).rows.map(\.line) == [3, 4])
        #expect(Self.error(text) == .notANumber(line: 4, column: "y", text: "x"))
        #expect(DataError.notANumber(line: 4, column: "y", text: "x").message
            == "line 4, column \"y\" is \"x\", not a number; write a finite decimal number such as 2.5 or -1e-3 (or name the column as the label)")
    }

    @Test func targetColumnsInTheirOrder() throws {
        let data = try DataSet(table: Self.table("t2,x,t1\n1,2,3\n"), targets: .columns(["t1", "t2"]))
        #expect(data.samples == [Sample(x: [2], y: [3, 1])])
    }

    /// Classes in the order first seen: setosa, virginica, versicolor.
    @Test func labelOneHotInOrderFirstSeen() throws {
        let data = try DataSet(table: Self.table("x,species\n1,setosa\n2,virginica\n3,setosa\n4,versicolor\n"), targets: .label("species", classes: nil))
        #expect(data.classes == ["setosa", "virginica", "versicolor"])
        #expect(data.samples.map(\.y) == [[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]])
        #expect(data.targetNames == ["species=setosa", "species=virginica", "species=versicolor"])
    }

    @Test func fixedClasses() throws {
        let t = try Self.table("x,c\n1,b\n2,a\n")
        #expect(try DataSet(table: t, targets: .label("c", classes: ["a", "b", "z"])).samples.map(\.y) == [[0, 1, 0], [1, 0, 0]])
        #expect(Self.error("x,c\n1,b\n2,q\n", .label("c", classes: ["a", "b"])) == .unknownClass(line: 3, column: "c", label: "q", classes: ["a", "b"]))
        #expect(Self.error("x,c\n1,b\n", .label("c", classes: ["a", "a"])) == .repeatedClass("a"))
    }

    /// Held-out data: its columns in another order are put in the training data's; its labels use the training's classes.
    @Test func testDataFollowsTraining() throws {
        let training = try DataSet(table: Self.table("a,b,c\n1,2,x\n3,4,y\n"), targets: .label("c", classes: nil))
        let test = try DataSet(table: Self.table("b,c,a\n20,y,10\n"), targets: .label("c", classes: nil), training: training)
        #expect(test.samples == [Sample(x: [10, 20], y: [0, 1])])
        #expect(throws: DataError.inputColumnsDiffer(missing: ["b"], extra: ["d"])) {
            try DataSet(table: Self.table("a,d,c\n1,2,x\n"), targets: .label("c", classes: nil), training: training)
        }
        #expect(throws: DataError.unknownClass(line: 2, column: "c", label: "z", classes: ["x", "y"])) {
            try DataSet(table: Self.table("a,b,c\n1,2,z\n"), targets: .label("c", classes: nil), training: training)
        }
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(Self.error("a,y\n1,2\n3\n") == .fieldCount(line: 3, count: 1, columns: 2))
        #expect(Self.error("a,y\n1,2\n\n3,4\n") == .blankLine(line: 3))
        #expect(Self.error("a,y\n1,\"2\n") == .openQuote(line: 2))
        #expect(Self.error("a,y\n1,2\"\n") == .strayQuote(line: 2))
        #expect(Self.error("a,y\n1,\"2\"x\n") == .afterClosingQuote(line: 2))
        #expect(Self.error("a,a,y\n1,2,3\n") == .repeatedColumn("a"))
        #expect(Self.error("a,,y\n1,2,3\n") == .emptyColumnName(column: 2))
        #expect(Self.error("") == .empty)
        #expect(Self.error("\u{FEFF}a,y\r\n") == .noRows)
        #expect((try? CSVTable.parse([0x61, 0xFF, 0x0A])) == nil)
    }

    @Test func numbersAndColumns() {
        #expect(Self.error("a,y\n1,nan\n") == .notANumber(line: 2, column: "y", text: "nan"))
        #expect(Self.error("a,y\n0x10,1\n") == .notANumber(line: 2, column: "a", text: "0x10"))
        // A well-formed number beyond a double's range is too large, not "not a number".
        #expect(Self.error("a,y\n1e999,1\n") == .tooLarge(line: 2, column: "a", text: "1e999"))
        #expect(Self.error("a,y\n1,-" + String(repeating: "9", count: 400) + "\n") == .tooLarge(line: 2, column: "y", text: "-" + String(repeating: "9", count: 400)))
        #expect(Self.error("a,y\n1.7976931348623157e308,1\n") == nil)
        #expect(Self.error("a,y\n1e-999,1\n") == nil)
        #expect(Self.error("a,y\n1, \n") == .emptyField(line: 2, column: "y"))
        #expect(Self.error("a,y\n1,2\n", .columns(["z"])) == .unknownColumn("z", columns: ["a", "y"]))
        #expect(Self.error("a,y\n1,2\n", .columns(["y", "y"])) == .repeatedTarget("y"))
        #expect(Self.error("a,y\n1,2\n", .columns(["a", "y"])) == .noInputs)
        #expect(Self.error("a,y\n1,2\n", .columns([])) == .noTargets)
    }

    /// Replacing a network's samples: counts must match, and a target the loss cannot have names its line.
    @Test func replacingData() throws {
        let network = Network(inputs: 2, layers: [Layer(activation: .sigmoid, weights: [[1, 2]])], loss: .binaryCrossEntropy,
                              samples: [Sample(x: [0, 0], y: [0])])
        let good = try DataSet(table: Self.table("a,b,y\n1,2,0.5\n3,4,1\n"), targets: .columns(["y"]))
        let replaced = try network.replacingData(training: good, test: good)
        #expect(replaced.samples == [Sample(x: [1, 2], y: [0.5]), Sample(x: [3, 4], y: [1])])
        #expect(replaced.testSamples == replaced.samples)
        let bad = try DataSet(table: Self.table("a,b,y\n1,2,0.5\n3,4,2\n"), targets: .columns(["y"]))
        #expect(throws: DataError.target(.target(.binaryCrossEntropy, sample: 1, node: 0, value: 2, held: false), line: 3, column: "y")) {
            try network.replacingData(training: bad, test: nil)
        }
        let three = try DataSet(table: Self.table("a,b,c,y\n1,2,3,4\n"), targets: .columns(["y"]))
        #expect(throws: DataError.inputCount(columns: ["a", "b", "c"], inputs: 2)) { try network.replacingData(training: three, test: nil) }
        let labels = try DataSet(table: Self.table("a,b,y\n1,2,p\n3,4,q\n"), targets: .label("y", classes: nil))
        #expect(throws: DataError.targetCount(names: ["y=p", "y=q"], label: "y", outputs: 1)) { try network.replacingData(training: labels, test: nil) }
        #expect(DataError.targetCount(names: ["y=p", "y=q"], label: "y", outputs: 1).message
            == "label column \"y\" has 2 classes (one output each), but the network's output layer has 1 node; give one target per output node")
    }

    /// A seeded fuzz: 3,000 texts of the characters that matter (quotes, commas, CR, LF, digits, a BOM
    /// byte, a non-UTF-8 byte) each give a table or a DataError, never a trap; a table's rows all
    /// have the header's field count and lines that rise.
    @Test func fuzzNeverTraps() {
        var generator = SeededGenerator(seed: 24)
        let alphabet: [UInt8] = Array("ab1.5e-,\"\r\n ".utf8) + [0xEF, 0xBB, 0xBF, 0xFF]
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            guard let table = try? CSVTable.parse(bytes) else { continue }
            #expect(table.rows.allSatisfy { $0.fields.count == table.header.count })
            #expect(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.line < $1.line })
            for targets: DataSet.Targets in [.columns([table.header.last!]), .label(table.header.last!, classes: nil)] {
                _ = try? DataSet(table: table, targets: targets)
            }
        }
    }
}
