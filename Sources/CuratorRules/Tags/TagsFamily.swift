import CuratorCore

/// The tag rules, registered in `BuiltInRules`. The file's own requirement comes first: where it
/// asks for a star badge, it reports the entries missing-star-badge would otherwise repeat.
let tagRules: [any Rule.Type] = [
    RequiredTagRule.self,
    MissingStarBadgeRule.self,
]
