import CuratorCore

/// The network rules about links, registered in `BuiltInRules`. Dead links come first because
/// they are the only errors; the fixable moves and renames follow, then the warnings that only
/// say what a host did today.
let linkNetworkRules: [any Rule.Type] = [
    DeadLinkRule.self,
    MovedLinkRule.self,
    RenamedRepositoryRule.self,
    ArchivedRepositoryRule.self,
    WithdrawnPaperRule.self,
    UnreachableLinkRule.self,
]

/// Shared pieces of the link rules' examples.
enum LinkExamples {
    static let header = "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"

    /// A paper row whose links cell holds `links`.
    static func row(title: String = "[Paper](https://arxiv.org/abs/2401.00001)", links: String) -> String {
        header + "| \(title) <br> A. Author | | \(links) |\n"
    }
}

extension LintContext {
    /// Every checkable link of every entry with the verdict the network gave it.
    func linkVerdicts() -> [(entry: Entry, occurrence: LinkOccurrence, verdict: LinkVerdict)] {
        guard let facts else { return [] }
        var result: [(Entry, LinkOccurrence, LinkVerdict)] = []
        for entry in catalog.entries {
            for occurrence in entry.checkableLinks {
                if let verdict = facts.links[occurrence.url] { result.append((entry, occurrence, verdict)) }
            }
        }
        return result
    }
}
