import Foundation
import PackagePlugin

/// Compiles the lessons into the command line at build time: before NNExplainCLI is compiled,
/// `nnexplain-lessons-source` turns the numbered `lessons/*.md` files into `Lessons+Generated.swift`
/// (the texts as string literals) in the plugin's work folder, and SwiftPM compiles that file with
/// the target. Editing a lesson rebuilds it; nothing is generated into `Sources/`.
@main
struct LessonsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.first?.isNumber == true && $0.hasSuffix(".md") }
            .sorted()
        let lessons = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "Lessons+Generated.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(lessons.count) lessons into NNExplainCLI",
                executable: try context.tool(named: "nnexplain-lessons-source").url,
                arguments: [output.path(percentEncoded: false)] + lessons.map { $0.path(percentEncoded: false) },
                inputFiles: lessons,
                outputFiles: [output])
        ]
    }
}
