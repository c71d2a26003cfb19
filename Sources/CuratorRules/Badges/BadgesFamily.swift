import CuratorCore

/// The badge rules, registered in `BuiltInRules`.
let badgeRules: [any Rule.Type] = []
