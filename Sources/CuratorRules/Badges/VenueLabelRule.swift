import CuratorCore

/// A venue badge whose label is not a venue of the vocabulary in the list's `VENUE'YY` form.
///
/// Lint reports each venue badge (`[![Publish](https://img.shields.io/badge/Conference-LABEL-color)]()`)
/// whose kind is not one of `badges.venue.kinds`, whose label starts with a venue missing from
/// `venues.names`, has no year, or is spelled differently from the list's own form: the venue's
/// case (`MLsys'24`), the year (`CVPR2024`, `SOSP%202023`, `TMLR_2025`, `ACL24'Findings`) or the
/// case of a known qualifier (`workshop`). It points at the kind or the label.
/// The fix rewrites a label that only differs in spelling to the list's form; unknown venues,
/// missing years and unknown kinds need a person.
struct VenueLabelRule: Rule {
    static func unknownKind(_ kind: String, _ kinds: [String]) -> String {
        "venue badge kind '\(kind)' is not one of \(kinds.joined(separator: ", "))"
    }

    static func unknownVenue(_ venue: String) -> String {
        "venue '\(venue)' is not in the list's venue vocabulary"
    }

    static func noYear(_ label: String, _ format: String) -> String {
        "venue label '\(label)' has no year; the list writes \(shown(format))"
    }

    static func notVenueFormat(_ label: String, _ format: String) -> String {
        "venue label '\(label)' is not in the list's form \(shown(format))"
    }

    /// The label format as messages show it: `{venue}'{yy}` is `VENUE'YY`.
    static func shown(_ format: String) -> String {
        format.replacingEvery("{venue}", with: "VENUE").replacingEvery("{yyyy}", with: "YYYY")
            .replacingEvery("{yy}", with: "YY").replacingEvery("{qualifier}", with: "QUALIFIER")
    }

    static func respelled(_ label: String, _ canonical: String) -> String {
        "venue label '\(label)' is written '\(canonical)' in this list"
    }

    static let description = RuleDescription(
        id: "venue-label",
        summary: "Venue badges name a venue of the vocabulary as `VENUE'YY`, optionally with a qualifier.",
        rationale: """
            Readers scan and search the venue badges, so one venue must look the same on every row: \
            `MLsys'24`, `CVPR2024` and `SOSP 2023` hide rows from a search for `MLSys'24`, `CVPR'24` \
            and `SOSP'23`. The label's first token must be a venue of `venues.names` (compared \
            without case, written in the vocabulary's case) followed by an apostrophe and a two-digit \
            year. Whatever follows a space is a qualifier and is free text, because workshop names \
            (`NeurIPS'24 ENLSP`, `ICML'23 ES FOMO`) are qualifiers too; only a qualifier that is one \
            of `venues.qualifiers` written in another case is respelled.
            """,
        severity: .warning,
        triggering: [
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-↓AAAI-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n",
                path: "hardware.md",
                config: "venues: {label: \"{venue}_{yyyy}\", names: [AAAI, ACL, ICLR], qualifiers: [Findings]}"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-↓MLsys'24-blue)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-↓CVPR2024-blue)]()<br>[T](https://arxiv.org/abs/2401.00002) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-↓IPCA'24-blue)]()<br>[T](https://arxiv.org/abs/2401.00003) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Journal-↓TMLR-blue)]()<br>[T](https://arxiv.org/abs/2401.00004) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/↓IEEE-TC'22-blue)]()<br>[T](https://arxiv.org/abs/2401.00005) <br> A | | |\n"
            ),
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-↓SOSP%202023-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-↓NAACL'24%20workshop-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n",
                path: "hardware.md"),
        ],
        nonTriggering: [
            Example(
                "* [![Publish](https://img.shields.io/badge/Conference-AAAI_2025-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-ACL_Findings_2024-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-ICLR_2024-blue)]() [T](https://arxiv.org/abs/2401.00003). A.\n",
                path: "hardware.md",
                config:
                    "venues: {label: \"{venue}_{qualifier}_{yyyy}\", names: [AAAI, ACL, ICLR], qualifiers: [Findings]}"),
            Example(
                "| Title & Authors | Introduction | Links |\n|:--|:--:|:--:|\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-MLSys'24-blue)]()<br>[T](https://arxiv.org/abs/2401.00001) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ACL'23%20Findings-blue)]()<br>[T](https://arxiv.org/abs/2401.00002) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-NeurIPS'24%20ENLSP-blue)]()<br>[T](https://arxiv.org/abs/2401.00003) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICML'23%20ES%20FOMO-blue)]()<br>[T](https://arxiv.org/abs/2401.00004) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-ICMLA'23-blue)]()<br>[T](https://arxiv.org/abs/2401.00005) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-LREC--COLING'24-blue)]()<br>[T](https://arxiv.org/abs/2401.00006) <br> A | | |\n"
                    + "|[![Publish](https://img.shields.io/badge/Conference-SIGCOMM'24-red)]()<br>[T](https://arxiv.org/abs/2401.00007) <br> A | | |\n"
            ),
            Example(
                "* [![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]() [T](https://arxiv.org/abs/2401.00001). A.\n",
                path: "hardware.md"),
        ],
        corrections: [
            Correction(
                Example(
                    "* [![Publish](https://img.shields.io/badge/Conference-↓ACL24'Findings-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                        + "* [![Publish](https://img.shields.io/badge/Journal-↓TMLR_2025-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n"
                        + "* [![Publish](https://img.shields.io/badge/Conference-↓MLsys'24-blue)]() [T](https://arxiv.org/abs/2401.00003). A.\n"
                        + "* [![Publish](https://img.shields.io/badge/Conference-↓ICASSP2024-blue)]() [T](https://arxiv.org/abs/2401.00004). A.\n",
                    path: "hardware.md"),
                "* [![Publish](https://img.shields.io/badge/Conference-ACL'24%20Findings-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Journal-TMLR'25-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-MLSys'24-blue)]() [T](https://arxiv.org/abs/2401.00003). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-ICASSP'24-blue)]() [T](https://arxiv.org/abs/2401.00004). A.\n"
            ),
            Correction(
                Example(
                    "* [![Publish](https://img.shields.io/badge/Conference-↓AAAI'25-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                        + "* [![Publish](https://img.shields.io/badge/Conference-↓ICLR'24-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n",
                    path: "hardware.md",
                    config: "venues: {label: \"{venue}_{yyyy}\", names: [AAAI, ACL, ICLR], qualifiers: [Findings]}"),
                "* [![Publish](https://img.shields.io/badge/Conference-AAAI_2025-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
                    + "* [![Publish](https://img.shields.io/badge/Conference-ICLR_2024-blue)]() [T](https://arxiv.org/abs/2401.00002). A.\n"
            ),
            Correction(
                Example(
                    "* [![Publish](https://img.shields.io/badge/Conference-↓ACL_2024_Findings-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n",
                    path: "hardware.md",
                    config:
                        "venues: {label: \"{venue}_{qualifier}_{yyyy}\", names: [AAAI, ACL, ICLR], qualifiers: [Findings]}"
                ),
                "* [![Publish](https://img.shields.io/badge/Conference-ACL_Findings_2024-blue)]() [T](https://arxiv.org/abs/2401.00001). A.\n"
            ),
        ]
    )

    /// What a label says about itself: in the list's form, another spelling of it, or a problem
    /// a person must resolve.
    enum Verdict: Equatable {
        case fine
        case respell(String)
        case problem(String)
    }

    /// What a venue badge's image URL says, read once per distinct URL: a list repeats the same
    /// few dozen venue badges on thousands of rows, and decoding and examining each copy again
    /// dominated the rule's time.
    struct Reading {
        var kindText: String
        var kindRange: Range<Int>
        var label: String
        var labelRange: Range<Int>
        var verdict: Verdict
    }

    func check(_ context: LintContext) -> [Finding] {
        guard let venues = context.ruleset.ruleset.venues else { return [] }
        let reader = LabelReader(venues)
        var readings: [String: Reading?] = [:]
        var findings: [Finding] = []
        context.catalog.forEachEntry { entry in
            for badge in entry.badges {
                guard let (kind, shape) = StaticBadge.shape(of: badge, in: context.ruleset.ruleset), kind == .venue
                else { continue }
                let reading: Reading?
                if let known = readings[badge.imageURL] {
                    reading = known
                } else {
                    reading = Self.read(badge.imageURL, with: reader)
                    readings[badge.imageURL] = reading
                }
                guard let reading else { continue }
                if let finding = finding(for: badge, reading: reading, shape: shape, file: entry.file, in: context) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// Reads a venue badge's image URL; nil when it is no static badge with a label.
    static func read(_ imageURL: String, venues: VenueVocabulary) -> Reading? {
        read(imageURL, with: LabelReader(venues))
    }

    private static func read(_ imageURL: String, with reader: LabelReader) -> Reading? {
        guard let parsed = StaticBadge(url: imageURL), parsed.parts.count >= 3 else { return nil }
        let labelParts = parsed.parts[1..<(parsed.parts.count - 1)]
        guard let firstPart = labelParts.first, let lastPart = labelParts.last else { return nil }
        var label = labelParts.map(\.shown).joined(separator: "-")
        // A format written with underscores (`{venue}_{yyyy}`) reads labels as the URL writes
        // them: shields.io shows an underscore as a space.
        if reader.underscores { label = label.replacingOccurrences(of: " ", with: "_") }
        return Reading(
            kindText: parsed.parts[0].shown, kindRange: parsed.parts[0].range, label: label,
            labelRange: firstPart.range.lowerBound..<lastPart.range.upperBound, verdict: reader.examine(label))
    }

    private func finding(for badge: Badge, reading: Reading, shape: BadgeShape, file: String, in context: LintContext)
        -> Finding?
    {
        let start = BadgeSource.imageURLStart(of: badge, in: file, context: context)
        func offset(_ inURL: Int) -> Int { start.map { $0 + inURL } ?? badge.range.lowerBound }
        if let kinds = shape.kinds, !kinds.contains(reading.kindText) {
            return context.finding(
                Self.self, file: file, offset: offset(reading.kindRange.lowerBound),
                message: Self.unknownKind(reading.kindText, kinds))
        }
        let labelRange = reading.labelRange
        switch reading.verdict {
        case .fine:
            return nil
        case .problem(let message):
            return context.finding(Self.self, file: file, offset: offset(labelRange.lowerBound), message: message)
        case .respell(let canonical):
            // The label as the image URL that the tree holds spells it.
            let url = Array(badge.imageURL.utf8)
            let fix: Fix? =
                if let start, labelRange.upperBound <= url.count {
                    context.replaceIfWritten(
                        (start + labelRange.lowerBound)..<(start + labelRange.upperBound), in: file,
                        with: Self.encode(canonical), summary: "write the venue label as '\(canonical)'",
                        expecting: String(decoding: url[labelRange], as: UTF8.self), inside: badge.range,
                        nodeName: "badge")
                } else {
                    nil
                }
            return context.finding(
                Self.self, file: file, offset: offset(labelRange.lowerBound),
                message: Self.respelled(reading.label, canonical), fix: fix)
        }
    }

    /// Writes a label into a badge URL: as `StaticBadge.encode`, except that an underscore stays
    /// one, since labels are read as the URL writes them (`AAAI_2025`), underscores included.
    static func encode(_ label: String) -> String {
        label.split(separator: "_", omittingEmptySubsequences: false).map { StaticBadge.encode(String($0)) }
            .joined(separator: "_")
    }

    /// Reads a label as shown (`ACL'23 Findings`) against the vocabulary.
    static func examine(_ label: String, venues: VenueVocabulary) -> Verdict {
        LabelReader(venues).examine(label)
    }

    /// What labels are read with, prepared once per check: the names in the order they are tried,
    /// with their lowercased forms, and the year patterns. Sorting the names and building the
    /// patterns for every label cost far more than reading it.
    struct LabelReader {
        let venues: VenueVocabulary
        let separator: String
        /// Whether the format writes the whole year (`{yyyy}`).
        let fullYear: Bool
        /// Whether the format separates its parts with underscores, as badge URLs write spaces.
        let underscores: Bool
        /// The longest name wins, so that `ICMLA` is not read as `ICML` and `LREC-COLING` not as
        /// `LREC`.
        let names: [(name: String, lowered: String, count: Int)]
        init(_ venues: VenueVocabulary) {
            self.venues = venues
            separator = VenueLabelRule.yearSeparator(venues.label)
            fullYear = venues.label.contains("{yyyy}")
            underscores = venues.label.contains("_")
            names = venues.names.sorted { $0.count > $1.count }.map { ($0, $0.lowercased(), $0.count) }
        }

        /// `\d` as regular expressions read it: one decimal digit of any script.
        private static func isDigit(_ character: Character) -> Bool {
            character.unicodeScalars.count == 1 && character.unicodeScalars.first!.properties.numericType == .decimal
        }

        /// The whole of `text` as `(\d\d)(?: (.+))?`: a two-digit year, then a space and a
        /// qualifier, or nothing.
        ///
        /// The two year readers are written out instead of as `Regex` literals: matching a label
        /// with Swift's regular expressions cost more than the rest of the rule.
        static func shortYear(_ text: Substring) -> (year: Substring, qualifier: Substring)? {
            var index = text.startIndex
            for _ in 0..<2 {
                guard index < text.endIndex, isDigit(text[index]) else { return nil }
                index = text.index(after: index)
            }
            let year = text[..<index]
            guard index < text.endIndex else { return (year, "") }
            guard text[index] == " " else { return nil }
            let qualifier = text[text.index(after: index)...]
            guard !qualifier.isEmpty, !qualifier.contains(where: \.isNewline) else { return nil }
            return (year, qualifier)
        }

        /// The whole of `text` as `\s*'?(\d{4}|\d{2})'?\s*(.*)`: a year of four or two digits, in
        /// quotes or not, and whatever follows on the line.
        static func looseYear(_ text: Substring) -> (year: Substring, qualifier: Substring)? {
            var index = text.startIndex
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            if index < text.endIndex, text[index] == "'" { index = text.index(after: index) }
            var end = index
            var digits = 0
            while end < text.endIndex, digits < 4, isDigit(text[end]) {
                end = text.index(after: end)
                digits += 1
            }
            guard digits >= 2 else { return nil }
            if digits == 3 { end = text.index(before: end) }
            let year = text[index..<end]
            if end < text.endIndex, text[end] == "'" { end = text.index(after: end) }
            while end < text.endIndex, text[end].isWhitespace { end = text.index(after: end) }
            let qualifier = text[end...]
            guard !qualifier.contains(where: \.isNewline) else { return nil }
            return (year, qualifier)
        }

        func examine(_ label: String) -> Verdict {
            let separator = self.separator
            let lowered = label.lowercased()
            // A name must not run on into further letters (`ICLRW` is not `ICLR`).
            let found = names.first { name in
                guard lowered.hasPrefix(name.lowered) else { return false }
                let next = label.dropFirst(name.count).first
                return next.map { !$0.isLetter } ?? true
            }
            guard let name = found?.name else {
                let token = label.prefix { $0.isLetter || $0 == "-" || $0 == "&" || $0 == "." }
                return token.isEmpty
                    ? .problem(VenueLabelRule.notVenueFormat(label, venues.label))
                    : .problem(VenueLabelRule.unknownVenue(String(token)))
            }
            var rest = label.dropFirst(name.count)
            var year: Substring
            var qualifier: Substring = ""
            // A known qualifier between venue and year (`ACL_Findings_2024`, `ACL Findings 2024`).
            let between = rest.drop { $0 == " " || $0 == "_" || $0 == "-" }
            if between.count < rest.count,
                let known = venues.qualifiers?.first(where: { between.lowercased().hasPrefix($0.lowercased()) })
            {
                let after = between.dropFirst(known.count)
                if after.first.map({ $0 == " " || $0 == "_" || $0 == "-" || $0 == "'" }) ?? false,
                    LabelReader.looseYear(after.drop { $0 == " " || $0 == "_" || $0 == "-" }) != nil
                {
                    qualifier = Substring(known)
                    rest = after.drop { $0 == " " || $0 == "_" || $0 == "-" }
                }
            }
            if !fullYear, rest.hasPrefix(separator), let match = LabelReader.shortYear(rest.dropFirst(separator.count))
            {
                year = match.year
                if qualifier.isEmpty { qualifier = match.qualifier }
            } else if let match = LabelReader.looseYear(
                rest.hasPrefix(separator) ? rest.dropFirst(separator.count) : rest)
            {
                year = fullYear ? (match.year.count == 2 ? "20" + match.year : match.year) : match.year.suffix(2)
                if qualifier.isEmpty { qualifier = match.qualifier }
            } else if rest.isEmpty || rest.first == " " {
                return .problem(VenueLabelRule.noYear(label, venues.label))
            } else {
                return .problem(VenueLabelRule.notVenueFormat(label, venues.label))
            }
            qualifier = qualifier.drop { $0 == " " || $0 == "_" }
            while qualifier.last == " " || qualifier.last == "_" { qualifier.removeLast() }
            if let known = venues.qualifiers?.first(where: { $0.lowercased() == qualifier.lowercased() }) {
                qualifier = Substring(known)
            }
            let canonical = LabelReader.write(
                venues.label, venue: name, year: String(year), qualifier: String(qualifier))
            return canonical == label ? .fine : .respell(canonical)
        }

        /// A label in the list's format. Without a `{qualifier}` place a qualifier follows a space;
        /// an absent one takes one separator next to its place along.
        static func write(_ format: String, venue: String, year: String, qualifier: String) -> String {
            var text = format.replacingEvery("{venue}", with: venue).replacingEvery("{yyyy}", with: year)
                .replacingEvery("{yy}", with: year)
            guard text.contains("{qualifier}") else { return text + (qualifier.isEmpty ? "" : " \(qualifier)") }
            if qualifier.isEmpty {
                for pattern in ["{qualifier}_", "_{qualifier}", "{qualifier} ", " {qualifier}", "{qualifier}"]
                where text.contains(pattern) {
                    text = text.replacingEvery(pattern, with: "")
                    break
                }
                return text
            }
            return text.replacingEvery("{qualifier}", with: qualifier)
        }
    }

    /// The text between venue and year in the label format (`'` in `{venue}'{yy}`, `_` in
    /// `{venue}_{qualifier}_{yyyy}`).
    static func yearSeparator(_ format: String) -> String {
        guard let year = format.range(of: "{yyyy}") ?? format.range(of: "{yy}") else { return "'" }
        let before = format[..<year.lowerBound]
        guard let end = before.range(of: "}", options: .backwards)?.upperBound, before.contains("{venue}") else {
            return "'"
        }
        return String(before[end...])
    }
}
