import Foundation

// Usage: EmbedRulesetsTool OUTPUT.swift RULESET.yml...
// Writes `enum EmbeddedRulesets` with one raw string literal per ruleset, keyed by file stem.
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedRulesetsTool OUTPUT INPUT...\n".utf8))
    exit(2)
}

var source = "// Generated from rules/*.yml by the EmbedRulesets plugin.\n"
source += "enum EmbeddedRulesets {\n    static let sources: [String: String] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    // Pick a raw-string delimiter that cannot occur in the text.
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\"" + hashes) { hashes += "#" }
    let name = url.deletingPathExtension().lastPathComponent
    source += "        \"\(name)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
}
source += "    ]\n}\n"
try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
