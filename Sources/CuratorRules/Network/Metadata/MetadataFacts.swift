import CuratorCore

/// Where the metadata rules find the facts about an entry.
enum MetadataFacts {
    static func paper(of entry: Entry, in context: LintContext) -> PaperFacts? {
        guard let id = entry.arxivID, let paper = context.facts?.papers[id.base], paper.state == .found else {
            return nil
        }
        return paper
    }

    static func repository(of entry: Entry, in context: LintContext) -> RepositoryFacts? {
        guard let facts = context.facts else { return nil }
        if let code = entry.repository, let found = facts.repositories[code.key] { return found }
        return entry.starRepository.flatMap { facts.repositories[$0.key] }
    }

    /// Whether the entry's format has a field (only formats with authors can miss them).
    static func format(of entry: Entry, in context: LintContext, has field: EntryFormat.Field) -> Bool {
        context.ruleset.ruleset.formats.first { $0.id == entry.formatID }?.fields?.contains(field) ?? false
    }

    /// Where a new badge goes: after the star badge (the list writes Star, Publish, Type), else
    /// before the first badge; nil when the entry has no badges at all.
    static func badgeInsertionPoint(_ entry: Entry) -> Int? {
        if let star = entry.starBadge { return star.range.upperBound }
        return entry.badges.first?.range.lowerBound
    }

    /// Where the title starts, star mark included.
    static func titleStart(_ entry: Entry) -> Int? {
        let starts = [entry.starMark?.lowerBound, entry.titleLink?.range.lowerBound].compactMap { $0 }
        return starts.min()
    }
}
