/// An error of the library as a value a caller can switch on, said in one sentence (``message``)
/// that names the problem and the fix. Every sentence is written in this folder, once; the command
/// line prints it as it is, a front end of its own may say it otherwise.
///
/// The errors: ``NetworkFileError`` (with ``JSONParseError``; the warning ``NetworkFileWarning``
/// has a `message` too), ``NetworkError`` (a network built in code, or an index), ``BatchError``,
/// ``PairingProblem``, ``OverflowError``, ``ResourceError``, ``SafetensorsError`` (a model file), ``BoundaryPicture/Problem`` and
/// ``Exercise/Problem``. The data of each lives where the rule is (the core's, for the core's
/// errors); the words live here.
public protocol ExplainedError: Error, CustomStringConvertible {
    /// The one sentence, without a final full stop.
    var message: String { get }
}

extension ExplainedError {
    public var description: String { message }
}

extension NetworkFileError: ExplainedError {}
extension BatchError: ExplainedError {}
extension OverflowError: ExplainedError {}
