extension Network {
    /// The network with its training samples replaced by `training`'s and its held-out samples by
    /// `test`'s, each where given (nil keeps the network's own).
    ///
    /// - Throws: ``DataError`` when a data set's inputs are not one per input of the network, its
    ///   targets not one per output node, or a target is one the loss cannot have (naming its line
    ///   and column).
    public func replacingData(training: DataSet?, test: DataSet?) throws(DataError) -> Network {
        var network = self
        for data in [training, test].compactMap({ $0 }) {
            guard data.inputColumns.count == inputs else { throw .inputCount(columns: data.inputColumns, inputs: inputs) }
            let outputs = size(ofLayer: depth)
            guard data.samples.first?.y.count == outputs else {
                throw .targetCount(names: data.targetNames, label: data.classes == nil ? nil : data.targetColumns[0], outputs: outputs)
            }
        }
        if let training { network.samples = training.samples }
        if let test { network.testSamples = test.samples }
        if case .target(_, let s, let j, _, let held)? = network.pairingProblem, let data = held ? test : training {
            throw .target(network.pairingProblem!, line: data.lines[s], column: data.targetColumns[data.classes == nil ? j : 0])
        }
        return network
    }
}
