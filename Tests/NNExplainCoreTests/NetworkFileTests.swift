import Foundation
import NNExplainTestSupport
import Testing
import NNExplainCore
import NNExplainCore

/// Reading and writing network files: the JSON parser and writer, and the network file on top.
@Suite struct NetworkFileTests {
    static let mazurURL = TestPaths.fixtures.appendingPathComponent("mazur.json")

    static let mazur = Network(inputs: 2, layers: [
        Layer(activation: .sigmoid, weights: [[0.15, 0.20], [0.25, 0.30]], biases: [0.35, 0.35]),
        Layer(activation: .sigmoid, weights: [[0.40, 0.45], [0.50, 0.55]], biases: [0.60, 0.60]),
    ], loss: .halfSquared, learningRate: 0.5, updateBiases: false, samples: [Sample(x: [0.05, 0.10], y: [0.01, 0.99])])

    /// A valid file that the error cases break with one textual replacement each.
    static let valid = """
        {
          "inputs": 2,
          "layers": [
            { "activation": "sigmoid", "weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35] },
            { "activation": "tanh", "weights": [[0.4, 0.45], [0.5, 0.55]] }
          ],
          "samples": [ { "x": [0.05, 0.1], "y": [0.01, 0.99] }, { "x": [1, 2], "y": [0, 1] } ]
        }
        """

    /// The error parsing `bytes` as its position and reason, `nil` when they parse.
    func parseError(_ bytes: [UInt8]) -> ParseFailure? {
        do { _ = try JSONValue.parse(bytes); return nil } catch {
            return ParseFailure(line: error.line, column: error.column, reason: error.reason)
        }
    }

    /// The message decoding `text` as a network file, `nil` when it decodes.
    func fileError(_ text: String) -> String? {
        do { _ = try Network.decode(Array(text.utf8)); return nil } catch { return error.message }
    }

    @Test func fixtureDecodesExactlyAndNetworksRoundTrip() throws {
        let decoded = try Network.decode(Array(try Data(contentsOf: Self.mazurURL)))
        #expect(decoded.network == Self.mazur && decoded.warnings.isEmpty)
        #expect(try Network.decode(Array(Self.mazur.fileText().utf8)).network == Self.mazur)
        let standard = Network.standard.fileText()
        #expect(try Network.decode(Array(standard.utf8)).network == Network.standard)
        #expect(!standard.contains("biases") && !standard.contains("updateBiases"))
        #expect(Self.mazur.fileText() == """
            {
              "inputs": 2,
              "layers": [
                {
                  "activation": "sigmoid",
                  "weights": [
                    [0.15, 0.2],
                    [0.25, 0.3]
                  ],
                  "biases": [0.35, 0.35]
                },
                {
                  "activation": "sigmoid",
                  "weights": [
                    [0.4, 0.45],
                    [0.5, 0.55]
                  ],
                  "biases": [0.6, 0.6]
                }
              ],
              "loss": "half-squared",
              "learningRate": 0.5,
              "updateBiases": false,
              "samples": [
                {
                  "x": [0.05, 0.1],
                  "y": [0.01, 0.99]
                }
              ]
            }

            """)
    }

    @Test func defaultsIntegralNumbersAndUnknownKeys() throws {
        let text = Self.valid.replacingOccurrences(of: #""inputs": 2,"#, with: #""inputs": 2.0, "momentum": 0.9,"#)
            .replacingOccurrences(of: #""tanh","#, with: #""tanh", "dropout": 1,"#)
        let (network, warnings) = try Network.decode(Array(text.utf8))
        #expect(network.inputs == 2 && network.loss == .squared && network.learningRate == 0.1 && network.updateBiases)
        #expect(network.layers[1].biases == nil && network.samples[1] == Sample(x: [1, 2], y: [0, 1]))
        #expect(warnings.map(\.message) == [
            #"ignoring unknown key "momentum" at the top level"#, #"ignoring unknown key "dropout" in layers[1]"#,
        ])
    }

    /// Each case replaces `replacing` in ``valid`` by `with`; the file then fails with `message`.
    @Test(arguments: [
        (#""inputs": 2,"#, #""inputs": 2"#, "line 3, column 3: expected ',' or '}' after an object member"),
        ("[0.4, 0.45]", "[0.4, 0.45, 1]", "layers[1].weights[0] has 3 numbers, but layer 1 has 2 nodes: "
            + "each row needs one weight per node of the previous layer"),
        ("[0.25, 0.3]", "[0.25]",
         "layers[0].weights[1] has 1 number, but the network has 2 inputs: each row needs one weight per input"),
        (#""activation": "tanh""#, #""activation": 7"#,
         #""activation" of layers[1] is 7; use one of sigmoid, tanh, relu, leaky-relu, identity, softmax"#),
        (#""y": [0, 1]"#, #""y": [0, 1, 0]"#, "samples[1].y has 3 numbers, but the output layer has 2 nodes"),
        (#""x": [1, 2]"#, #""x": [1]"#, "samples[1].x has 1 number, but the network has 2 inputs"),
        ("[[0.15, 0.2], [0.25", #"[[0.15, 0.2], ["0.25""#, "layers[0].weights[1][0] is a string; expected a number"),
        (#""biases": [0.35, 0.35]"#, #""biases": [0.35]"#,
         "layers[0].biases has 1 number, but the layer has 2 nodes (rows of weights): it needs one bias per node"),
        (#""biases": [0.35, 0.35]"#, #""biases": null"#, "layers[0].biases is null; expected an array of numbers"),
        (#""weights": [[0.4, 0.45], [0.5, 0.55]]"#, #""weights": []"#,
         "layers[1].weights has no rows: a layer needs at least one node, one row of weights per node"),
        (#""weights": [[0.4, 0.45], [0.5, 0.55]]"#, #""w": 1"#, #"missing key "weights" in layers[1]"#),
        (#""samples""#, #""tests""#, #"missing key "samples""#),
        (#""inputs": 2"#, #""inputs": "2""#, #""inputs" is "2"; expected a positive integer, the number of inputs"#),
        (#""inputs": 2"#, #""inputs": 1.5"#, #""inputs" is 1.5; expected a positive integer, the number of inputs"#),
        (#""inputs": 2,"#, #""inputs": 2, "loss": "log","#, #""loss" is "log"; use one of squared, half-squared, cross-entropy, binary-cross-entropy"#),
        (#""inputs": 2,"#, #""inputs": 2, "learningRate": 0,"#, #""learningRate" is 0; expected a number greater than 0"#),
        (#""inputs": 2,"#, #""inputs": 2, "updateBiases": [],"#, #""updateBiases" is an array; expected true or false"#),
        (#""inputs": 2,"#, #""inputs": 2, "inputs": 3,"#,
         #"key "inputs" appears twice at the top level; each key may appear only once"#),
        (#""samples": ["#, #""samples": [] + ["#, "line 7, column 17: expected ',' or '}' after an object member"),
        ("0.99", "1e999", "line 7, column 48: number 1e999 is too large to represent"),
    ])
    func fileErrors(replacing: String, with: String, message: String) {
        #expect(fileError(Self.valid.replacingOccurrences(of: replacing, with: with)) == message)
    }

    @Test func wholeFileErrors() {
        #expect(fileError("") == "line 1, column 1: the file is empty")
        #expect(fileError("[1]") == #"the top level is an array; expected an object with "inputs", "layers" and "samples""#)
        #expect(fileError(#"{"inputs": 1, "layers": [], "samples": []}"#)
            == #"the network has no layers: "layers" needs at least one layer"#)
        #expect(fileError(#"{"inputs": 1, "layers": [{"activation": "relu", "weights": [[1]]}], "samples": []}"#)
            == #"the network has no samples: "samples" needs at least one sample"#)
        #expect(fileError(String(Self.valid.dropLast(30)))
            == "line 7, column 59: unexpected end of file (the file looks truncated)")
    }

    @Test(arguments: [
        ("[1, 2", 1, 6, "unexpected end of file (the file looks truncated)"),
        (#"{"a": 1 "b": 2}"#, 1, 9, "expected ',' or '}' after an object member"),
        (#"["é", +]"#, 1, 7, "expected a value (an object, array, string, number, true, false or null), found '+'"),
        ("[1,\r\n2,\r\n]", 3, 1, "expected a value (an object, array, string, number, true, false or null), found ']'"),
        ("{\n  \"a\": [\"x\\qy\"]}", 2, 11, "invalid escape '\\q' in a string"),
        ("\"a\tb\"", 1, 3, "control character U+0009 in a string must be written as an escape"),
        ("\"\\uD800x\"", 1, 2, "unpaired surrogate '\\uD800' in a string"),
        ("\"\\u12G4\"", 1, 2, "invalid escape '\\u12' in a string: '\\u' needs four hex digits"),
        (#"{"a" 1}"#, 1, 6, "expected ':' after an object key"),
        (#"{"a": 1,}"#, 1, 9, "expected a key in double quotes after ',', found '}'"),
        ("[01]", 1, 2, "a number may not have a leading zero"),
        ("[-x]", 1, 3, "expected a digit after '-'"),
        ("[1.]", 1, 4, "expected a digit after the decimal point"),
        ("[True]", 1, 2, "'True' is not a JSON value; the only words are true, false and null"),
        ("[tr", 1, 4, "unexpected end of file (the file looks truncated)"),
        ("[1] x", 1, 5, "unexpected 'x' after the JSON value; a file holds exactly one value"),
        ("  \n ", 2, 2, "the file holds only whitespace; expected a JSON value"),
        ("[-1e999]", 1, 2, "number -1e999 is too large to represent"),
    ])
    func parserErrorPositions(text: String, line: Int, column: Int, reason: String) {
        #expect(parseError(Array(text.utf8)) == ParseFailure(line: line, column: column, reason: reason))
    }

    @Test func parserBytesDepthAndStrings() throws {
        #expect(parseError([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])
            == ParseFailure(line: 1, column: 3, reason: "the file is not valid UTF-8"))
        #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22])?.reason == "the file is not valid UTF-8")  // an encoded surrogate
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        #expect(parseError([0xEF, 0xBB, 0xBF, 0x78]) == ParseFailure(line: 1, column: 1,
            reason: "'x' is not a JSON value; the only words are true, false and null"))
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue.parse(Array(deep.utf8)) != .null)
        #expect(parseError(Array(("[" + deep + "]").utf8))
            == ParseFailure(line: 1, column: 513, reason: "nesting deeper than 512 levels"))
        #expect(parseError(Array(String(repeating: "[", count: 100_000).utf8))?.reason == "nesting deeper than 512 levels")
        let text = #"{"a\"b": "\u00e9\uD83D\uDE00\n\/", "k": [true, false, null, {}, []]}"#
        #expect(try JSONValue.parse(Array(text.utf8)) == ["a\"b": "é😀\n/", "k": [true, false, nil, [:], []]])
        #expect(try JSONValue.parse(Array("{\"b\": 1, \"a\": 2}".utf8)) != ["a": 2, "b": 1])  // order matters
    }

    @Test func numbersAreExact() throws {
        func value(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }
        #expect(try value("0.1") == .number(0.1) && value("0.30000000000000004") == .number(0.1 + 0.2))
        #expect(try value("1e-05") == .number(1e-05) && value("1E+2") == .number(100) && value("2.0") == .number(2))
        #expect(try value("12") == .integer(12) && value("-7") == .integer(-7) && value("-0").doubleValue?.sign == .minus)
        #expect(try value("9223372036854775807") == .integer(Int.max))
        #expect(try value("9223372036854775808") == .number(9_223_372_036_854_775_808.0))
        #expect(try value("-9223372036854775809") == .number(-9_223_372_036_854_775_808.0))
        #expect(try value("1e-400") == .number(0))
    }

    @Test func writerFormatsExactly() throws {
        let value: JSONValue = [
            "a": [0.1, 0.4, -0.2], "b": [[1, 2], []], "c": [:], "d": "q\"\\\n\u{1}é", "e": [["x": nil]],
        ]
        let expected = """
            {
              "a": [0.1, 0.4, -0.2],
              "b": [
                [1, 2],
                []
              ],
              "c": {},
              "d": "q\\"\\\\\\n\\u0001é",
              "e": [
                {
                  "x": null
                }
              ]
            }
            """
        #expect(try value.formatted() == expected && JSONValue.parse(Array(expected.utf8)) == value)
        #expect(JSONValue.array([1.0, 1e-05, 0.1, -0.0, 1e16, .number(.infinity), .number(.nan)]).formatted()
            == "[1.0, 1e-05, 0.1, -0.0, 1e+16, null, null]")
        #expect(JSONValue.object([("k", [true])]).formatted(indent: 1) == "{\n    \"k\": [true]\n  }")
        #expect(JSONValue.string("\t\u{8}\u{c}\r\u{1f}").formatted() == #""\t\b\f\r\u001f""#)
    }

    /// 2000 seeded mutations of the Mazur file: every one decodes or throws a `NetworkFileError`,
    /// and every one that decodes writes a file that decodes to the same network.
    @Test func mutatedFilesNeverCrash() throws {
        let original = Array(try Data(contentsOf: Self.mazurURL))
        var state: UInt64 = 0x5EED
        func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        let interesting = Array("{}[],:\"\\-.0123456789eE+ \nutrfalsn".utf8) + [0x00, 0x80, 0xC3, 0xFF]
        var decodedCount = 0
        let start = ContinuousClock.now
        for _ in 0..<2000 {
            var bytes = original
            for _ in 0...random(3) {
                let at = random(bytes.count)
                switch random(5) {
                case 0: if !bytes.isEmpty { bytes[at] = UInt8(random(256)) }
                case 1: bytes.removeSubrange(at...)
                case 2: bytes.insert(interesting[random(interesting.count)], at: at)
                case 3: if !bytes.isEmpty { bytes.remove(at: at) }
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random(20))], at: random(bytes.count))
                }
            }
            do {
                let network = try Network.decode(bytes).network
                decodedCount += 1
                #expect(try Network.decode(Array(network.fileText().utf8)).network == network)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        #expect(decodedCount > 0 && decodedCount < 2000)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}

/// A ``JSONParseError`` as the tests state it: where, and its reason in words.
struct ParseFailure: Equatable {
    let line: Int
    let column: Int
    let reason: String
}
