import CuratorCore

/// The duplicate rules, registered in `BuiltInRules`.
let duplicateRules: [any Rule.Type] = []
