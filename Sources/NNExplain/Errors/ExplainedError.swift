/// An error of the library as a value a caller can switch on, said in one sentence (``message``)
/// that names the problem and the fix. Every sentence is written in this folder, once; the command
/// line prints it as it is, a front end of its own may say it otherwise.
///
/// The errors: ``NetworkFileError`` (and the warning ``NetworkFileWarning``), ``BatchError``,
/// ``OverflowError``, ``ResourceError``, ``IndexError`` and ``BoundaryPicture/Problem``.
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
