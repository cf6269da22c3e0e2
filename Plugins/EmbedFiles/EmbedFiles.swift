import Foundation
import PackagePlugin

/// Compiles a target's web files into it: every file of the target whose extension is one of
/// ``embeddedExtensions`` becomes a string constant of `EmbeddedFiles`, written by
/// `EmbedFilesTool` at build time. The binary then needs no resource bundle, since the release
/// image ships it alone; a new file needs no change to Package.swift.
@main struct EmbedFiles: BuildToolPlugin {
    static let embeddedExtensions: Set<String> = ["html", "css", "js"]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
            .filter { Self.embeddedExtensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
        guard !files.isEmpty else { return [] }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        // Naming the files as inputs is also what keeps SwiftPM from reporting them as unhandled.
        return [
            .buildCommand(
                displayName: "Embedding \(files.map(\.lastPathComponent).joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
