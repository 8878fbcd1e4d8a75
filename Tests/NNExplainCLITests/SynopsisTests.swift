// @testable: checks the usage lines generated from the commands' declarations (Synopsis, Command, Options), internal to the CLI.
@testable import NNExplainCLI
import NNExplainTestSupport
import Testing

/// Every command's USAGE line against the options it declares: the line names only options the
/// command takes, each once and as declared, and leaves out exactly the options stated here.
struct SynopsisTests {
    /// Options no USAGE line shows, though the OPTIONS list does: the `--random` settings (their help
    /// begins "With --random:") and the switches of how the output looks (`--aspect` the slides' shape).
    static let leftOutEverywhere: Set<String> = [
        "--samples", "--seed", "--activation", "--output-activation", "--loss", "--ascii", "--color", "--width", "--standalone",
        "--aspect",
    ]
    /// Options only some USAGE lines leave out: `--precision`, shown by check, forward, gradients,
    /// step and walk.
    static let leftOut: [String: Set<String>] = ["diagram": ["--precision"], "train": ["--precision"], "update": ["--precision"]]
    /// Options of ``leftOutEverywhere`` that a command shows after all: the sheet's own `--seed` and
    /// `--activation`, which are no --random settings, and import's `--loss`, the loss its file names.
    static let shownHere: [String: Set<String>] = ["exercise": ["--seed", "--activation", "--loss"], "import": ["--loss"]]

    /// The option names in the rendered line: the words that start with `-`.
    static func names(in usage: String) -> [String] {
        usage.split { " []|".contains($0) }.filter { $0.hasPrefix("-") }.map(String.init)
    }

    @Test(arguments: Command.all.map(\.name))
    func usageNamesTheDeclaredOptions(_ name: String) throws {
        let command = try #require(Command.named(name))
        let declared = Set(command.options.map(\.name))
        let shown = Self.names(in: command.usage)
        #expect(Set(shown).subtracting(declared).isEmpty, "'\(command.usage)' names options \(name) does not declare")
        #expect(Set(shown).count == shown.count, "'\(command.usage)' names an option twice")
        let expected = declared.intersection(Self.leftOutEverywhere.union(Self.leftOut[name, default: []]))
            .subtracting(Self.shownHere[name, default: []])
        #expect(declared.subtracting(shown) == expected, "the options '\(command.usage)' leaves out")
    }

    /// Each option in the line has the placeholder and choices of the one the command declares by
    /// that name, not those of another declaration with the same name.
    @Test(arguments: Command.all.map(\.name))
    func usageShowsEachOptionAsDeclared(_ name: String) throws {
        let command = try #require(Command.named(name))
        for option in command.synopsis.options {
            let declared = command.options.first { $0.name == option.name }
            #expect(declared?.value == option.value, "\(option.name) in '\(command.usage)'")
            #expect(declared?.choices == option.choices, "\(option.name) in '\(command.usage)'")
        }
    }

    @Test func synopsisText() {
        let synopsis: Synopsis = [
            .required(TrainCommand.epochs), .networkSource, .weight, .alternatives([Options.sample, StepCommand.average]),
            .optional(DiagramCommand.format, showing: .choices), .optional(Presentation.precision), .positional("N"),
        ]
        #expect(synopsis.text == "--epochs N [--network FILE | --random SIZES] [--layer SPEC --j J --k K] [--sample S | --average] "
            + "[--format svg|dot] [--precision N] [N]")
        #expect(synopsis.positional == "N")
        #expect(TrainCommand.printedLines.inWords == "ten")
    }
}
