import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing

/// Every `--format json` output, and every double the one writer can write, read by Python's `json`
/// module, a reader independent of this package and of Foundation: strict JSON (no `NaN` or
/// `Infinity`), and each number the same integer, or a double with the same bits, as this
/// package's parser reads. Skipped, with the reason, where python3 is not installed.
struct JSONReadersTests {
    static let python = Tools.python3
    static let missing = Tools.missing("python3", install: "Debian's python3",
                                       unchecked: "Python's json did not read the output (Foundation's reader still did, in JSONWriterTests)")

    /// Reads JSON strictly from standard input and prints its numbers in document order, one a
    /// line: `i <digits>` for an integer, `f <bits>` for a double as its 64-bit pattern in decimal.
    static let script = """
        import json, struct, sys
        def refuse(name): raise ValueError("not JSON: " + name)
        def walk(v):
            if isinstance(v, bool) or v is None or isinstance(v, str): return
            if isinstance(v, int): print("i", v); return
            if isinstance(v, float): print("f", struct.unpack("<Q", struct.pack("<d", v))[0]); return
            for x in (v.values() if isinstance(v, dict) else v): walk(x)
        walk(json.loads(sys.stdin.buffer.read().decode("utf-8"), parse_constant=refuse))
        """

    /// What Python printed for `text`, or nil when it refused it.
    static func pythonNumbers(_ text: String) throws -> [String]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python))
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, FileHandle.nullDevice)
        try process.run()
        // Write from another thread: a large text would fill the pipe while Python's output waits.
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The same list from this package's parser.
    static func ownNumbers(_ value: JSONValue) -> [String] {
        switch value {
        case .integer(let n): return ["i \(n)"]
        case .number(let d): return ["f \(d.bitPattern)"]
        case .array(let elements): return elements.flatMap(ownNumbers)
        case .object(let members): return members.flatMap { ownNumbers($0.value) }
        case .null, .bool, .string: return []
        }
    }

    static let mazur = Fixtures.path("mazur.json"), softmax = Fixtures.path("softmax-soft.json")

    /// Every command and option that changes the shape of the JSON.
    static let commands: [[String]] = [
        ["forward"], ["forward", "--network", softmax],
        ["gradients"], ["gradients", "--batch", "0"], ["check"], ["check", "--network", mazur],
        ["step", "--layer", "L", "--j", "0", "--k", "1"], ["step", "--layer", "L-1", "--j", "1", "--k", "2", "--average"],
        ["step", "--layer", "L", "--j", "0", "--k", "1", "--network", softmax],
        ["matrix"], ["matrix", "--average"], ["nudge", "--layer", "L-1", "--j", "0", "--k", "1"],
        ["update"], ["update", "--batch", "1"], ["predict", "--network", softmax],
        ["train", "--epochs", "5"], ["train", "--epochs", "5", "--network", mazur],
        ["exercise", "--seed", "7"], ["exercise", "--seed", "7", "--key"], ["network", "--network", mazur],
    ]

    @Test(.enabled(if: python != nil, missing), arguments: commands)
    func pythonReadsEveryOutputWithTheSameNumbers(_ arguments: [String]) throws {
        let format = arguments[0] == "network" ? [] : ["--format", "json"]
        let result = runCLI(arguments + format)
        #expect(result.status == 0, "\(result.stderr)")
        let own = try JSONValue.parse(Array(result.stdout.utf8))
        let python = try #require(try Self.pythonNumbers(result.stdout), "python's json refused the output of \(arguments)")
        #expect(python == Self.ownNumbers(own))
        #expect(!python.isEmpty)
    }

    @Test(.enabled(if: python != nil, missing))
    func pythonReadsEveryWrittenDoubleToTheSameBits() throws {
        let values = TestDoubles.random(count: 20_000, seed: 2026)
        let python = try #require(try Self.pythonNumbers(JSONValue.numbers(values).fileText))
        #expect(python == values.map { "f \($0.bitPattern)" })
    }

    @Test(.enabled(if: python != nil, missing))
    func pythonRefusesWhatIsNotJSONSoItsYesMeansSomething() throws {
        #expect(try Self.pythonNumbers("[NaN]") == nil)
        #expect(try Self.pythonNumbers("[1.0,]") == nil)
        #expect(try Self.pythonNumbers("[1.5, 2]") == ["f \(1.5.bitPattern)", "i 2"])
    }
}
