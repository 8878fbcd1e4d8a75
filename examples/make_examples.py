#!/usr/bin/env python3
"""Write the example network files in examples/: xor.json, circles.json, iris.json, digits.json.

    pip install scikit-learn        # only for its copies of the iris and digits CSV files
    python3 examples/make_examples.py

Run from anywhere; the files are written beside this script. The same script gives the same bytes
on every machine: every random choice comes from Python's `random.Random(seed)` (the Mersenne
Twister, whose `random()`, `uniform()`, `gauss()` and `shuffle()` give the same numbers for the same
seed in every Python 3 since 3.2), with one seed per file (the SEED constants below), and nothing
else is random. scikit-learn is used only to find its data folder; no scikit-learn function touches
the numbers.

What each file holds (examples/README.md says more):

- xor.json: the four XOR cases, a 2-2-1 sigmoid network, squared loss.
- circles.json: 200 points in the plane, a disc inside a ring (two classes), 160 for training and
  40 held out in "test"; a 2-8-1 network, tanh then sigmoid, binary cross-entropy.
- iris.json: Fisher's 150 irises, 4 measurements standardised, 3 species one-hot; 120 for
  training and 30 (10 per species) held out; a 4-8-3 network, tanh then softmax, cross-entropy.
- digits.json: the 1,797 8x8 handwritten digits, 64 pixels divided by 16 (so in [0, 1]), 10 digits
  one-hot; 1,497 for training and 300 (30 per digit) held out; a 64-32-10 network, sigmoid then
  softmax, cross-entropy.

Initial weights are Xavier (Glorot) uniform, w ~ U(-r, r) with r = sqrt(6 / (fan_in + fan_out)),
drawn layer by layer, row by row; biases start at 0. Numbers are rounded to 4 significant digits
(pixels k/16 are exact at 4 digits), so the files stay small.
"""

import csv
import gzip
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

XOR_SEED = 3
CIRCLES_SEED = 7
IRIS_SEED = 42
DIGITS_SEED = 2024


def sig(value, digits=4):
    """`value` to `digits` significant digits, as JSON text (no "-0")."""
    text = f"{value:.{digits}g}"
    return "0" if float(text) == 0 else text


def xavier(rng, fan_in, fan_out):
    """A fan_out x fan_in weight matrix, each entry uniform in +-sqrt(6 / (fan_in + fan_out))."""
    r = math.sqrt(6 / (fan_in + fan_out))
    return [[rng.uniform(-r, r) for _ in range(fan_in)] for _ in range(fan_out)]


def layers(rng, sizes, activations):
    """Layers 1 ... L for these sizes (inputs first): Xavier weights, zero biases."""
    return [{"activation": g, "weights": xavier(rng, m, n), "biases": [0.0] * n}
            for m, n, g in zip(sizes, sizes[1:], activations)]


def one_hot(c, n):
    return [1 if i == c else 0 for i in range(n)]


def stratified_split(rng, labels, per_class):
    """Indices (train, test): `per_class` of each class drawn for test, each list then shuffled."""
    train, test = [], []
    for c in sorted(set(labels)):
        members = [i for i, label in enumerate(labels) if label == c]
        rng.shuffle(members)
        test += members[:per_class]
        train += members[per_class:]
    rng.shuffle(train)
    rng.shuffle(test)
    return train, test


def write(name, inputs, net_layers, loss, rate, samples, test=None, x_digits=4):
    """The network file, one layer row and one sample to a line."""
    def numbers(values, digits=4):
        return "[" + ", ".join(sig(v, digits) for v in values) + "]"

    def sample(s):
        return '{ "x": ' + numbers(s[0], x_digits) + ', "y": ' + numbers(s[1]) + " }"

    lines = ["{", f'  "inputs": {inputs},', '  "layers": [']
    for i, layer in enumerate(net_layers):
        rows = ",\n        ".join(numbers(row) for row in layer["weights"])
        lines.append(f'    {{ "activation": "{layer["activation"]}",')
        lines.append(f'      "weights": [\n        {rows}\n      ],')
        lines.append(f'      "biases": {numbers(layer["biases"])} }}' + ("," if i < len(net_layers) - 1 else ""))
    lines += ["  ],", f'  "loss": "{loss}",', f'  "learningRate": {sig(rate)},', '  "samples": [']
    lines.append(",\n".join("    " + sample(s) for s in samples))
    if test:
        lines += ["  ],", '  "test": [']
        lines.append(",\n".join("    " + sample(s) for s in test))
    lines += ["  ]", "}", ""]
    with open(os.path.join(HERE, name), "w") as f:
        f.write("\n".join(lines))


def make_xor():
    rng = random.Random(XOR_SEED)
    samples = [([a, b], [a ^ b]) for a in (0, 1) for b in (0, 1)]
    write("xor.json", 2, layers(rng, [2, 2, 1], ["sigmoid", "sigmoid"]), "squared", 2.0, samples)


def make_circles():
    """100 points on a circle of radius 0.5 (class 1) and 100 on one of radius 1 (class 0), at
    angles uniform in [0, 2 pi), each coordinate then moved by Gaussian noise of standard
    deviation 0.1 (scikit-learn's make_circles(factor=0.5, noise=0.1), with our own generator)."""
    rng = random.Random(CIRCLES_SEED)
    points, labels = [], []
    for c, radius in ((0, 1.0), (1, 0.5)):
        for _ in range(100):
            t = rng.uniform(0, 2 * math.pi)
            points.append([radius * math.cos(t) + rng.gauss(0, 0.1), radius * math.sin(t) + rng.gauss(0, 0.1)])
            labels.append(c)
    train, test = stratified_split(rng, labels, 20)
    net = layers(rng, [2, 8, 1], ["tanh", "sigmoid"])
    pick = lambda indices: [(points[i], [labels[i]]) for i in indices]
    write("circles.json", 2, net, "binary-cross-entropy", 0.5, pick(train), pick(test))


def sklearn_data(name):
    import sklearn
    return os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", name)


def make_iris():
    """Each of the 4 measurements standardised, (v - mean) / sd, with the mean and the (population)
    standard deviation of the 120 training samples, so nothing of the test samples leaks in."""
    with open(sklearn_data("iris.csv")) as f:
        rows = list(csv.reader(f))[1:]
    features = [[float(v) for v in row[:4]] for row in rows]
    labels = [int(row[4]) for row in rows]
    rng = random.Random(IRIS_SEED)
    train, test = stratified_split(rng, labels, 10)
    means = [sum(features[i][c] for i in train) / len(train) for c in range(4)]
    sds = [math.sqrt(sum((features[i][c] - means[c]) ** 2 for i in train) / len(train)) for c in range(4)]
    scaled = [[(v - m) / s for v, m, s in zip(row, means, sds)] for row in features]
    net = layers(rng, [4, 8, 3], ["tanh", "softmax"])
    pick = lambda indices: [(scaled[i], one_hot(labels[i], 3)) for i in indices]
    write("iris.json", 4, net, "cross-entropy", 0.5, pick(train), pick(test))


def make_digits():
    """Each pixel (an integer 0 ... 16) divided by 16."""
    with gzip.open(sklearn_data("digits.csv.gz"), "rt") as f:
        rows = [row for row in csv.reader(f) if row]
    pixels = [[int(v) / 16 for v in row[:64]] for row in rows]
    labels = [int(float(row[64])) for row in rows]
    rng = random.Random(DIGITS_SEED)
    train, test = stratified_split(rng, labels, 30)
    net = layers(rng, [64, 32, 10], ["sigmoid", "softmax"])
    pick = lambda indices: [(pixels[i], one_hot(labels[i], 10)) for i in indices]
    write("digits.json", 64, net, "cross-entropy", 0.5, pick(train), pick(test))


if __name__ == "__main__":
    make_xor()
    make_circles()
    make_iris()
    make_digits()
