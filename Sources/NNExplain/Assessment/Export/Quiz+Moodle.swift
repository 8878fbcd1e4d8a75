/// The quiz as a Moodle XML file (Moodle's "Moodle XML format" for its question bank import): a
/// category question first, which files every question after it in the assignment's category,
/// then one `numerical` question a student and question. Moodle grades a numerical response by the
/// first answer, in the file's order, whose `answer ± tolerance` holds it, so the right answer
/// (fraction 100) comes first and each slip (fraction 0) after it.
extension Quiz {
    /// The whole file, UTF-8 XML; the same quiz gives the same bytes.
    public func moodleXML() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        out += """
              <question type="category">
                <category><text>\(XMLText.escaped("$course$/top/" + title))</text></category>
                <info format="html"><text>\(XMLText.escaped("<p>Backpropagation sheets drawn by nnexplain from a roster and a course key: \(questions.count) questions.</p>"))</text></info>
              </question>

            """
        for question in questions { out += Quiz.moodle(question) }
        return out + "</quiz>\n"
    }

    private static func moodle(_ question: Question) -> String {
        let answers = question.answers.map { answer in
            """
                <answer fraction="\(answer.percent)" format="moodle_auto_format">
                  <text>\(decimal(answer.value))</text>
                  <feedback format="html"><text>\(XMLText.escaped(answer.feedback))</text></feedback>
                  <tolerance>\(decimal(answer.tolerance))</tolerance>
                </answer>

            """
        }.joined()
        return """
              <question type="numerical">
                <name><text>\(XMLText.escaped(question.name))</text></name>
                <questiontext format="html"><text>\(XMLText.escaped(question.text))</text></questiontext>
                <generalfeedback format="html"><text></text></generalfeedback>
                <defaultgrade>1</defaultgrade>
                <penalty>0.3333333</penalty>
                <hidden>0</hidden>
            \(answers)    <unitgradingtype>0</unitgradingtype>
                <unitpenalty>0</unitpenalty>
                <showunits>3</showunits>
                <unitsleft>0</unitsleft>
              </question>

            """
    }
}
