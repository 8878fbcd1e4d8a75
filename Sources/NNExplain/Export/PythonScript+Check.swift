extension PythonScript {
    /// The end both scripts share: `report(loss, weights, biases, weight_scales, bias_scales)` prints
    /// the gradients as JSON and the largest relative difference, and exits 1 on disagreement;
    /// `main()` runs the framework's `gradients()`.
    static let check = #"""
        def difference(mine, theirs, scale):
            """|g - g'| / max(|g|, |g'|, m), 0 when all three are 0."""
            size = max(abs(mine), abs(theirs), scale)
            return 0.0 if size == 0 else abs(mine - theirs) / size


        def report(loss, weights, biases, weight_scales, bias_scales):
            """Print the gradients as `nnexplain gradients --format json` does; exit 1 where one disagrees."""
            layers = [{"layer": l + 1, "weights": [[float(v) for v in row] for row in w], "biases": [float(v) for v in b]}
                      for l, (w, b) in enumerate(zip(weights, biases))]
            print(json.dumps({"loss": float(loss), "layers": layers}, indent=2))
            worst, where = difference(float(loss), EXPECTED["loss"], 0.0), "C"
            if len(EXPECTED["layers"]) != len(layers):
                sys.exit("the network has %d layers, nnexplain's gradients %d" % (len(layers), len(EXPECTED["layers"])))
            for l, (mine, theirs) in enumerate(zip(layers, EXPECTED["layers"])):
                pairs = [(mine["weights"][j][k], theirs["weights"][j][k], float(weight_scales[l][j][k]), "dC/dw_%s^%d" % (("%d%d" if j < 10 and k < 10 else "%d,%d") % (j, k), l + 1))
                         for j in range(len(mine["weights"])) for k in range(len(mine["weights"][j]))]
                pairs += [(mine["biases"][j], theirs["biases"][j], float(bias_scales[l][j]), "dC/db_%d^%d" % (j, l + 1))
                          for j in range(len(mine["biases"]))]
                for g, expected, scale, name in pairs:
                    d = difference(g, expected, scale)
                    if d > worst:
                        worst, where = d, name
            print("largest relative difference from nnexplain: %.3g (%s)" % (worst, where), file=sys.stderr)
            if worst > TOLERANCE:
                print("DISAGREE: %s differs from nnexplain's by more than %g relatively" % (where, TOLERANCE), file=sys.stderr)
                sys.exit(1)


        if __name__ == "__main__":
            report(*gradients())

        """#
}
