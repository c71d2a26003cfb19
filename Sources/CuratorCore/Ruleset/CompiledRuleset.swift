import Foundation

/// A ruleset with its patterns compiled once, for use on every entry.
public struct CompiledRuleset: Sendable {
    public let ruleset: Ruleset
    public let starBadge: Pattern?
    public let venueBadge: Pattern?
    public let typeBadge: Pattern?
    public let figurePlaceholder: Pattern?
    public let excludes: [Pattern]
    private let dateComments: [String: Pattern]
    /// Each link label's role, the misspelt labels' included (see `role(ofLinkLabel:)`).
    private let linkRoles: [String: String]

    public init(_ ruleset: Ruleset) throws(ConfigError) {
        self.ruleset = ruleset
        func compile(_ pattern: String?, _ key: String) throws(ConfigError) -> Pattern? {
            guard let pattern else { return nil }
            do {
                return try Pattern(pattern)
            } catch {
                throw ConfigError(path: ruleset.name, message: "'\(key)' is not a valid regular expression: \(pattern)")
            }
        }
        starBadge = try compile(ruleset.badges?.star?.match, "badges.star.match")
        venueBadge = try compile(ruleset.badges?.venue?.match, "badges.venue.match")
        typeBadge = try compile(ruleset.badges?.type?.match, "badges.type.match")
        figurePlaceholder = try compile(ruleset.figures?.placeholder, "figures.placeholder")
        var excludes: [Pattern] = []
        for pattern in ruleset.exclude ?? [] {
            if let regex = try compile(pattern, "exclude") { excludes.append(regex) }
        }
        self.excludes = excludes
        var dates: [String: Pattern] = [:]
        for format in ruleset.formats {
            dates[format.id] = try compile(format.dateComment, "formats.\(format.id).date-comment")
        }
        dateComments = dates
        var roles = ruleset.links?.roles ?? [:]
        for (label, spelling) in ruleset.links?.spelled ?? [:] where roles[label] == nil {
            if let role = ruleset.links?.roles[spelling] { roles[label] = role }
        }
        linkRoles = roles
    }

    public func dateComment(for formatID: String) -> Pattern? { dateComments[formatID] }

    /// Which kind of badge an image is, by the ruleset's patterns (star before venue before type).
    /// The alt text decides too: a `Publish` badge whose kind the vocabulary does not know
    /// (`IEEE-TC'22`) is still a venue badge, only a badly written one.
    public func badgeKind(imageURL: String, alt: String) -> BadgeKind {
        if CompiledRuleset.matches(starBadge, imageURL) { return .star }
        if CompiledRuleset.matches(venueBadge, imageURL) { return .venue }
        if let venueAlt = ruleset.badges?.venue?.alt, alt == venueAlt, CompiledRuleset.matches(typeBadge, imageURL) {
            return .venue
        }
        if CompiledRuleset.matches(typeBadge, imageURL) { return .type }
        return .other
    }

    /// The format whose table header starts with `firstHeaderCell`.
    public func tableFormat(firstHeaderCell: String) -> EntryFormat? {
        let wanted = firstHeaderCell.trimmingSpaces
        return ruleset.formats.first { $0.kind == .tableRow && $0.header == wanted }
    }

    /// The bullet format that applies in `file` (a path relative to the list root).
    public func bulletFormat(file: String) -> EntryFormat? {
        bulletFormats(file: file).first
    }

    /// Every bullet format that applies in `file`, in the ruleset's order: a file can hold several
    /// shapes, told apart by their markers.
    public func bulletFormats(file: String) -> [EntryFormat] {
        ruleset.formats.filter { format in
            format.kind == .bullet && (format.files ?? []).contains { Glob.matches($0, file) }
        }
    }

    /// The role of a link labelled `label`: the ruleset's role for that label, or for the label a
    /// misspelling in `spelled` stands for. One lookup in a table made at compile time, since
    /// every link of the list asks.
    public func role(ofLinkLabel label: String) -> String? {
        linkRoles[label]
    }

    public static func matches(_ pattern: Pattern?, _ text: String) -> Bool {
        pattern?.matches(text) ?? false
    }
}

/// Shell-style patterns for list files: `*` and `?` stay within one path component.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, FNM_PATHNAME) == 0
    }
}
