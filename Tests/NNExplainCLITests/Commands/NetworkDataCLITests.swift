import Foundation
import NNExplainTestSupport
import Testing

/// `nnexplain network --data … --test-data …`: the CSV files' rows become the network file's samples
/// and held-out samples, and every problem is one sentence naming the file, line and column.
struct NetworkDataCLITests {
    static func file(_ text: String) throws -> String { try ScratchFolder.file(text, kind: "data", ext: "csv") }

    /// A 2-input, 3-class network (--random 2,3 with softmax) fed an iris-like CSV with a label column.
    @Test func labelColumnFillsSamplesAndTest() throws {
        let training = try Self.file("\u{FEFF}\"petal length\",petal width,species\r\n1.4,0.2,setosa\r\n4.7,1.4,versicolor\r\n6.0,2.5,virginica\r\n")
        let test = try Self.file("petal width,species,petal length\n1.5,versicolor,4.5\n\n")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-data-\(UUID().uuidString).json").path
        let result = runCLI(["network", "--random", "2,3", "--output-activation", "softmax", "--loss", "cross-entropy",
                             "--data", training, "--test-data", test, "--label-column", "species", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [String: Any]
        let samples = json["samples"] as! [[String: [Double]]], held = json["test"] as! [[String: [Double]]]
        #expect(samples.map { $0["x"]! } == [[1.4, 0.2], [4.7, 1.4], [6.0, 2.5]])
        #expect(samples.map { $0["y"]! } == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(held.map { $0["x"]! } == [[4.5, 1.5]])
        #expect(held.map { $0["y"]! } == [[0, 1, 0]])
        let gradients = runCLI(["gradients", "--network", output])
        #expect(gradients.status == 0)
    }

    @Test func errorsNameFileLineAndColumn() throws {
        let bad = try Self.file("a,b,c,t1,t2\n1,2,3,4,5\n1,2,oops,4,5\n")
        let result = runCLI(["network", "--data", bad, "--target-columns", "t1,t2"])
        #expect(result.status == 65)
        #expect(result.stderr == "Error: data file '\(bad)': line 3, column \"c\" is \"oops\", not a number; write a finite decimal number such as 2.5 or -1e-3 (or name the column as the label)\n")
        let two = try Self.file("a,b,t1,t2\n1,2,4,5\n")
        #expect(runCLI(["network", "--data", two, "--target-columns", "t1,t2"]).stderr
            == "Error: data file '\(two)': it has 2 input columns (\"a\", \"b\"), but the network has 3 inputs; give one input column per input\n")
        let missing = runCLI(["network", "--data", "/nonexistent/x.csv", "--target-columns", "t"])
        #expect(missing.status == 66)
        #expect(missing.stderr == "Error: cannot read data file '/nonexistent/x.csv': no such file; check the path\n")
        let noTargets = runCLI(["network", "--data", two])
        #expect(noTargets.status == 64)
        #expect(noTargets.stderr.hasPrefix("Error: --data needs the targets: --target-columns LIST (numeric columns) or --label-column NAME (a column of classes)\n"))
        #expect(runCLI(["network", "--target-columns", "t"]).status == 64)
    }

    /// A wrong list on the command line is the command line's fault (exit 64 naming the option),
    /// not the data file's (65), whatever the file holds.
    @Test func aWrongListIsAUsageErrorNotTheFiles() throws {
        let labels = try Self.file("a,b,c,kind\n1,2,3,x\n4,5,6,y\n")
        func first(_ arguments: [String]) -> (Int32, String) {
            let result = runCLI(["network", "--data", labels] + arguments)
            return (result.status, String(result.stderr.split(separator: "\n").first ?? ""))
        }
        #expect(first(["--label-column", "kind", "--classes", "x,x"])
                == (64, "Error: --classes: the list of classes names \"x\" twice; name each class once"))
        #expect(first(["--label-column", "kind", "--classes", "x,"])
                == (64, "Error: --classes: the list of classes is empty or holds an empty name; give the class names separated by commas"))
        // Held-out labels without training data: the order of the outputs must be given, not guessed from the held-out file.
        let held = runCLI(["network", "--test-data", labels, "--label-column", "kind"])
        #expect(held.status == 64)
        #expect(held.stderr.hasPrefix("Error: --test-data with --label-column and no --data needs --classes LIST, the classes in the order of the network's outputs\n"))
        let ordered = runCLI(["network", "--random", "3,2", "--test-data", labels, "--label-column", "kind", "--classes", "y,x"])
        #expect(ordered.status == 0, "\(ordered.stderr)")
        #expect(ordered.stdout.contains("\"y\": [0.0, 1.0]") && ordered.stdout.contains("\"y\": [1.0, 0.0]"))
        #expect(runCLI(["network", "--test-data", labels]).stderr.hasPrefix("Error: --test-data needs the targets: "))
        let numbers = try Self.file("a,b,c,t\n1,2,3,4\n")
        let repeated = runCLI(["network", "--data", numbers, "--target-columns", "t,t"])
        #expect(repeated.status == 64)
        #expect(repeated.stderr.hasPrefix("Error: --target-columns: target column \"t\" is named twice; name each once\n"))
    }
}
