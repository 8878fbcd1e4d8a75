/// The quiz as a QTI 1.2 package for Canvas Classic Quizzes, laid out as Canvas exports one and
/// imports it ("QTI .zip file"): `imsmanifest.xml` naming one `imsqti_xmlv1p2` resource, and that
/// resource's assessment, `<id>/<id>.xml`, one `numerical_question` item a student and question.
/// Canvas counts every answer of a numerical question as right, so the right answer is the one
/// scored range, `key − u/2 ≤ response ≤ key + u/2`, and the slips, which cannot be answers worth
/// nothing there, are listed with their values in the feedback every wrong answer shows.
extension Quiz {
    /// The package's bytes: a store-only ZIP of the manifest and the assessment; the same quiz
    /// gives the same bytes.
    public func qtiZip() -> [UInt8] {
        let files = qtiFiles()
        return ZipArchive(files: files.map { ($0.path, Array($0.text.utf8)) }).bytes()
    }

    /// The package's files in order: `imsmanifest.xml`, then the assessment.
    func qtiFiles() -> [(path: String, text: String)] {
        let id = qtiIdentifier, assessment = "\(id)/\(id).xml"
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(id)_manifest" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
              <metadata>
                <schema>IMS Content</schema>
                <schemaversion>1.1.3</schemaversion>
              </metadata>
              <organizations/>
              <resources>
                <resource identifier="\(id)" type="imsqti_xmlv1p2">
                  <file href="\(assessment)"/>
                </resource>
              </resources>
            </manifest>

            """
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
              <assessment ident="\(id)" title="\(XMLText.escaped(title))">
                <qtimetadata>
                  <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>
                </qtimetadata>
                <section ident="root_section">

            """
        for (n, question) in questions.enumerated() { xml += Quiz.qti(question, ident: "\(id)_q\(n + 1)") }
        xml += "    </section>\n  </assessment>\n</questestinterop>\n"
        return [("imsmanifest.xml", manifest), (assessment, xml)]
    }

    /// `nnexplain_` and 16 hex digits of the SHA-256 of the questions' names: the same roster and
    /// key give the same identifier (Canvas can then replace an earlier import), another roster or
    /// key another one.
    var qtiIdentifier: String {
        let digest = SHA256.hash(Array(questions.map { $0.name }.joined(separator: "\n").utf8))
        return "nnexplain_" + digest.prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    private static func qti(_ question: Question, ident: String) -> String {
        let right = question.right
        let slips = question.answers.dropFirst().map { answer in
            "<li>" + decimal(answer.value, digits: question.digits) + ": "
                + zip(answer.slips, answer.hints).map { "the \($0.rawValue) slip, " + XMLText.escaped($1) }.joined(separator: "; or ") + ".</li>"
        }
        let wrong = "<p>Not right, and not the value of a common slip; work through the question again from the network above.</p>"
        let incorrect = slips.isEmpty ? wrong
            : "<p>Not right. If your answer is about one of these values, the slip beside it is the likely cause:</p><ul>" + slips.joined() + "</ul>"
        func feedback(_ ident: String, _ html: String) -> String {
            """
                    <itemfeedback ident="\(ident)">
                      <flow_mat><material><mattext texttype="text/html">\(XMLText.escaped(html))</mattext></material></flow_mat>
                    </itemfeedback>

            """
        }
        return """
                  <item ident="\(ident)" title="\(XMLText.escaped(question.name))">
                    <itemmetadata>
                      <qtimetadata>
                        <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>numerical_question</fieldentry></qtimetadatafield>
                        <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1.0</fieldentry></qtimetadatafield>
                        <qtimetadatafield><fieldlabel>original_answer_ids</fieldlabel><fieldentry></fieldentry></qtimetadatafield>
                        <qtimetadatafield><fieldlabel>assessment_question_identifierref</fieldlabel><fieldentry>\(ident)_ref</fieldentry></qtimetadatafield>
                      </qtimetadata>
                    </itemmetadata>
                    <presentation>
                      <material><mattext texttype="text/html">\(XMLText.escaped(question.text))</mattext></material>
                      <response_str ident="response1" rcardinality="Single">
                        <render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib>
                      </response_str>
                    </presentation>
                    <resprocessing>
                      <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>
                      <respcondition continue="No">
                        <conditionvar>
                          <vargte respident="response1">\(decimal(right.value - right.tolerance))</vargte>
                          <varlte respident="response1">\(decimal(right.value + right.tolerance))</varlte>
                        </conditionvar>
                        <setvar action="Set" varname="SCORE">100</setvar>
                        <displayfeedback feedbacktype="Response" linkrefid="correct_fb"/>
                      </respcondition>
                      <respcondition continue="Yes">
                        <conditionvar><other/></conditionvar>
                        <displayfeedback feedbacktype="Response" linkrefid="general_incorrect_fb"/>
                      </respcondition>
                    </resprocessing>
            \(feedback("correct_fb", right.feedback))\(feedback("general_incorrect_fb", incorrect))        </item>

            """
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
