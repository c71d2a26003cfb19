import CuratorCore

/// The format rules, registered in `BuiltInRules`. The order is the order a reader repairs a row:
/// first whether the table holds it at all (table-split, stray-text, cell-count), then whether it
/// can be read (unreadable-entry), or whether the file has any entry to read (no-entries), then its
/// links as GitHub renders them, then its finer shape.
let formatRules: [any Rule.Type] = [
    TableSplitRule.self,
    StrayTextRule.self,
    CellCountRule.self,
    UnreadableEntryRule.self,
    NoEntriesRule.self,
    UnrenderedLinkRule.self,
    MalformedURLRule.self,
    EmptyLinkRule.self,
    FieldOrderRule.self,
    FieldSeparatorRule.self,
    DateCommentRule.self,
    LinkLabelRule.self,
    TrailingSpaceRule.self,
]
