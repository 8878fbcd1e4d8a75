import Foundation

/// Command lines several test targets run.
public enum CommandLines {
    /// Mazur's network file (``Fixtures``).
    public static let mazur = Fixtures.path("mazur.json")

    /// Every explaining command, in every kind: output and hidden layers, one sample and the
    /// average, a file with biases, and a network deep enough to exhaust the summation letters.
    public static let explaining: [[String]] = [
        ["step", "--layer", "L", "--j", "1", "--k", "2"],
        ["step", "--layer", "L-2", "--j", "0", "--k", "1", "--average"],
        ["step", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0"],
        ["forward", "--network", mazur],
        ["gradients"],
        ["update", "--layer", "L-1", "--j", "2", "--k", "2"],
        ["update", "--network", mazur, "--update-order", "output-first"],
        ["check", "--network", mazur],
        ["matrix", "--network", mazur],
        ["matrix", "--average", "--random", "10,9,2"],
        // Deep enough that the summation letters run out and come back primed (i′).
        ["step", "--random", "2,2,2,2,2,2,2,2,2,2,2,2,2,2", "--layer", "1", "--j", "0", "--k", "0"],
        ["graph", "--layer", "L-1", "--j", "2", "--k", "2"],
        ["graph", "--network", mazur],
        ["graph", "--vectorised", "--layer", "L-1"],
    ]
}
