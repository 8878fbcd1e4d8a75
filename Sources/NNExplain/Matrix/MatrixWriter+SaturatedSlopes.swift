/// How numpy's `g_prime` and `J` must be written for a layer with a saturated output, so that the
/// printed numpy lines compute the printed numbers: where an output is within
/// ``Activation/complementFloor`` (2⁻²⁰) of 1 (or of −1 for tanh), the pass takes the slope in a
/// form that keeps its digits (``Activation/sigmoidComplement(z:a:)``,
/// ``Activation/saturatedTanhSlope(_:)``, ``Activation/softmaxComplement(_:a:count:j:)``), while the
/// textbook forms `s(1 − s)`, `1 − tanh²`, `diag(a) − a aᵀ` and the squared losses' `a − y` at
/// `y = 1` round to 0.
extension MatrixWriter {
    /// For a sigmoid or tanh layer with a saturated node, the `g_prime` that gives the slopes shown;
    /// nothing for other layers or when no node is saturated.
    func slopeNote(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let a = f.activations.joined()
        switch network.layer(f.layer).activation {
        case .sigmoid where a.contains(where: { 1 - $0 < Activation.complementFloor }):
            return [.paragraph(["Some output of this layer is within 2⁻²⁰ of 1, where ", .code("1 - sigmoid(z)"),
                                " has lost its digits (it is 0 from z ≈ 36.7): the slopes above are ",
                                .code("g_prime = lambda z: sigmoid(z) * sigmoid(-z)"), "."])]
        case .tanh where a.contains(where: { 1 - abs($0) < Activation.complementFloor }):
            return [.paragraph(["Some output of this layer is within 2⁻²⁰ of 1 or −1, where ", .code("1 - np.tanh(z)**2"),
                                " has lost its digits (it is 0 from |z| ≈ 19.1): the slopes above are sech² z, ",
                                .code("g_prime = lambda z: 4 * np.exp(-2 * np.abs(z)) / (1 + np.exp(-2 * np.abs(z)))**2"), "."])]
        default:
            return []
        }
    }

    /// For a softmax output whose δ is `Jᵀ ∇_a C` (``OutputRule/jacobian``) with an output within
    /// 2⁻²⁰ of 1, how `J` must be built: its diagonal `a_j(1 − a_j)` takes `1 − a_j` as the other
    /// outputs' share, since `np.diag(a) - np.outer(a, a)` rounds it to 0 there. Nothing otherwise.
    func jacobianNote(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        guard f.rule == .jacobian, network.layer(f.layer).activation == .softmax,
              f.activations.joined().contains(where: { 1 - $0 < Activation.complementFloor }) else { return [] }
        let l = f.layer
        let (z, a) = batch ? ("Z[\(l)][s]", "A[\(l)][s]") : ("z[\(l)]", "a[\(l)]")
        let line = "e = np.exp(\(z) - \(z).max()); R = \(MatrixWriter.share); "
            + "J\(batch ? "[s]" : "") = -np.outer(\(a), \(a)); np.fill_diagonal(J\(batch ? "[s]" : ""), \(a) * np.where(1 - \(a) < 2**-20, R, 1 - \(a)))"
        return [
            .paragraph(["Some output is within 2⁻²⁰ of 1, where ", .code("np.diag(a) - np.outer(a, a)"),
                        " rounds the diagonal a_j(1 − a_j) to 0: there the pass takes 1 − a_j as the other outputs' share, so ",
                        batch ? "each sample's J[s] is" : "J is", " built as:"]),
            numpy(line),
        ]
    }

    /// For the squared losses on a sigmoid or softmax output within 2⁻²⁰ of 1, how numpy's
    /// `grad_a_C` must be written: the pass takes `a − y` as `(1 − y) − (1 − a)` with `1 − a` as
    /// `σ(−z)` or the other outputs' share (``Loss/error(a:y:oneMinusA:)``), since `a − y` is 0 where
    /// `a` rounded to `y = 1`. Nothing otherwise.
    func gradientNote(_ f: MatrixForm.LayerForm) -> [Document.Block] {
        let activation = network.layer(f.layer).activation
        guard network.loss == .squared || network.loss == .halfSquared, activation == .sigmoid || activation == .softmax,
              f.activations.joined().contains(where: { 1 - $0 < Activation.complementFloor }) else { return [] }
        let l = f.layer, (A, Z, Y) = batch ? ("A[\(l)]", "Z[\(l)]", "Y") : ("a[\(l)]", "z[\(l)]", "y")
        let complement = activation == .sigmoid ? "sigmoid(-\(Z))" : "R"
        let error = "np.where(1 - \(A) < 2**-20, (1 - \(Y)) - \(complement), \(A) - \(Y))"
        let gradient = "\(batch ? "grad_A_C" : "grad_a_C") = \(network.loss == .squared ? "2 * " : "")\(error)"
        return [
            .paragraph(["Some output is within 2⁻²⁰ of 1, where ", .code("a - y"), " has lost its digits (it is 0 at y = 1): the pass takes it as ",
                        "(1 − y) − (1 − a) with 1 − a = ", activation == .sigmoid ? "σ(−z)" : "the other outputs' share", ", so ",
                        m(.lossGradient(sampleScope, batch: batch)), " is:"]),
            numpy(activation == .sigmoid ? gradient : "\(otherShares(l)); \(gradient)"),
        ]
    }

    /// numpy's `1 − a_j` of a softmax output as the share of the other outputs, `R` (a row per sample
    /// in the batch), from layer `l`'s `z`.
    func otherShares(_ l: Int) -> String {
        batch
            ? "E = np.exp(Z[\(l)] - Z[\(l)].max(axis=1, keepdims=True)); R = np.array([[np.delete(e, j).sum() for j in range(len(e))] for e in E]) / E.sum(axis=1, keepdims=True)"
            : "e = np.exp(z[\(l)] - z[\(l)].max()); R = \(MatrixWriter.share)"
    }

    /// numpy's other outputs' share `Σ_(i≠j) e_i / Σ_i e_i` for every `j`, from `e`.
    static let share = "np.array([np.delete(e, j).sum() for j in range(len(e))]) / e.sum()"
}
