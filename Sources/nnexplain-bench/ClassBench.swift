import Foundation

/// `--class`: assessment for a class of 120 — the roster's sheets and booklets, the booklet through
/// pdflatex, the quiz files and the grading of an answers file, each as a whole process (median of
/// 3 runs after a warm-up), and the total.
enum ClassBench {
    static let students = 120

    static func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-bench-class-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path
        try? ("id,name\n" + (1...students).map { "s\($0),Student \($0)\n" }.joined()).write(toFile: roster, atomically: true, encoding: .utf8)
        let tool = Processes.toolDirectory.appendingPathComponent("nnexplain").path
        let key = ["--roster", roster, "--course-key", "bench-course-key"]
        let out = folder.appendingPathComponent("sheets").path
        var steps: [(String, [String])] = [
            ("exercise --roster (120) --output-dir: 120 sheets, 2 booklets, manifest", [tool, "exercise"] + key + ["--output-dir", out]),
        ]
        for format in ["moodle", "gift"] {
            steps.append(("exercise --roster (120) --format \(format)", [tool, "exercise"] + key + ["--format", format, "--output", folder.appendingPathComponent("quiz.\(format)").path]))
        }
        steps.append(("exercise --roster (120) --format qti", [tool, "exercise"] + key + ["--format", "qti", "--output", folder.appendingPathComponent("quiz.zip").path]))
        var rows: [[String]] = [], total = 0.0
        for (label, arguments) in steps {
            let m = Processes.time(arguments, repeats: 3)
            total += m.ms
            rows.append([label, Format.ms(m.ms), Format.mb(m.peakBytes)])
        }
        // Grading: every student answers every question with the manifest's answer, but one in
        // seven gives the negative of question 7's (a sign slip) and one in eleven leaves question 8 blank.
        if let answers = answersFile(manifest: out + "/manifest.json", in: folder) {
            let m = Processes.time([tool, "exercise"] + key + ["--grade-all", answers, "--gradebook", folder.appendingPathComponent("gradebook.csv").path,
                                                              "--report", folder.appendingPathComponent("report.txt").path], repeats: 3)
            total += m.ms
            rows.append(["exercise --roster (120) --grade-all: gradebook and report", Format.ms(m.ms), Format.mb(m.peakBytes)])
        }
        rows.append(["total of the above", Format.ms(total), ""])
        if let pdflatex = Processes.output(["/usr/bin/env", "sh", "-c", "command -v pdflatex"])?.trimmingCharacters(in: .whitespacesAndNewlines),
           !pdflatex.isEmpty {
            let m = Processes.time(["/bin/sh", "-c", "cd '\(out)' && '\(pdflatex)' -interaction=nonstopmode -halt-on-error booklet.tex"], repeats: 1)
            let log = (try? String(contentsOfFile: out + "/booklet.log", encoding: .utf8)) ?? ""
            let pages = log.firstMatch(of: /Output written on booklet\.pdf \((\d+) page/).map { String($0.output.1) } ?? "?"
            rows.append(["pdflatex booklet.tex (\(pages) pages), not in the total", Format.ms(m.ms), Format.mb(m.peakBytes)])
        }
        Format.table(["process", "ms", "peak MB"], rows)
    }

    /// An answers CSV for the roster, from its manifest, with slips at known rates.
    private static func answersFile(manifest path: String, in folder: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let students = json["students"] as? [[String: Any]] else { return nil }
        var text = "id," + (1...9).map { "q\($0)" }.joined(separator: ",") + "\n"
        for (n, student) in students.enumerated() {
            guard let id = student["id"] as? String, let answers = student["answers"] as? [String: Double] else { return nil }
            let cells = (1...9).map { q -> String in
                guard let value = answers[String(q)] else { return "" }
                if q == 8 && n % 11 == 0 { return "" }
                return String(format: "%.3g", q == 7 && n % 7 == 0 ? -value : value)
            }
            text += id + "," + cells.joined(separator: ",") + "\n"
        }
        let file = folder.appendingPathComponent("answers.csv").path
        return (try? text.write(toFile: file, atomically: true, encoding: .utf8)) != nil ? file : nil
    }
}
