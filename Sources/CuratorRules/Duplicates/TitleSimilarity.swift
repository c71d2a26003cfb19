import Foundation

/// How close two normalized titles are, and the blocking keys that find close pairs without
/// comparing every title with every other.
///
/// Scaling: each title goes into at most five buckets: by the first and by the last `keyLength`
/// characters of the title with its spaces removed (so `fine tuning` and `finetuning` agree), and
/// by each of its three rarest words (plural `s` aside). Two titles a typo, a plural or a dropped
/// word apart share a key unless the edits touch both ends and two of the three rarest words at
/// once. A key that more than `maxBucket` titles share is dropped: it says little (on
/// Awesome-Efficient-LLM, 142 titles end in "...large language models") and comparing within it
/// would grow with the square of the list. Every bucket therefore holds at most `maxBucket`
/// titles (13 at most on that list once such keys are dropped), and each comparison is a banded edit distance that gives up after 3 edits, so it costs
/// O(length). The whole check is O(n·maxBucket) for n titles: it grows linearly with the number
/// of entries, not with its square.
struct TitleBlocker {
    static let keyLength = 16
    static let maxBucket = 40
    static let rareWords = 3

    /// Every distinct key, by number; a title's keys are numbers, so that counting and choosing
    /// them hashes each key string once instead of on every count and every comparison.
    private let keyTexts: [String]
    /// Whether each key is a word's (`=` marker) rather than an end's.
    private let isWord: [Bool]
    /// How many entries carry each key, by the key's number.
    private let frequency: [Int]
    /// Each title's distinct candidate keys (numbers), by the title's number: worked out once,
    /// since both counting the keys and choosing a title's keys read them.
    private let candidates: [[Int]]

    /// - Parameter counts: how many entries carry each title (distinct titles are read once).
    init(titles: [String], counts: [Int]) {
        var numbers = KeyNumbers(capacity: titles.count * 8)
        var candidates: [[Int]] = []
        candidates.reserveCapacity(titles.count)
        for (title, count) in zip(titles, counts) {
            var keys: [Int] = []
            TitleBlocker.forEachCandidateKey(title) { key in
                let number = numbers.number(of: key)
                // A key a title has twice counts once for it.
                if !keys.contains(number) { keys.append(number) }
            }
            for key in keys { numbers.frequency[key] += count }
            candidates.append(keys)
        }
        self.keyTexts = numbers.texts
        self.isWord = numbers.isWord
        self.frequency = numbers.frequency
        self.candidates = candidates
    }

    /// Numbers keys by their bytes. A key's string is made once, when the key is first met;
    /// every later meeting hashes the bytes (FNV-1a) and compares them with that string, which
    /// costs far less than making and hashing a `String` for each of the dozen keys of a title.
    private struct KeyNumbers {
        var texts: [String] = []
        var isWord: [Bool] = []
        var frequency: [Int] = []
        private var byHash: [UInt64: Int] = [:]
        /// Each key's bytes, end to end, for comparing a new meeting with the first.
        private var pool: [UInt8] = []
        private var ranges: [Range<Int>] = []
        /// Keys whose hash an earlier, different key already has.
        private var collided: [String: Int] = [:]

        init(capacity: Int) {
            byHash.reserveCapacity(capacity)
            pool.reserveCapacity(capacity * 8)
            ranges.reserveCapacity(capacity)
        }

        mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            if let known = byHash[hash] {
                let range = ranges[known]
                let same =
                    range.count == key.count
                    && pool.withUnsafeBufferPointer {
                        memcmp($0.baseAddress! + range.lowerBound, key.baseAddress!, key.count) == 0
                    }
                if same { return known }
                let text = String(decoding: key, as: UTF8.self)
                if let other = collided[text] { return other }
                collided[text] = texts.count
                return add(key)
            }
            byHash[hash] = texts.count
            return add(key)
        }

        private mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int {
            texts.append(String(decoding: key, as: UTF8.self))
            isWord.append(key.first == UInt8(ascii: "="))
            ranges.append(pool.count..<(pool.count + key.count))
            pool.append(contentsOf: key)
            frequency.append(0)
            return texts.count - 1
        }
    }

    /// The keys (numbers) the title numbered `number` (its position in `titles`) is bucketed
    /// under: its ends and its rarest words, less the keys too many titles share. Which keys
    /// they are matters; their order does not.
    func keys(ofTitle number: Int) -> [Int] {
        let usable = candidates[number].filter { frequency[$0] <= Self.maxBucket }
        let ends = usable.filter { !isWord[$0] }
        let rare = usable.filter { isWord[$0] }
            .sorted { (frequency[$0], keyTexts[$0]) < (frequency[$1], keyTexts[$1]) }
            .prefix(Self.rareWords)
        return ends + rare
    }

    /// Calls `body` with the bytes of every key a title could have: its two ends and each of
    /// its words, each behind its marker (`<`, `>`, `=`).
    private static func forEachCandidateKey(_ title: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Normalized titles are nearly always ASCII letters, digits and single spaces, where bytes
        // are characters and the keys are cut from the bytes directly. A carriage return would
        // join a line feed into one character, and anything else is left to Unicode.
        var title = title
        title.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
                for key in unicodeCandidateKeys(String(decoding: utf8, as: UTF8.self)) {
                    var key = key
                    key.withUTF8 { body($0) }
                }
                return
            }
            guard utf8.count >= TitleSimilarity.minimumLength else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 1) { scratch in
                // The title without spaces, then a key's marker and bytes, in one buffer.
                var compactCount = 0
                for byte in utf8 where byte != UInt8(ascii: " ") {
                    scratch[compactCount] = byte
                    compactCount += 1
                }
                let keyStart = compactCount
                func emit(_ marker: UInt8, _ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                    scratch[keyStart] = marker
                    for (offset, index) in range.enumerated() { scratch[keyStart + 1 + offset] = source[index] }
                    body(UnsafeBufferPointer(rebasing: scratch[keyStart..<(keyStart + 1 + range.count)]))
                }
                let compact = UnsafeBufferPointer(rebasing: scratch[..<compactCount])
                emit(UInt8(ascii: "<"), compact, 0..<min(keyLength, compactCount))
                emit(UInt8(ascii: ">"), compact, max(0, compactCount - keyLength)..<compactCount)
                var wordStart = 0
                for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: " ") {
                    if index > wordStart {
                        let plural = index - wordStart > 3 && utf8[index - 1] == UInt8(ascii: "s")
                        emit(UInt8(ascii: "="), utf8, wordStart..<(plural ? index - 1 : index))
                    }
                    wordStart = index + 1
                }
            }
        }
    }

    private static func unicodeCandidateKeys(_ title: String) -> [String] {
        guard title.count >= TitleSimilarity.minimumLength else { return [] }
        // Dropping space scalars (not characters) matches what the Foundation replacement did,
        // without bridging to NSString.
        let compact = String(String.UnicodeScalarView(title.unicodeScalars.filter { $0 != " " }))
        return ["<" + String(compact.prefix(keyLength)), ">" + String(compact.suffix(keyLength))]
            + words(title).map { "=" + $0 }
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

    /// Edits allowed between two titles of these lengths (in characters): about 5 % of the
    /// longer, at least 1 and at most 3.
    static func allowedEdits(_ first: Int, _ second: Int) -> Int {
        max(1, min(3, max(first, second) / 20))
    }

    /// Whether two different normalized titles differ only slightly: a few character edits (a
    /// typo, a hyphen), plurals, or one whole word added or dropped. Titles whose numbers differ
    /// (`Part 1` and `Part 2`, `Part II` and `Part III`, `FlashAttention` and `FlashAttention-2`)
    /// are different papers of a series and never close.
    static func areClose(_ first: Prepared, _ second: Prepared) -> Bool {
        guard first.text != second.text else { return false }
        // The numbering is compared last: most pairs a bucket offers are not close at all, and
        // reading numbers is dearer than the banded edit distance that rules them out.
        return isSlightEdit(first, second) && numbering(first.text) == numbering(second.text)
    }

    /// A title in the forms the comparison reads, worked out once however many pairs it is in.
    final class Prepared {
        let text: String
        let scalars: [Unicode.Scalar]
        let words: [String]
        let count: Int

        init(_ text: String) {
            self.text = text
            scalars = Array(text.unicodeScalars)
            words = TitleBlocker.words(text)
            count = text.count
        }
    }

    private static func isSlightEdit(_ first: Prepared, _ second: Prepared) -> Bool {
        if boundedDistance(first.scalars, second.scalars, limit: allowedEdits(first.count, second.count)) != nil {
            return true
        }
        return first.words == second.words || differByOneWord(first.words, second.words)
    }

    /// The numbers of a title in order: its digit runs (wherever they stand, so `llama 2` and
    /// `llama2` agree) and its roman numerals from II on (a lone `i`, `v` or `x` is too often a
    /// word or a letter).
    static func numbering(_ title: String) -> [String] {
        var numbers: [String] = []
        var run = ""
        for character in title {
            if character.isNumber {
                run.append(character)
            } else if !run.isEmpty {
                numbers.append(run)
                run = ""
            }
        }
        if !run.isEmpty { numbers.append(run) }
        return numbers + title.split(separator: " ").map(String.init).filter(romanNumerals.contains)
    }

    private static let romanNumerals: Set<String> = ["ii", "iii", "iv", "vi", "vii", "viii", "ix"]

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
