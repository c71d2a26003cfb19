import CuratorCore

/// The duplicate and mirror rules, registered in `BuiltInRules`. Exact duplicates come before
/// near ones, and a README row's relation to its own topic file (missing, drifted) last, which is
/// the order in which a maintainer resolves them: a row deleted as a duplicate needs no comparison.
let duplicateRules: [any Rule.Type] = [
    DuplicatePaperRule.self,
    DuplicateTitleRule.self,
    NearDuplicateTitleRule.self,
    MirrorMissingRule.self,
    MirrorDriftRule.self,
]
