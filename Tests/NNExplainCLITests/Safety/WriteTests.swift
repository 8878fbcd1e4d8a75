import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Synchronization
import Testing

/// Nothing is lost: `update --in-place`, `train --save` and `diagram --output` write a whole file or
/// leave the old one exactly as it was, and never leave a temporary file behind.
struct WriteTests {
    @Test func updateJSONReadsBackAsTheUpdatedNetwork() throws {
        let json = runCLI(["update", "--network", Fixtures.path("mazur.json"), "--format", "json"])
        #expect(json.status == 0)
        let decoded = try Network.decode(Array(json.stdout.utf8)).network
        let mazur = try Network.decode(Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("mazur.json"))))).network
        #expect(try decoded == mazur.updateStep().after)
        // Steps chain: a second update of the output is the same as two steps.
        #expect(try decoded.updateStep().after == mazur.updateStep().after.updateStep().after)
    }

    @Test func inPlaceRewritesTheFileCompletely() throws {
        let (folder, file, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = runCLI(["update", "--network", file.path, "--format", "json"]).stdout
        let result = runCLI(["update", "--network", file.path, "--in-place"])
        #expect(result.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
        #expect(ScratchFolder.contents(folder) == ["net.json"], "no temporary file left behind")
    }

    @Test func inPlaceLeavesTheFileUntouchedWhenTheCommandFails() throws {
        let (folder, file, original) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["--layer", "L-7", "--j", "0", "--k", "0"], ["--learning-rate", "-1"], ["--update-order", "sideways"],
                          ["--format", "yaml"]] {
            let result = runCLI(["update", "--network", file.path, "--in-place"] + arguments)
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(try Data(contentsOf: file) == original)
            #expect(ScratchFolder.contents(folder) == ["net.json"])
        }
        #expect(runCLI(["update", "--in-place"]).stderr.hasPrefix(
            "Error: --in-place rewrites the --network FILE, so it needs one; the built-in network cannot be changed\n"))
    }

    @Test func saveRefusesADirectoryAndAMissingFolder() throws {
        let (folder, _, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = runCLI(["train", "--epochs", "2", "--save", folder.path])
        #expect(directory.status == 1)
        #expect(directory.stdout == "")
        #expect(directory.stderr == "Error: cannot write '\(folder.path)': it is a directory; give a file name\n")
        let missing = folder.appendingPathComponent("no/such/folder/net.json").path
        let result = runCLI(["train", "--epochs", "2", "--save", missing])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write '\(missing)': cannot create a file in "
            + "'\(folder.path)/no/such/folder/': no such file or directory\n")
        #expect(ScratchFolder.contents(folder) == ["net.json"])
    }

    @Test func saveNeverReplacesADeviceOrAPipe() throws {
        let (folder, _, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = runCLI(["train", "--epochs", "1", "--save", pipe])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write '\(pipe)': it is not a regular file (a device, pipe or socket); give a file name\n")
        let type = try FileManager.default.attributesOfItem(atPath: pipe)[.type] as? FileAttributeType
        #expect(type != .typeRegular, "the pipe is still a pipe")
        #expect(type != nil)
    }

    @Test func saveWritesTheTrainedNetwork() throws {
        let (folder, file, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("trained.json")
        let result = runCLI(["train", "--network", file.path, "--epochs", "5", "--save", saved.path, "--format", "json"])
        #expect(result.status == 0)
        let trained = try Network.decode(Array(try Data(contentsOf: saved))).network
        let json = try JSONValue.parse(Array(result.stdout.utf8))
        #expect(json["losses"]?.arrayValue?.count == 6)
        #expect(try Network.decode(Array((json["network"]?.formatted() ?? "").utf8)).network == trained)
        let original = try Network.decode(Array(try Data(contentsOf: file))).network
        #expect(try trained == original.trained(epochs: 5).network)
    }

    /// In the middle of a write (the pause `Environment.pauseWhileWriting` injects after the first
    /// chunk), the target still holds the old file and the new text sits in a temporary file beside
    /// it; afterwards only the target is left, rewritten. (Signals in that pause: FileSafetyTests.)
    @Test func whileAWriteIsUnderWayTheTargetIsTheOldFile() throws {
        let (folder, file, original) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let during = Mutex<(names: [String], target: Data?)?>(nil)
        let environment = Environment(pauseWhileWriting: {
            let seen = (names: ScratchFolder.contents(folder), target: try? Data(contentsOf: file))
            during.withLock { $0 = seen }
        })
        var out = "", err = ""
        let status = run(arguments: ["update", "--network", file.path, "--in-place"], stdout: &out, stderr: &err,
                         environment: environment)
        #expect(status == 0, "\(err)")
        let seen = try #require(during.withLock { $0 }, "the write paused")
        #expect(seen.target == original, "the target is untouched while the write is under way")
        #expect(seen.names.count == 2 && seen.names.contains("net.json") && seen.names.contains { $0.hasPrefix(".nnx-") },
                "\(seen.names)")
        #expect(ScratchFolder.contents(folder) == ["net.json"])
        #expect(try Data(contentsOf: file) != original, "the update was written")
    }
}
