"""The PyTorch twin of `nnexplain train`, for the benchmark (nnexplain-bench runs it when torch is there).

    torch_train.py SIZES SAMPLES BATCH EPOCHS REPEATS THREADS [softmax]

trains the network that `Network.random(sizes: SIZES, samples: SAMPLES, seed: 1)` makes (the same
numbers: our SplitMix64 is recomputed below), in float64 on THREADS threads (torch.set_num_threads;
the benchmark's main rows use 2), for EPOCHS epochs of plain
SGD with learning rate 0.1, the way a user writes the loop: forward, loss, zero_grad, backward,
optimizer.step. BATCH 0 is full batch (one step an epoch); otherwise each epoch takes
torch.randperm's order and one step per batch of BATCH, and the mean loss over all samples is
computed after every epoch (as `train` reports it). Sigmoid everywhere with the squared loss
C_s = sum_j (a_j - y_j)^2, or with `softmax` a softmax output and cross-entropy (soft targets).

It prints JSON: {"ms": [ms per epoch of each run], "min": ..., "median": ..., "losses": [...]},
REPEATS timed runs after one warm-up, each from the same initial network. "losses" come from one
more, untimed, run that takes the batches in nnexplain's order (its Fisher-Yates shuffle, from the
same SplitMix64 seeded with 1), so they can be set beside `train`'s: the same network and the same
steps give the same losses up to rounding.
"""
import json
import statistics
import sys
import time

import numpy as np
import torch

GAMMA = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1


def splitmix64(seed, count, start=0):
    """Outputs start+1 ... start+count of SplitMix64 seeded with `seed`, vectorised (uint64 wraps)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(start + 1, start + count + 1, dtype=np.uint64) * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def random_network(sizes, samples, seed=1):
    """Network.random's numbers, drawn in its order: each layer's weights row by row, uniform in
    +-1/sqrt(fan-in), then its biases in +-0.1; then each sample's x, then its y, uniform in [0, 1)."""
    counts = [n * m + n for m, n in zip(sizes, sizes[1:])] + [samples * (sizes[0] + sizes[-1])]
    units = (splitmix64(seed, sum(counts)) >> np.uint64(11)).astype(np.float64) * 2.0**-53
    weights, biases, at = [], [], 0
    for m, n in zip(sizes, sizes[1:]):
        bound = 1.0 / np.sqrt(float(m))
        weights.append((2 * units[at:at + n * m] - 1).reshape(n, m) * bound)
        biases.append((2 * units[at + n * m:at + n * m + n] - 1) * 0.1)
        at += n * m + n
    data = units[at:].reshape(samples, sizes[0] + sizes[-1])
    return weights, biases, data[:, :sizes[0]].copy(), data[:, sizes[0]:].copy()


def our_permutations(count, epochs, seed=1):
    """nnexplain's shuffles: Fisher-Yates with j = (u * (i + 1)) >> 64, one generator for the run."""
    state, orders = seed, []
    for _ in range(epochs):
        order = list(range(count))
        for i in range(count - 1, 0, -1):
            state = (state + GAMMA) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            z ^= z >> 31
            j = (z * (i + 1)) >> 64
            order[i], order[j] = order[j], order[i]
        orders.append(torch.tensor(order))
    return orders


def train(initial, x, y, batch, epochs, softmax, orders=None):
    """One training run from `initial`; returns the losses, as `train` reports them."""
    layers = []
    for w, b in initial:
        linear = torch.nn.Linear(w.shape[1], w.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(w)
            linear.bias.copy_(b)
        layers.append(linear)
    parameters = [p for layer in layers for p in layer.parameters()]
    optimizer = torch.optim.SGD(parameters, lr=0.1)

    def forward(a):
        for linear in layers[:-1]:
            a = torch.sigmoid(linear(a))
        z = layers[-1](a)
        return z if softmax else torch.sigmoid(z)

    def loss_of(out, target):
        if softmax:
            return torch.nn.functional.cross_entropy(out, target)
        return ((out - target) ** 2).sum(dim=1).mean()

    n, losses = x.shape[0], []
    if batch == 0 or batch >= n:
        for _ in range(epochs):
            loss = loss_of(forward(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        with torch.no_grad():
            losses.append(loss_of(forward(x), y).item())
        return losses
    with torch.no_grad():
        losses.append(loss_of(forward(x), y).item())
    for epoch in range(epochs):
        order = orders[epoch] if orders is not None else torch.randperm(n)
        for start in range(0, n, batch):
            index = order[start:start + batch]
            loss = loss_of(forward(x[index]), y[index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(loss_of(forward(x), y).item())
    return losses


def main():
    sizes = [int(s) for s in sys.argv[1].split(",")]
    samples, batch, epochs, repeats, threads = (int(a) for a in sys.argv[2:7])
    softmax = len(sys.argv) > 7 and sys.argv[7] == "softmax"
    torch.set_num_threads(threads)
    weights, biases, x, y = random_network(sizes, samples)
    initial = [(torch.from_numpy(w), torch.from_numpy(b)) for w, b in zip(weights, biases)]
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    train(initial, x, y, batch, epochs, softmax)
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        train(initial, x, y, batch, epochs, softmax)
        runs.append((time.perf_counter() - start) * 1000 / epochs)
    orders = our_permutations(samples, epochs) if 0 < batch < samples else None
    losses = train(initial, x, y, batch, epochs, softmax, orders)
    print(json.dumps({"ms": runs, "min": min(runs), "median": statistics.median(runs), "losses": losses}))


if __name__ == "__main__":
    main()
