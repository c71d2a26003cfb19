import CuratorCore
import Foundation

let ruleset = try CompiledRuleset(RulesetLoader.shipped("awesome-efficient-llm"))
let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let ws = try Workspace(paths: Array(CommandLine.arguments.dropFirst()), ruleset: ruleset, workingDirectory: cwd)
print("files", ws.documents.count, "entries", ws.catalog.entries.count)
var byFormat: [String: Int] = [:]
for e in ws.catalog.entries { byFormat[e.formatID, default: 0] += 1 }
print(byFormat)
for e in ws.catalog.entries where e.unreadableReason != nil { print(e.file, e.line, e.unreadableReason!) }
for e in ws.catalog.entries.prefix(3) { print(e.title?.text ?? "-", "|", e.authors?.text ?? "-", "|", e.badges.map { "\($0.kind)" }, e.links.map { "\($0.label)=\($0.role ?? "?")" }, e.image?.text ?? "-", e.dateComment?.text ?? "-", e.arxivID ?? "-", e.repository?.description ?? "-") }
