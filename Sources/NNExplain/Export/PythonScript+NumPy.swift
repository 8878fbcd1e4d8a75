extension PythonScript {
    /// The numpy script's forward and backward pass, written out by hand after docs NOTATION.md,
    /// over all samples at once (row s of each matrix is sample s).
    enum NumPy {
        /// `g(Z)`, `g'(Z)` (softmax's Jacobian is applied in `backward`), the loss and `dC_s/da`,
        /// then `gradients()`.
        static func body(_ network: Network) -> String {
            let activations = Activation.allCases.map { activation in
                "    if name == \(string(activation.rawValue)):\n        return \(value(activation))\n"
            }.joined()
            let slopes = Activation.allCases.filter { $0.isElementwise }.map { activation in
                "    if name == \(string(activation.rawValue)):\n        return \(slope(activation))\n"
            }.joined()
            let losses = Loss.allCases.map { loss in
                "    if LOSS == \(string(loss.rawValue)):\n        return \(lossValue(loss)), \(lossSlope(loss))\n"
            }.joined()
            return """
                def log_sigmoid(z):
                    \"\"\"ln sigma(z), stably: -ln(1 + e^-z) for z >= 0, z - ln(1 + e^z) otherwise.\"\"\"
                    return np.where(z >= 0, -np.log1p(np.exp(-np.abs(z))), z - np.log1p(np.exp(-np.abs(z))))


                def log_softmax(z):
                    \"\"\"ln a_j = z_j - max z - ln sum_i e^(z_i - max z), row by row.\"\"\"
                    shifted = z - z.max(axis=1, keepdims=True)
                    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


                def sigmoid(z):
                    \"\"\"1 / (1 + e^-z), never evaluating e^z for large z.\"\"\"
                    e = np.exp(-np.abs(z))
                    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


                def softmax(z):
                    \"\"\"e^(z_j - max z) / sum_i e^(z_i - max z), row by row.\"\"\"
                    e = np.exp(z - z.max(axis=1, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)


                def log_a(z):
                    \"\"\"ln a_j^L from z^L, stably, for the cross-entropies.\"\"\"
                    return log_softmax(z) if LAYERS[-1][0] == "softmax" else log_sigmoid(z)


                def g(name, z):
                    \"\"\"The activation g_l of every node (softmax: of each row, stably).\"\"\"
                \(activations)    raise ValueError(name)


                def g_prime(name, z, a):
                    \"\"\"g_l'(z), from z and a = g_l(z); softmax is handled in backward().\"\"\"
                \(slopes)    raise ValueError(name)


                def loss_and_slope(z, a, y):
                    \"\"\"C_s of each sample and dC_s/da_j^L (a term whose factor y_j or 1 - y_j is 0 counts as 0).\"\"\"
                \(losses)    raise ValueError(LOSS)


                def gradients():
                    \"\"\"Forward over every sample, then backward, layer by layer from the output.\"\"\"
                    x, y = np.array(X, dtype=np.float64), np.array(Y, dtype=np.float64)
                    n_samples = x.shape[0]
                    weights = [np.array(w, dtype=np.float64) for _, w, _ in LAYERS]
                    biases = [np.zeros(len(w)) if b is None else np.array(b, dtype=np.float64) for _, w, b in LAYERS]
                    a_s, z_s = [x], []
                    for (name, _, _), w, b in zip(LAYERS, weights, biases):
                        z = a_s[-1] @ w.T + b                     # z_j^l = sum_k w_jk^l a_k^(l-1) + b_j^l
                        z_s.append(z)
                        a_s.append(g(name, z))                    # a_j^l = g_l(z_j^l)
                    c_s, da = loss_and_slope(z_s[-1], a_s[-1], y)
                    out = LAYERS[-1][0]
                    if out == "softmax":                          # delta^L = J^T dC/da: a_j (dC/da_j - sum_i a_i dC/da_i)
                        a = a_s[-1]
                        delta = a * (da - (a * da).sum(axis=1, keepdims=True))
                    else:                                         # delta^L = dC/da (.) g_L'(z^L)
                        delta = da * g_prime(out, z_s[-1], a_s[-1])
                    grad_w, grad_b, scale_w, scale_b = [], [], [], []
                    for l in reversed(range(len(LAYERS))):
                        previous = a_s[l]
                        grad_w.insert(0, delta.T @ previous / n_samples)              # dC/dW^l = (1/N) Delta^T A^(l-1)
                        grad_b.insert(0, delta.sum(axis=0) / n_samples)               # dC/db^l = (1/N) sum_s delta_s
                        scale_w.insert(0, np.abs(delta).T @ np.abs(previous) / n_samples)
                        scale_b.insert(0, np.abs(delta).sum(axis=0) / n_samples)
                        if l > 0:                                 # delta^(l-1) = (W^l)^T delta^l (.) g_(l-1)'(z^(l-1))
                            delta = (delta @ weights[l]) * g_prime(LAYERS[l - 1][0], z_s[l - 1], a_s[l])
                    return c_s.mean(), grad_w, grad_b, scale_w, scale_b



                """
        }

        /// `g(z)` in numpy.
        private static func value(_ activation: Activation) -> String {
            switch activation {
            case .sigmoid: "sigmoid(z)"
            case .tanh: "np.tanh(z)"
            case .relu: "np.where(z > 0, z, 0.0)"
            case .leakyRelu: "np.where(z > 0, z, LEAKY_SLOPE * z)"
            case .identity: "z.copy()"
            case .softmax: "softmax(z)"
            }
        }

        /// `g'(z)` in numpy, from `z` and `a`.
        private static func slope(_ activation: Activation) -> String {
            switch activation {
            case .sigmoid: "a * (1 - a)"
            case .tanh: "1 - a * a"
            case .relu: "np.where(z > 0, 1.0, 0.0)"
            case .leakyRelu: "np.where(z > 0, 1.0, LEAKY_SLOPE)"
            case .identity: "np.ones_like(z)"
            case .softmax: "None"
            }
        }

        /// `C_s` of every sample, a vector.
        private static func lossValue(_ loss: Loss) -> String {
            switch loss {
            case .squared: "((a - y) ** 2).sum(axis=1)"
            case .halfSquared: "0.5 * ((a - y) ** 2).sum(axis=1)"
            case .crossEntropy: "-np.where(y == 0, 0.0, y * log_a(z)).sum(axis=1)"
            case .binaryCrossEntropy:
                "-(np.where(y == 0, 0.0, y * log_sigmoid(z)) + np.where(y == 1, 0.0, (1 - y) * log_sigmoid(-z))).sum(axis=1)"
            }
        }

        /// `dC_s/da_j^L`, a matrix.
        private static func lossSlope(_ loss: Loss) -> String {
            switch loss {
            case .squared: "2 * (a - y)"
            case .halfSquared: "a - y"
            case .crossEntropy: "np.where(y == 0, 0.0, -y / a)"
            case .binaryCrossEntropy: "np.where(y == 0, 0.0, -y / a) + np.where(y == 1, 0.0, (1 - y) / (1 - a))"
            }
        }
    }
}
