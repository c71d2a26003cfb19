import Testing

@testable import CuratorRules

/// The blocking keys `near-duplicate-title` buckets titles under: which rare words a title keeps
/// decides which pairs are ever compared, so the choice must not drift.
struct TitleBlockerTests {
    /// The word keys (`=` marker) the blocker keeps for each title.
    static func wordKeys(_ titles: [String], counts: [Int]? = nil) -> [[String]] {
        let blocker = TitleBlocker(titles: titles, counts: counts ?? titles.map { _ in 1 })
        return titles.indices.map { title in
            var keys: [String] = []
            blocker.forEachKey(ofTitle: title) { keys.append(blocker.text(ofKey: $0)) }
            return keys.filter { $0.hasPrefix("=") }.sorted()
        }
    }

    @Test func keepsTheRarestWordsAndBreaksTiesByText() {
        let keys = Self.wordKeys(["alpha bravo charlie delta echo", "alpha bravo zulu yankee xray whiskey"])
        // `alpha` and `bravo` are in both titles; the rest once, and equally rare words go by text.
        #expect(keys[0] == ["=charlie", "=delta", "=echo"])
        #expect(keys[1] == ["=whiskey", "=xray", "=yankee"])
    }

    @Test func aRareWordBeatsAnEarlierCommonOne() {
        let keys = Self.wordKeys([
            "common words first then unusual", "common words again here", "common words once more",
        ])
        #expect(keys[0] == ["=first", "=then", "=unusual"])
    }

    @Test func dropsKeysTooManyEntriesShare() {
        let keys = Self.wordKeys(
            ["shared title of many entries", "another title entirely here"],
            counts: [TitleBlocker.maxBucket + 1, 1])
        #expect(keys[0].isEmpty)
        #expect(keys[1] == ["=another", "=entirely", "=here"])
    }

    @Test func wordsDropAPluralS() {
        #expect(
            TitleBlocker.words("large language models for gas tasks") == [
                "large", "language", "model", "for", "gas", "task",
            ])
        #expect(TitleBlocker.words("café models") == ["café", "model"])
    }
}
