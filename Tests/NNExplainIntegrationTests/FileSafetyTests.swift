import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// Files are never damaged or lost: writes keep a file's mode, owner, links and unknown keys, two
/// concurrent `--in-place` runs both count, failures name their true cause, interrupted writes
/// leave nothing behind, standard input works, and a huge file is refused before it is read.
/// Signals, locking and standard input are tested on the real process.
@Suite(.serialized) struct FileSafetyTests {
    static let mazurPath = Fixtures.path("mazur.json")
    static var mazurBytes: Data { (try? Data(contentsOf: URL(fileURLWithPath: mazurPath))) ?? Data() }
    static var mazur: Network { (try? Network.decode(Array(mazurBytes)).network) ?? Network.standard }

    /// A fresh folder holding `net.json`, a copy of Mazur's network file.
    static func folder() throws -> (folder: URL, file: URL) {
        let (folder, file, _) = try ScratchFolder.withNetwork()
        return (folder, file)
    }

    static func decoded(_ url: URL) throws -> Network { try Network.decode(Array(Data(contentsOf: url))).network }

    // MARK: 1. Mode, owner and links

    @Test func inPlaceKeepsTheModeAndTheOwner() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(chmod(file.path, 0o600) == 0)
        let asRoot = getuid() == 0
        if asRoot { #expect(chown(file.path, 1234, 4321) == 0) }
        #expect(runCLI(["update", "--network", file.path, "--in-place"]).status == 0)
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o600)
        if asRoot { #expect(info.st_uid == 1234 && info.st_gid == 4321) }
        #expect(try Self.decoded(file) == Self.mazur.updateStep().after)
    }

    @Test func linksAreFollowedWhenReadingAndKeptWhenWriting() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "net.json")
        let read = runCLI(["forward", "--network", link.path])
        #expect(read.status == 0)
        #expect(read.stdout == runCLI(["forward", "--network", file.path]).stdout)

        #expect(runCLI(["update", "--network", link.path, "--in-place"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "net.json")
        #expect(try Self.decoded(file) == Self.mazur.updateStep().after)

        #expect(runCLI(["train", "--network", Self.mazurPath, "--epochs", "3", "--save", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "net.json")
        #expect(try Self.decoded(file) == Self.mazur.trained(epochs: 3).network)
        #expect(ScratchFolder.contents(folder) == ["link.json", "net.json"])
    }

    /// A link to a file not made yet: writing through it creates the file it points at and keeps
    /// the link, as the shell's `>` does (the link was replaced by a plain file).
    @Test func aDanglingLinkIsWrittenThroughToItsTarget() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("picture.svg")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "made-later.svg")
        let result = runCLI(["diagram", "--output", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "made-later.svg")
        let made = try String(contentsOf: folder.appendingPathComponent("made-later.svg"), encoding: .utf8)
        #expect(made == runCLI(["diagram"]).stdout)
    }

    // MARK: 2. Unknown keys survive

    /// Mazur's file with a top-level `description`, a layer's `name` and a sample's `note`.
    static let annotated = """
        {
          "description": "Mazur's example",
          "inputs": 2,
          "layers": [
            { "name": "hidden", "activation": "sigmoid", "weights": [[0.15, 0.20], [0.25, 0.30]], "biases": [0.35, 0.35] },
            { "activation": "sigmoid", "weights": [[0.40, 0.45], [0.50, 0.55]], "biases": [0.60, 0.60], "tags": ["out", 2] }
          ],
          "loss": "half-squared",
          "learningRate": 0.5,
          "version": 3,
          "updateBiases": false,
          "samples": [ { "x": [0.05, 0.10], "note": {"from": "article"}, "y": [0.01, 0.99] } ]
        }
        """

    /// The keys of an object in order, and the value of its member `key`.
    static func keys(_ value: JSONValue?) -> [String] { value?.objectMembers?.map(\.key) ?? [] }

    @Test func inPlaceKeepsUnknownKeysInTheirPlaces() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.annotated.utf8).write(to: file)
        let original = try JSONValue.parse(Array(Self.annotated.utf8))
        let result = runCLI(["update", "--network", file.path, "--in-place"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("Warning: network file '\(file.path)': ignoring unknown key \"description\" at the top level"))
        let written = try JSONValue.parse(Array(Data(contentsOf: file)))
        #expect(Self.keys(written) == Self.keys(original))
        for key in ["description", "version", "learningRate", "inputs", "loss", "updateBiases"] {
            #expect(written[key] == original[key], "\(key)")
        }
        let layers = written["layers"]?.arrayValue ?? [], originalLayers = original["layers"]?.arrayValue ?? []
        #expect(layers.count == 2)
        for (new, old) in zip(layers, originalLayers) { #expect(Self.keys(new) == Self.keys(old)) }
        #expect(layers.first?["name"] == "hidden")
        #expect(layers.last?["tags"] == ["out", 2])
        let sample = written["samples"]?.arrayValue?.first
        #expect(Self.keys(sample) == ["x", "note", "y"])
        #expect(sample?["note"] == ["from": "article"])
        #expect(try Self.decoded(file) == Self.mazur.updateStep().after)
    }

    @Test func updateJSONAndTrainSaveKeepUnknownKeysToo() throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.annotated.utf8).write(to: file)
        let json = runCLI(["update", "--network", file.path, "--format", "json"])
        #expect(try JSONValue.parse(Array(json.stdout.utf8))["description"] == "Mazur's example")
        let saved = folder.appendingPathComponent("trained.json")
        #expect(runCLI(["train", "--network", file.path, "--epochs", "2", "--save", saved.path]).status == 0)
        #expect(try JSONValue.parse(Array(Data(contentsOf: saved)))["version"] == 3)
        #expect(try Self.decoded(saved) == Self.mazur.trained(epochs: 2).network)
    }

    // MARK: 3. No lost update

    @Test func concurrentInPlaceUpdatesBothCount() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two steps in a row, computed in process: the file's text reads back to the same doubles.
        let twice = try Self.mazur.updateStep().after.updateStep().after
        var lost = 0
        for pair in 0..<25 {
            let file = folder.appendingPathComponent("pair-\(pair).json")
            try Self.mazurBytes.write(to: file)
            let runs = try (0..<2).map { _ in try RealProcess.start(["update", "--network", file.path, "--in-place"]) }
            for run in runs { #expect(run.finish().status == 0) }
            if try Self.decoded(file) != twice { lost += 1 }
        }
        #expect(lost == 0, "\(lost) of 25 pairs lost an update")
        #expect(ScratchFolder.contents(folder).allSatisfy { !$0.hasPrefix(".") }, "no temporary file left")
    }

    /// `train --network F --save F` reads F and writes it back: two such runs, or one beside an
    /// `update --in-place`, end as the two runs one after the other, in either order.
    @Test func concurrentTrainingsThatSaveOverTheirFileBothCount() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let train = { (network: Network) throws in try network.trained(epochs: 3).network }
        let update = { (network: Network) throws in try network.updateStep().after }
        let pairs: [(name: String, first: [String], second: [String], orders: [Network])] = [
            ("train, train", ["train", "--epochs", "3"], ["train", "--epochs", "3"], [try train(train(Self.mazur))]),
            ("train, update", ["train", "--epochs", "3"], ["update", "--in-place"],
             [try update(train(Self.mazur)), try train(update(Self.mazur))]),
        ]
        for pair in pairs {
            var lost = 0
            for run in 0..<10 {
                let file = folder.appendingPathComponent("run-\(run).json")
                try Self.mazurBytes.write(to: file)
                let saving = { (command: [String]) in
                    command[0] == "train" ? command + ["--network", file.path, "--save", file.path] : command + ["--network", file.path]
                }
                let runs = try [pair.first, pair.second].map { try RealProcess.start(saving($0)) }
                for run in runs { #expect(run.finish().status == 0) }
                if try !pair.orders.contains(Self.decoded(file)) { lost += 1 }
            }
            #expect(lost == 0, "\(pair.name): \(lost) of 10 pairs lost one of the two")
        }
        #expect(ScratchFolder.contents(folder).allSatisfy { !$0.hasPrefix(".") }, "no temporary file left")
    }

    // MARK: 4. True causes

    /// Whether this process may mount a small tmpfs (root with CAP_SYS_ADMIN): tried once, on a
    /// scratch folder, and unmounted at once.
    static let canMountTmpfs: Bool = {
        guard let (folder, _) = try? folder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        return (try? mountTmpfs(at: folder)) == true
    }()

    static func mountTmpfs(at folder: URL) throws -> Bool {
        guard try RealProcess.start(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path], program: "/bin/mount")
            .finish().status == 0 else { return false }
        return try RealProcess.start(["umount", folder.path], program: "/bin/umount").finish().status == 0
    }

    /// A disk that fills up during the write, a 64 KiB tmpfs: only root may mount one, so elsewhere
    /// this test is reported as skipped with that reason.
    @Test(.enabled(if: canMountTmpfs, "mounting a 64 KiB tmpfs needs root (CAP_SYS_ADMIN); the full-disk message was not checked"))
    func aFullDiskSaysSo() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try RealProcess.start(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path], program: "/bin/mount")
        try #require(mount.finish().status == 0, "mount -t tmpfs failed although it worked before")
        defer { _ = try? RealProcess.start(["umount", disk.path], program: "/bin/umount").finish() }
        let target = disk.appendingPathComponent("big.json").path
        let result = runCLI(["train", "--random", "100,100", "--samples", "1", "--epochs", "1", "--save", target])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write '\(target)': no space left on device while writing\n")
        #expect(ScratchFolder.contents(disk) == [], "no temporary file left on the full disk")
    }

    @Test func aMissingFolderAndAnEmptyNameSaySo() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.path + "/none/net.json"
        #expect(runCLI(["train", "--epochs", "1", "--save", missing]).stderr
            == "Error: cannot write '\(missing)': cannot create a file in '\(folder.path)/none/': no such file or directory\n")
        let cases = [(["train", "--epochs", "1", "--save", ""], "--save"), (["diagram", "--output", ""], "--output"),
                     (["train", "--epochs", "1", "--save="], "--save")]
        for (arguments, option) in cases {
            let result = runCLI(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix("Error: \(option) needs a file name, not an empty text; give the path of the file to write\n"))
        }
    }

    @Test func aLongLegalFileNameWorks() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "n", count: 229) + ".json"
        #expect(name.utf8.count == 234)
        let target = folder.appendingPathComponent(name)
        let result = runCLI(["train", "--network", Self.mazurPath, "--epochs", "1", "--save", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.decoded(target) == Self.mazur.trained(epochs: 1).network)
    }

    // MARK: 5. Interrupted writes clean up

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]) func anInterruptedWriteLeavesNothingBehind(signal: Int32) throws {
        let (folder, file) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // nnexplain-pausing-writer is the command line with a 20 s pause after the first chunk of
        // every file write (`Environment.pauseWhileWriting`): wait until the temporary file is there.
        let child = try SpawnedProcess(["20", "train", "--random", "200,200", "--samples", "2", "--epochs", "1", "--save", file.path],
                                       program: "nnexplain-pausing-writer")
        var seen = false
        for _ in 0..<400 where !seen {
            seen = ScratchFolder.contents(folder).contains { $0.hasPrefix(".nnx-") }
            if !seen { usleep(50_000) }
        }
        #expect(seen, "the write started")
        kill(child.id, signal)
        #expect(child.wait() == 128 + signal)
        #expect(ScratchFolder.contents(folder) == ["net.json"], "the temporary file is gone")
        #expect(try Data(contentsOf: file) == Self.mazurBytes, "the target is untouched")
    }

    // MARK: 6. Standard input

    @Test func theNetworkCanComeFromStandardInput() throws {
        let expected = runCLI(["forward", "--network", Self.mazurPath]).stdout
        for path in ["-", "/dev/stdin"] {
            let result = try RealProcess.start(["forward", "--network", path], input: Self.mazurBytes).finish()
            #expect(result.status == 0, "\(path): \(result.stderr)")
            #expect(result.stdout == expected)
        }
        let inPlace = try RealProcess.start(["update", "--network", "-", "--in-place"], input: Self.mazurBytes).finish()
        #expect(inPlace.status == 64)
        #expect(inPlace.stderr.hasPrefix("Error: --in-place cannot rewrite standard input (--network -); "))
    }

    // MARK: 7. Big files

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let (folder, _) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.json").path
        let descriptor = open(huge, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(descriptor, 600_000_000) == 0)  // sparse: no disk space, no time
        close(descriptor)
        let result = runCLI(["forward", "--network", huge])
        #expect(result.status == 66)
        #expect(result.stderr == "Error: cannot read network file '\(huge)': it holds 600000000 bytes, more than the "
            + "\(256 * 1024 * 1024) bytes (256 MiB) a network file may hold; use a smaller network\n")
    }
}

/// The built executable (or another program) running as a child process, with its input given.
struct RealProcess {
    let process: Process
    private let out: Pipe, err: Pipe

    static func start(_ arguments: [String], program: String? = nil, input: Data? = nil,
                      environment: [String: String] = [:]) throws -> RealProcess {
        guard let url = program.map(URL.init(fileURLWithPath:)) ?? Executable.url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = program == nil ? arguments : Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(input)
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        return RealProcess(process: process, out: out, err: err)
    }

    /// Waits for the end; the status is the exit code, or 128 + the signal that ended it.
    func finish() -> CLIResult {
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CLIResult(status: status, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A built executable of the package spawned with the signals that end a run (SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM) at their default handling and unblocked (a test
/// runner may ignore them, as a shell's background job ignores SIGINT and SIGQUIT, and a child
/// inherits that), its output discarded.
struct SpawnedProcess {
    let id: pid_t

    init(_ arguments: [String], program: String = "nnexplain") throws {
        guard let path = Executable.url(of: program)?.path else { throw CocoaError(.fileNoSuchFile) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t(), none = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM] { sigaddset(&signals, signal) }
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let strings = [path] + arguments
        let argv = strings.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var id = pid_t()
        guard posix_spawn(&id, path, &actions, &attributes, argv, envp) == 0 else { throw CocoaError(.executableLoad) }
        self.id = id
    }

    /// Waits for the end: the exit code, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(id, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
