/// Each graded student's feedback, as a file of its own.
extension ClassGrading {
    /// `feedback-<id>.txt` for every student graded, in roster order: the graded sheet
    /// (``Grading/document``) as text, naming the student and the sheet code.
    ///
    /// - Parameter precision: significant digits of every number.
    /// - Throws: ``RosterFiles/Problem/sameFileName(_:_:name:)`` when two ids make the same file name.
    public func feedbackFiles(precision: Int) throws(RosterFiles.Problem) -> [RosterFiles.File] {
        var named: [String: String] = [:], files: [RosterFiles.File] = []
        for entry in entries {
            guard case .graded(let grading, _) = entry.outcome else { continue }
            let name = "feedback-" + RosterFiles.fileSafe(entry.student.id) + ".txt"
            if let other = named[name] { throw .sameFileName(other, entry.student.id, name: name) }
            named[name] = entry.student.id
            let naming = LayerNaming(depth: grading.exercise.network.depth, relative: false)
            files.append(RosterFiles.File(name: name, text: TextRenderer(naming: naming, precision: precision).render(grading.document)))
        }
        return files
    }
}
