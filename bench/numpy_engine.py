"""The numpy twin of nnexplain's engine, for the benchmark (nnexplain-bench runs it).

Modes:
  pass  SIZES SAMPLES REPEATS   time one forward+backward pass with batched matmuls (float64),
                                print {"ms": median, "runs": [...]} as JSON
  gradients SIZES SAMPLES       end to end like `nnexplain gradients --random SIZES --samples N
                                --format json`: make a random network, compute the averaged
                                gradients, print them as JSON

Sigmoid everywhere, squared loss, biases, as nnexplain's random networks. Thread count comes from
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS, set by the caller before numpy is imported.
"""
import json
import sys
import time

import numpy as np


def network(sizes, samples, seed=1):
    rng = np.random.default_rng(seed)
    weights = [rng.uniform(-1, 1, (n, m)) / np.sqrt(m) for m, n in zip(sizes, sizes[1:])]
    biases = [rng.uniform(-0.1, 0.1, n) for n in sizes[1:]]
    x = rng.uniform(0, 1, (samples, sizes[0]))
    y = rng.uniform(0, 1, (samples, sizes[-1]))
    return weights, biases, x, y


def gradients(weights, biases, x, y):
    """Mean loss and averaged gradients: forward, then backward, one matmul per layer and step."""
    activations, slopes = [x], []
    for w, b in zip(weights, biases):
        a = 1.0 / (1.0 + np.exp(-(activations[-1] @ w.T + b)))
        activations.append(a)
        slopes.append(a * (1.0 - a))
    n = x.shape[0]
    loss = float(np.sum((activations[-1] - y) ** 2) / n)
    dcda = 2.0 * (activations[-1] - y)
    grads_w, grads_b = [None] * len(weights), [None] * len(weights)
    for l in range(len(weights) - 1, -1, -1):
        delta = dcda * slopes[l]
        grads_w[l] = delta.T @ activations[l] / n
        grads_b[l] = delta.sum(axis=0) / n
        if l > 0:
            dcda = delta @ weights[l]
    return loss, grads_w, grads_b


def main():
    mode, sizes, samples = sys.argv[1], [int(s) for s in sys.argv[2].split(",")], int(sys.argv[3])
    weights, biases, x, y = network(sizes, samples)
    if mode == "pass":
        repeats = int(sys.argv[4])
        gradients(weights, biases, x, y)  # warm up
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            gradients(weights, biases, x, y)
            runs.append((time.perf_counter() - start) * 1000)
        print(json.dumps({"ms": float(np.median(runs)), "runs": runs}))
    else:
        loss, gw, gb = gradients(weights, biases, x, y)
        layers = [{"layer": i + 1, "weights": w.tolist(), "biases": b.tolist()} for i, (w, b) in enumerate(zip(gw, gb))]
        json.dump({"loss": loss, "layers": layers}, sys.stdout, indent=2)
        print()


if __name__ == "__main__":
    main()
