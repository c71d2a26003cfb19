import CuratorCore

/// The badge rules, registered in `BuiltInRules`. A broken star badge URL comes before a mismatch,
/// since fixing the URL can name the repository the mismatch check compares; the label dash comes
/// before the venue label, since a split label cannot be read as a venue until it is whole.
let badgeRules: [any Rule.Type] = [
    StarBadgeURLRule.self,
    StarBadgeMismatchRule.self,
    BadgeLabelDashRule.self,
    VenueLabelRule.self,
]
