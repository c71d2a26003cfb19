import Foundation
import Testing

@testable import CuratorRules

/// date-comment reads the loose forms of a comment by hand; the regular expressions they were
/// written from are the reference, on every short combination of the pieces comments are made of.
@Suite struct DateCommentReaderTests {
    static let date = try! NSRegularExpression(pattern: #"^\[?/{1,2}\]?\s*:?\s*#\s*(\d{1,2})\s*/\s*(\d{1,2})$"#)
    static let recommend = try! NSRegularExpression(
        pattern: #"^\[?/{1,2}\]?\s*:?\s*#\s*recommend(ed)?$"#, options: [.caseInsensitive])

    static let opening = try! NSRegularExpression(pattern: #"^\[?/{1,2}\]?\s*:?\s*#"#)

    static let prefixes = [
        "[//]: #", "//:#", "[/]#", "[///]: #", "// : # ", "[//] #", "//]:#", "#", "[//]: ", "[//]:  #  ",
    ]
    static let tails = [
        "06/17", "6/7", "06 / 17", "123/4", "06/", "/17", "06/17 ", "Recommend", "RECOMMENDED", "recommends", "٠٦/١٧",
        "06/17x", "", "6/17/", " 06/17",
    ]

    @Test func readsAsTheRegularExpressions() {
        for text in Self.prefixes.flatMap({ prefix in Self.tails.map { prefix + $0 } }) {
            let whole = NSRange(text.startIndex..., in: text)
            var expected: DateCommentRule.LooseComment?
            if let match = Self.date.firstMatch(in: text, range: whole),
                let month = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                let day = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) })
            {
                expected = .date(month: month, day: day)
            } else if Self.recommend.firstMatch(in: text, range: whole) != nil {
                expected = .recommend
            }
            #expect(DateCommentRule.looseComment(text) == expected, "\(text.debugDescription)")
            let opens = Self.opening.firstMatch(in: text, range: whole) != nil
            #expect(RowShape.looksLikeDateComment(text) == opens, "\(text.debugDescription)")
        }
    }
}
