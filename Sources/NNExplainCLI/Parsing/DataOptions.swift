import NNExplain

/// `--data FILE.csv [--test-data FILE.csv] [--target-columns LIST | --label-column NAME] [--classes LIST]`:
/// a network's samples and held-out samples from CSV files, declared and read in one place so that
/// every command that takes data reads it the same way.
enum DataOptions {
    static let all: [any DeclaredOption] = [data, testData, targetColumns, labelColumn, classes]

    static let data = ValueOption<Void, String?>(
        name: "--data", placeholder: "FILE",
        help: .summary("A CSV file (a header, then one line per sample) whose rows replace the network's samples"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let testData = ValueOption<Void, String?>(
        name: "--test-data", placeholder: "FILE",
        help: .summary("A CSV file with the same columns whose rows replace the network's held-out samples (\"test\")"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let targetColumns = ValueOption<Void, [String]?>(
        name: "--target-columns", placeholder: "LIST",
        help: .summary("The numeric columns that are the targets y, in order, separated by commas; every other column is an input"),
        parser: names.optional, absent: .silent(nil))

    static let labelColumn = ValueOption<Void, String?>(
        name: "--label-column", placeholder: "NAME",
        help: .summary("Instead: the column of class labels, one-hot encoded as one output per class, classes in the order first seen"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let classes = ValueOption<Void, [String]?>(
        name: "--classes", placeholder: "LIST",
        help: .summary("With --label-column: the classes, in the order of the outputs, separated by commas; a label outside them is an error"),
        parser: names.optional, absent: .silent(nil))

    /// Names separated by commas, each as written (spaces kept).
    private static let names = ValueParser<Void, [String]>(describe: { $0.joined(separator: ",") }) { text, _, _ throws(ValidationError) in
        text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether any data option is given.
    static func areGiven(_ arguments: Arguments) -> Bool { all.contains { arguments.isGiven($0) } }

    /// `network` with the samples of `--data` and the held-out samples of `--test-data`, where given.
    /// `output`, the file the command writes, may be neither of them: writing it would replace the data.
    static func apply(_ arguments: Arguments, _ environment: Environment, to network: Network, writing output: String?) throws(CLIError) -> Network {
        let path = try arguments.read(data), testPath = try arguments.read(testData)
        for (option, input) in [(data, path), (testData, testPath)] {
            if let output, let input, !NetworkFileBytes.isStandardInput(input), AtomicFile.sameFile(output, input) {
                throw arguments.usage("--output names the \(option.name) file '\(input)' itself, which would be replaced; give another file name")
            }
        }
        let columns = try arguments.read(targetColumns), label = try arguments.read(labelColumn)
        let fixed = try arguments.read(classes)
        guard path != nil || testPath != nil else {
            if areGiven(arguments) { throw arguments.usage("--target-columns, --label-column and --classes apply to --data or --test-data; add --data FILE.csv") }
            return network
        }
        let targets: DataSet.Targets
        switch (columns, label) {
        case (let columns?, nil): targets = .columns(columns)
        case (nil, let label?): targets = .label(label, classes: fixed)
        case (nil, nil):
            throw arguments.usage("\(path != nil ? data.name : testData.name) needs the targets: --target-columns LIST (numeric columns) or --label-column NAME (a column of classes)")
        case (_?, _?): throw arguments.usage("give --target-columns or --label-column, not both")
        }
        if fixed != nil, columns != nil { throw arguments.usage("--classes applies to --label-column only; drop it or use --label-column NAME") }
        // Held-out labels alone would number their classes in the order first seen in the held-out file,
        // which need not be the order of the network's outputs (its training data's).
        if label != nil, fixed == nil, path == nil {
            throw arguments.usage("--test-data with --label-column and no --data needs --classes LIST, the classes in the order of the network's outputs")
        }
        if path.map(NetworkFileBytes.isStandardInput) == true && testPath.map(NetworkFileBytes.isStandardInput) == true {
            throw arguments.usage("--data and --test-data cannot both read standard input; give a file for one of them")
        }
        var result = network
        var training: DataSet? = nil
        if let path {
            training = try read(path, targets, training: nil, arguments, environment)
            do throws(DataError) { result = try result.replacingData(training: training, test: nil) } catch {
                throw .badDataFile(path: path, error.message)
            }
        }
        if let testPath {
            let test = try read(testPath, targets, training: training, arguments, environment)
            do throws(DataError) { result = try result.replacingData(training: nil, test: test) } catch {
                throw .badDataFile(path: testPath, error.message)
            }
        }
        return result
    }

    /// The data set of the CSV file at `path`.
    private static func read(_ path: String, _ targets: DataSet.Targets, training: DataSet?, _ arguments: Arguments, _ environment: Environment) throws(CLIError) -> DataSet {
        let bytes = try NetworkFileBytes.contents(of: path, environment: environment, expected: "a .csv file", kind: "data file",
                                                  unreadable: CLIError.unreadableData)
        let table: CSVTable
        do throws(DataError) { table = try CSVTable.parse(bytes) } catch { throw .badDataFile(path: path, error.message) }
        do throws(DataError) { return try DataSet(table: table, targets: targets, training: training) } catch {
            // A list the command line gave is wrong whatever the file holds: a usage error, not the file's.
            switch error {
            case .emptyClass, .repeatedClass: throw arguments.usage("\(classes.name): \(error.message)")
            case .repeatedTarget, .noTargets: throw arguments.usage("\(targetColumns.name): \(error.message)")
            default: throw .badDataFile(path: path, error.message)
            }
        }
    }
}
