import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The `nnexplain` executable as a user runs it, a real process: the same bytes as `run` in
/// process, and real exit codes.
struct ExecutableTests {
    /// The built executable, run as a real process: same bytes as in process, real exit codes.
    @Test func executableEndToEnd() throws {
        let step = try Executable.run(["step", "--layer", "L", "--j", "1", "--k", "2"])
        #expect(step.status == 0)
        #expect(step.stderr == "")
        #expect(step == runCLI(["step", "--layer", "L", "--j", "1", "--k", "2"]))
        #expect(step.stdout.contains("∂C_0/∂w_12^L = ∂C_0/∂a_1^L · ∂a_1^L/∂z_1^L · ∂z_1^L/∂w_12^L"))

        let bad = try Executable.run(["step", "--layer", "L", "--j", "7", "--k", "0"])
        #expect(bad.status == 64)
        #expect(bad.stdout == "")
        #expect(bad.stderr.hasPrefix("Error: --j 7 is not a node of layer L"))

        let missing = try Executable.run(["gradients", "--network", "/no/such.json"])
        #expect(missing.status == 66)

        let json = try Executable.run(["gradients", "--network", Fixtures.path("mazur.json"), "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONValue.parse(Array(json.stdout.utf8))
        // ∂E/∂w5 of Mazur's worked example (0.082167041 as published).
        #expect(object["layers"]?.arrayValue?[1]["weights"]?.arrayValue?[0].arrayValue?[0].doubleValue
                == 0.08216704056423078)
    }
}
