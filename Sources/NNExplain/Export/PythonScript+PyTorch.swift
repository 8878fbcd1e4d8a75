extension PythonScript {
    /// The PyTorch script's model and pass: an `nn.Sequential` of `nn.Linear` layers (float64,
    /// `bias=False` for a layer without biases) each followed by its activation's module, the loss
    /// written with PyTorch's own loss classes where one is the same function, and `loss.backward()`.
    enum PyTorch {
        /// `model()`, `loss_of(a, y)` and `gradients()`.
        static func body(_ network: Network) -> String {
            let modules = Activation.allCases.map { activation in
                "    if name == \(string(activation.rawValue)):\n        return \(module(activation))\n"
            }.joined()
            let losses = Loss.allCases.map { loss in
                "    if LOSS == \(string(loss.rawValue)):\n        return \(lossValue(loss))\n"
            }.joined()
            return """
                def activation_module(name):
                    \"\"\"The module of the activation g_l.\"\"\"
                \(modules)    raise ValueError(name)


                def model():
                    \"\"\"nn.Sequential(nn.Linear(m, n), g_1, nn.Linear(...), g_2, ...) holding the network's weights.\"\"\"
                    modules = []
                    for name, w, b in LAYERS:
                        linear = nn.Linear(len(w[0]), len(w), bias=b is not None, dtype=torch.float64)
                        with torch.no_grad():
                            linear.weight.copy_(torch.tensor(w, dtype=torch.float64))   # weight[j][k] = w_jk^l (out x in)
                            if b is not None:
                                linear.bias.copy_(torch.tensor(b, dtype=torch.float64))
                        modules += [linear, activation_module(name)]
                    return nn.Sequential(*modules)


                def loss_of(a, y):
                    \"\"\"C = (1/N) sum_s C_s: PyTorch's losses with reduction="sum", divided by the number of samples.\"\"\"
                    n_samples = a.shape[0]
                \(losses)    raise ValueError(LOSS)


                def gradients():
                    \"\"\"Forward through the model (keeping each z^l = nn.Linear's output), loss.backward(), the .grad of each.\"\"\"
                    torch.set_default_dtype(torch.float64)
                    net = model()
                    x, y = torch.tensor(X, dtype=torch.float64), torch.tensor(Y, dtype=torch.float64)
                    h, z_s, a_s = x, [], [x]
                    for module in net:                             # the same as net(x), keeping z^l and a^(l-1)
                        h = module(h)
                        if isinstance(module, nn.Linear):
                            h.retain_grad()
                            z_s.append(h)
                        else:
                            a_s.append(h)
                    loss = loss_of(h, y)
                    loss.backward()
                    linears = [m for m in net if isinstance(m, nn.Linear)]
                    grad_w = [m.weight.grad.numpy() for m in linears]
                    grad_b = [z.grad.sum(dim=0).numpy() if m.bias is None else m.bias.grad.numpy() for m, z in zip(linears, z_s)]
                    # The scale m of each gradient: z.grad[s] is (1/N) dC_s/dz^l, so (1/N) sum_s |dC_s/dw_jk^l| = |z.grad|^T |a^(l-1)|.
                    scale_w = [(z.grad.abs().T @ a.detach().abs()).numpy() for z, a in zip(z_s, a_s)]
                    scale_b = [z.grad.abs().sum(dim=0).numpy() for z in z_s]
                    return loss.item(), grad_w, grad_b, scale_w, scale_b



                """
        }

        /// The activation's module.
        private static func module(_ activation: Activation) -> String {
            switch activation {
            case .sigmoid: "nn.Sigmoid()"
            case .tanh: "nn.Tanh()"
            case .relu: "nn.ReLU()"
            case .leakyRelu: "nn.LeakyReLU(LEAKY_SLOPE)"
            case .identity: "nn.Identity()"
            case .softmax: "nn.Softmax(dim=1)"
            }
        }

        /// `C`, from the outputs `a` and targets `y`.
        private static func lossValue(_ loss: Loss) -> String {
            switch loss {
            case .squared: "nn.MSELoss(reduction=\"sum\")(a, y) / n_samples"
            case .halfSquared: "0.5 * nn.MSELoss(reduction=\"sum\")(a, y) / n_samples"
            // -sum y ln a, a term with y = 0 counting 0 (torch.xlogy(0, 0) = 0); nn.CrossEntropyLoss would
            // take the logits z^L and apply softmax itself, where this model's last module is the softmax.
            case .crossEntropy: "-torch.xlogy(y, a).sum() / n_samples"
            case .binaryCrossEntropy: "nn.BCELoss(reduction=\"sum\")(a, y) / n_samples"
            }
        }
    }
}
