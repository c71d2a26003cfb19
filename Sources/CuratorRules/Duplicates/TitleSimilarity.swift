/// How close two normalized titles are, and the blocking keys that find close pairs without
/// comparing every title with every other.
///
/// Scaling: each title goes into at most five buckets: by the first and by the last `keyLength`
/// characters of the title with its spaces removed (so `fine tuning` and `finetuning` agree), and
/// by each of its three rarest words (trailing `s` aside) that occur in at most `maxWordBucket`
/// titles. Two titles a typo, a plural or a dropped word apart share a key: the edits would have
/// to touch both ends and two of the three rarest words at once to escape. Inside a bucket only
/// titles whose lengths differ by at most `maxLengthDifference` are compared, and each comparison
/// is a banded edit distance that gives up after 3 edits, so it costs O(length). Word buckets hold
/// at most `maxWordBucket` titles by construction; end buckets hold the titles that share 16
/// leading or trailing characters, which stay few as a list grows (on Awesome-Efficient-LLM's
/// ~1,100 entries the largest holds 3). The cost is thus O(n·b) for n titles and buckets of at
/// most b: it grows about linearly with the number of entries, not with its square.
struct TitleBlocker {
    static let keyLength = 16
    static let maxWordBucket = 40
    static let rareWords = 3

    private let frequency: [String: Int]

    init(titles: [String]) {
        var frequency: [String: Int] = [:]
        for title in titles {
            for word in Set(TitleBlocker.words(title)) { frequency[word, default: 0] += 1 }
        }
        self.frequency = frequency
    }

    /// The keys a normalized title is bucketed under.
    func keys(_ title: String) -> [String] {
        guard title.count >= TitleSimilarity.minimumLength else { return [] }
        let compact = title.replacingOccurrences(of: " ", with: "")
        var keys = ["<" + String(compact.prefix(Self.keyLength)), ">" + String(compact.suffix(Self.keyLength))]
        let rare = Set(Self.words(title))
            .map { (word: $0, count: frequency[$0] ?? 0) }
            .filter { $0.count <= Self.maxWordBucket }
            .sorted { ($0.count, $0.word) < ($1.count, $1.word) }
            .prefix(Self.rareWords)
        keys += rare.map { "=" + $0.word }
        return keys
    }

    /// Words with a plural `s` dropped, so that `model` and `models` share a bucket.
    static func words(_ title: String) -> [String] {
        title.split(separator: " ").map { word in
            word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : String(word)
        }
    }
}

enum TitleSimilarity {
    /// Titles shorter than this are too short to call a small difference a typo.
    static let minimumLength = 16
    /// A dropped word of up to this many characters is still a near-duplicate.
    static let maxLengthDifference = 20
    /// Fewest words the shorter title must have for a dropped word to be a near-duplicate.
    static let minimumWordsForDroppedWord = 5

    /// Edits allowed between two titles: about 5 % of the longer, at least 1 and at most 3.
    static func allowedEdits(_ first: String, _ second: String) -> Int {
        max(1, min(3, max(first.count, second.count) / 20))
    }

    /// Whether two different normalized titles differ only slightly: a few character edits (a
    /// typo, a plural, a hyphen) or one whole word added or dropped. Titles whose numbers differ
    /// (`Part 1` and `Part 2`, `FlashAttention` and `FlashAttention 2`) are different papers of
    /// a series and never close.
    static func areClose(_ first: String, _ second: String) -> Bool {
        guard first != second else { return false }
        let firstWords = first.split(separator: " ").map(String.init)
        let secondWords = second.split(separator: " ").map(String.init)
        guard firstWords.filter(isNumbering) == secondWords.filter(isNumbering) else { return false }
        let a = Array(first.unicodeScalars)
        let b = Array(second.unicodeScalars)
        if boundedDistance(a, b, limit: allowedEdits(first, second)) != nil { return true }
        return differByOneWord(firstWords, secondWords)
    }

    /// Words that number a paper within a series: digits, version marks and roman numerals.
    static func isNumbering(_ word: String) -> Bool {
        word.contains(where: \.isNumber) || romanNumerals.contains(word)
    }

    private static let romanNumerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]

    /// One sequence is the other with exactly one word inserted.
    static func differByOneWord(_ first: [String], _ second: [String]) -> Bool {
        let (short, long) = first.count < second.count ? (first, second) : (second, first)
        guard long.count == short.count + 1, short.count >= minimumWordsForDroppedWord else { return false }
        var prefix = 0
        while prefix < short.count, short[prefix] == long[prefix] { prefix += 1 }
        return short[prefix...] == long[(prefix + 1)...]
    }

    /// Levenshtein distance when it is at most `limit`, else nil. Only the diagonal band of
    /// width `2·limit+1` is computed, and cells outside it are never read, so a comparison costs
    /// O(limit·length).
    static func boundedDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let infinity = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : infinity }
        var current = [Int](repeating: infinity, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 && i <= limit ? i : infinity
            var rowMinimum = current[low - 1]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1, infinity)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = infinity }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
