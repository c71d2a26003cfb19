import CuratorCore

/// The format rules, registered in `BuiltInRules`.
let formatRules: [any Rule.Type] = [
    TrailingSpaceRule.self
]
