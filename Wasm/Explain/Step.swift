// The WebAssembly module's entry points (Scripts/build-wasm.sh; not part of the native build): C
// functions a page or Node calls with numbers and memory it shares with the module.
//
// A call hands in a network file's JSON text (written into memory from `malloc`), and gets back
// a status and a text, read from `result_pointer()` for `result_length()` bytes (UTF-8), valid
// until the next call. Status 0: the text is the explanation; 1: it is the sentence the command
// line prints for that problem.

/// The text of the last call, owned by the module.
nonisolated(unsafe) private var result: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 0)

/// Keeps `text` as the result of this call and returns `status`.
private func finish(_ text: String, status: Int32) -> Int32 {
    result.deallocate()
    let bytes = Array(text.utf8)
    result = .allocate(capacity: bytes.count)
    _ = result.initialize(from: bytes)
    return status
}

@_expose(wasm, "result_pointer") @_cdecl("result_pointer")
public func resultPointer() -> UnsafeMutablePointer<UInt8>? { result.baseAddress }

@_expose(wasm, "result_length") @_cdecl("result_length")
public func resultLength() -> Int32 { Int32(result.count) }

/// `nnexplain step --network FILE --layer … --j J --k K --sample S` in text: the explanation of
/// `∂C_S/∂w_JK^l` for the network in `json` (`length` bytes of a network file). The layer is
/// `layer` counted from the input (`relative` 0, the layer `2`), or `layer` below the output
/// (`relative` 1: 0 is `L`, 1 is `L-1`), which is also how the explanation names the layers.
@_expose(wasm, "step_text") @_cdecl("step_text")
public func stepText(_ json: UnsafePointer<UInt8>, _ length: Int32, _ layer: Int32, _ relative: Int32,
                     _ j: Int32, _ k: Int32, _ sample: Int32) -> Int32 {
    explained(json, length, layer, relative, j, k, sample) { document, naming in TextRenderer(naming: naming).render(document) }
}

/// The same explanation as ``stepText(_:_:_:_:_:_:_:)``, in MathML (the page's renderer).
@_expose(wasm, "step_mathml") @_cdecl("step_mathml")
public func stepMathML(_ json: UnsafePointer<UInt8>, _ length: Int32, _ layer: Int32, _ relative: Int32,
                       _ j: Int32, _ k: Int32, _ sample: Int32) -> Int32 {
    explained(json, length, layer, relative, j, k, sample) { document, naming in MathMLRenderer(naming: naming).render(document) }
}

/// `step`'s document rendered by `render` into the result, status 0, or the command line's
/// sentence for why there is none, status 1.
private func explained(_ json: UnsafePointer<UInt8>, _ length: Int32, _ layer: Int32, _ relative: Int32, _ j: Int32, _ k: Int32,
                       _ sample: Int32, render: (Document, LayerNaming) -> String) -> Int32 {
    switch step(json, length, layer, relative, j, k, sample) {
    case .success(let (document, naming)): return finish(render(document, naming), status: 0)
    case .failure(let problem): return finish(problem.sentence, status: 1)
    }
}

/// A sentence the command line would print instead of the explanation.
struct Problem: Error { let sentence: String }

/// The document `step` explains, with the command line's checks in its order and its sentences.
private func step(_ json: UnsafePointer<UInt8>, _ length: Int32, _ layer: Int32, _ relative: Int32,
                  _ j: Int32, _ k: Int32, _ sample: Int32) -> Result<(Document, LayerNaming), Problem> {
    let bytes = Array(UnsafeBufferPointer(start: json, count: Int(length)))
    let network: Network
    do throws(NetworkFileError) {
        network = try Network.decode(json: try Network.parseFile(bytes)).network
    } catch {
        return .failure(Problem(sentence: error.message))
    }
    do throws(ResourceError) { try ResourceLimits.requireMemory(NetworkShape(network)) } catch { return .failure(Problem(sentence: error.message)) }
    let depth = network.depth
    let l = relative != 0 ? depth - Int(layer) : Int(layer)
    guard (1...depth).contains(l) else { return .failure(Problem(sentence: "the network has layers 1 to \(depth); there is no layer \(l)")) }
    let (j, k, s) = (Int(j), Int(k), Int(sample))
    guard (0..<network.size(ofLayer: l)).contains(j), (0..<network.size(ofLayer: l - 1)).contains(k),
          network.samples.indices.contains(s)
    else { return .failure(Problem(sentence: "j, k or the sample is out of range")) }
    let naming = LayerNaming(depth: depth, relative: relative != 0)
    do throws(ResourceError) {
        try ResourceLimits.requireExplainable(NetworkShape(network), layer: l, averaging: false, naming: naming)
    } catch {
        return .failure(Problem(sentence: error.message))
    }
    do throws(OverflowError) {
        try network.requireFinite(samples: [s], checks: [.chainRule(layer: l, j: j, k: k), .product(layer: l, j: j, k: k)])
        let derivation: Derivation
        do throws(NetworkError) { derivation = try network.derivation(layer: l, j: j, k: k, sample: s) } catch {
            return .failure(Problem(sentence: error.message))
        }
        try network.requireFinite(mean: derivation.explainedValue, ofWeight: l, j: j, k: k)
        return .success((derivation.document, naming))
    } catch {
        return .failure(Problem(sentence: error.message))
    }
}
