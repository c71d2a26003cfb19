import ArgumentParser
import CuratorCore
import CuratorRules
import Foundation

/// `curator init [PATH]`: detects a list's entry formats and writes its `.curator.yml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Detect a list's format and write its .curator.yml."
    )

    @Argument(help: "The list's root folder, or one markdown file of it.")
    var path: String = "."

    @Flag(help: "Replace an existing .curator.yml.")
    var force = false

    @Flag(name: .customLong("stdout"), help: "Print the config instead of writing it.")
    var toStandardOutput = false

    func run() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CuratorExit.input("\(path): no such file or folder")
        }
        let given = URL(fileURLWithPath: path).standardizedFileURL
        let root = isDirectory.boolValue ? given : given.deletingLastPathComponent()
        let candidates = isDirectory.boolValue ? Self.markdownFiles(in: root) : [given.lastPathComponent]
        var files: [FormatDetector.File] = []
        for relative in candidates {
            let display = isDirectory.boolValue ? (path as NSString).appendingPathComponent(relative) : path
            do {
                let document = try Document.read(at: root.appendingPathComponent(relative), displayPath: display)
                files.append(FormatDetector.File(relativePath: relative, document: document))
            } catch {
                throw CuratorExit.input(error.description)
            }
        }
        let detection = FormatDetector().detect(files)
        guard detection.entryCount > 0 else {
            throw CuratorExit.input(
                "\(path): no table or list of papers found (\(candidates.count) markdown files read); nothing was written"
            )
        }
        let venues = detection.publishBadges > 0 ? (try? RulesetLoader.shipped("awesome-efficient-llm"))?.venues : nil
        let draft = ConfigWriter.render(detection, name: root.lastPathComponent, venues: venues)
        let counts = try Self.offlineFindings(draft, files: files, root: root)
        let text = ConfigWriter.render(
            detection, name: root.lastPathComponent, venues: venues,
            rules: ConfigWriter.choices(findings: counts.byRule, entries: counts.entries), repeats: counts.repeats)
        if toStandardOutput {
            print(text, terminator: "")
            return
        }
        let target = root.appendingPathComponent(".curator.yml")
        let display = (isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent)
        let shown =
            display.isEmpty || display == "."
            ? ".curator.yml" : (display as NSString).appendingPathComponent(".curator.yml")
        if fileManager.fileExists(atPath: target.path), !force {
            throw CuratorExit.input("\(shown) exists; pass --force to replace it (nothing was written)")
        }
        do {
            try AtomicWriter.write(Array(text.utf8), to: target)
        } catch {
            throw CuratorExit.input(error.description)
        }
        let tables = detection.tables.map { "\($0.rows) table rows under '\($0.header)'" }
        let items = detection.items.map { "\($0.items) '\($0.marker)' items" }
        print("wrote \(shown): \((tables + items).joined(separator: ", ")) in \(detection.files.count) files")
    }

    /// Lints the list offline with a drafted config: the warnings and errors of each rule, and the
    /// entries read. The draft must load as it is written: a detection that writes a bad config
    /// is a bug here, not a problem for the user to find later.
    static func offlineFindings(_ text: String, files: [FormatDetector.File], root: URL) throws -> (
        byRule: [String: Int], entries: Int, repeats: ConfigWriter.Repeats
    ) {
        let workspace: Workspace
        do {
            let ruleset = try CompiledRuleset(RulesetLoader.parse(text, path: ".curator.yml"))
            workspace = try Workspace(
                files: files.map { ($0.relativePath, $0.document.source.text(0..<$0.document.source.bytes.count)) },
                ruleset: ruleset, root: root)
        } catch {
            throw CuratorExit.input("the detected config does not load (\(error)); nothing was written")
        }
        let rules = BuiltInRules.instances().filter { type(of: $0).description.scope == .offline }
        let report = Linter(rules: rules).lint(LintContext(workspace: workspace))
        var byRule: [String: Int] = [:]
        for finding in report.findings where finding.severity != .info { byRule[finding.ruleID, default: 0] += 1 }
        return (byRule, workspace.catalog.entries.count, ConfigWriter.Repeats(workspace.catalog))
    }

    /// The markdown files at the root and in its first-level folders, sorted.
    static func markdownFiles(in root: URL) -> [String] {
        let fileManager = FileManager.default
        var found: [String] = []
        let top = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        for name in top.sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(name).path
            guard fileManager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let inner = (try? fileManager.contentsOfDirectory(atPath: full)) ?? []
                for child in inner.sorted() where child.lowercased().hasSuffix(".md") {
                    found.append(name + "/" + child)
                }
            } else if name.lowercased().hasSuffix(".md") {
                found.append(name)
            }
        }
        return found
    }
}
