import CuratorCore

/// The ruleset's `required-tags` that apply to an entry.
enum RequiredTags {
    static func requirements(for entry: Entry, in context: LintContext) -> [RequiredTag] {
        let relative = context.workspace.documents.first { $0.document.path == entry.file }?.relativePath ?? entry.file
        return (context.ruleset.ruleset.requiredTags ?? []).filter { requirement in
            Glob.matches(requirement.file, relative) && (requirement.formats?.contains(entry.formatID) ?? true)
        }
    }
}
