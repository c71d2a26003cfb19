import CuratorCore

/// The link rules, registered in `BuiltInRules`.
let linkRules: [any Rule.Type] = []
