import Testing

@testable import CuratorRules

/// The venue rule reads years by hand; the regular expressions they were written from are the
/// reference, and every short combination of the pieces a label is made of must read the same.
@Suite struct VenueYearReaderTests {
    static let pieces = ["", " ", "'", "24", "2024", "202", "2", "x", " Oral", "\n", "٢٤", "  ", "'24'", "Findings"]

    static var texts: [String] {
        var texts: [String] = []
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        return texts
    }

    @Test func shortYearReadsAsItsPattern() {
        let pattern = /(\d\d)(?: (.+))?/
        for text in Self.texts {
            let expected = text[...].wholeMatch(of: pattern).map { (String($0.1), String($0.2 ?? "")) }
            let actual = VenueLabelRule.LabelReader.shortYear(text[...]).map { (String($0.year), String($0.qualifier)) }
            #expect(expected?.0 == actual?.0 && expected?.1 == actual?.1, "\(text.debugDescription)")
        }
    }

    @Test func looseYearReadsAsItsPattern() {
        let pattern = /\s*'?(\d{4}|\d{2})'?\s*(.*)/
        for text in Self.texts {
            let expected = text[...].wholeMatch(of: pattern).map { (String($0.1), String($0.2)) }
            let actual = VenueLabelRule.LabelReader.looseYear(text[...]).map { (String($0.year), String($0.qualifier)) }
            #expect(expected?.0 == actual?.0 && expected?.1 == actual?.1, "\(text.debugDescription)")
        }
    }
}
