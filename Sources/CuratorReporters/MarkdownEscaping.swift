/// Makes arbitrary text display literally inside a GitHub-flavoured markdown table cell or heading.
enum MarkdownEscaping {
    /// Characters GitHub would otherwise read as markup: emphasis, code, links, HTML, tables,
    /// strikethrough, entities, math (`$`) and emoji shortcodes (`:star:`, which this list uses).
    /// CommonMark lets a backslash escape any ASCII punctuation, so escaping a few extra is harmless.
    private static let special: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$", "#", "!",
    ]

    /// Escapes markup and folds line breaks into spaces, because a line break ends a table row.
    ///
    /// A colon is escaped unless a slash follows it: that is enough to break every `:shortcode:`
    /// while leaving `https://` intact, so URLs in messages stay clickable.
    static func inline(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var escaped = String.UnicodeScalarView()
        escaped.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" {
                escaped.append(" ")
                continue
            }
            let isShortcodeColon = scalar == ":" && (index + 1 == scalars.count || scalars[index + 1] != "/")
            if special.contains(scalar) || isShortcodeColon {
                escaped.append("\\")
            }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    /// Shortens text to at most `limit` characters before escaping, marking the cut with an
    /// ellipsis, so that one enormous message cannot take the whole summary.
    static func inline(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return inline(text) }
        return inline(String(text.prefix(max(limit - 1, 0)))) + "…"
    }
}
