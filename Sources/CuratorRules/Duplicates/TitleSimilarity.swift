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

    /// Every distinct key's bytes, end to end, by the key's number: a title's keys are numbers,
    /// so that counting and choosing them hashes each key's bytes once, and no key is ever made
    /// into a string.
    private let pool: [UInt8]
    /// Where each key's bytes lie in `pool`.
    private let ranges: [Range<Int>]
    /// Whether each key is a word's (`=` marker) rather than an end's.
    private let isWord: [Bool]
    /// Whether each key is all ASCII, where comparing bytes orders keys as comparing strings does.
    private let isASCII: [Bool]
    /// How many entries carry each key, by the key's number.
    private let frequency: [Int]
    /// Each title's distinct candidate keys (numbers), the titles' lists end to end, and where
    /// each title's list starts (one more start than titles): worked out once, since both
    /// counting the keys and choosing a title's keys read them.
    private let candidates: [Int32]
    private let candidateStarts: [Int]

    /// How many distinct keys the titles have; keys are numbered from 0 up to this.
    var keyCount: Int { frequency.count }

    /// - Parameter counts: how many entries carry each title (distinct titles are read once).
    init(titles: [String], counts: [Int]) {
        var numbers = KeyNumbers(capacity: titles.count * 8)
        var candidates: [Int32] = []
        candidates.reserveCapacity(titles.count * 12)
        var candidateStarts = [0]
        candidateStarts.reserveCapacity(titles.count + 1)
        for (title, count) in zip(titles, counts) {
            let start = candidates.count
            TitleBlocker.forEachCandidateKey(title) { key in
                let number = Int32(numbers.number(of: key))
                // A key a title has twice counts once for it.
                if !candidates[start...].contains(number) { candidates.append(number) }
            }
            for key in candidates[start...] { numbers.frequency[Int(key)] += count }
            candidateStarts.append(candidates.count)
        }
        self.pool = numbers.pool
        self.ranges = numbers.ranges
        self.isWord = numbers.isWord
        self.isASCII = numbers.isASCII
        self.frequency = numbers.frequency
        self.candidates = candidates
        self.candidateStarts = candidateStarts
    }

    /// Numbers keys by their bytes, in an open-addressing table keyed by a hash of the bytes: a
    /// title has a dozen keys, and making a `String` of each, or hashing it again through
    /// `Dictionary`, cost more than the rest of the blocking together.
    private struct KeyNumbers {
        var isWord: [Bool] = []
        var isASCII: [Bool] = []
        var frequency: [Int] = []
        /// Each key's bytes, end to end, for comparing a new meeting with the first.
        var pool: [UInt8] = []
        var ranges: [Range<Int>] = []
        /// Each key's hash, so that growing the table rehashes no bytes.
        private var hashes: [UInt64] = []
        /// Key number + 1 by slot, 0 for an empty slot; linear probing, at most half full.
        private var slots: [Int32]
        private var shift: UInt64

        init(capacity: Int) {
            var bits: UInt64 = 6
            while 1 << bits < 2 * capacity { bits += 1 }
            slots = [Int32](repeating: 0, count: 1 << bits)
            shift = 64 - bits
            isWord.reserveCapacity(capacity)
            isASCII.reserveCapacity(capacity)
            frequency.reserveCapacity(capacity)
            pool.reserveCapacity(capacity * 8)
            ranges.reserveCapacity(capacity)
            hashes.reserveCapacity(capacity)
        }

        /// The slot a hash starts probing at: the high bits of a multiplicative hash, which
        /// depend on every bit of the hash.
        private func home(_ hash: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// A hash of a key's bytes read eight at a time: a byte-at-a-time hash (FNV-1a) chains a
        /// multiplication per byte, and every key of every title is hashed.
        private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let bytes = UnsafeRawPointer(key.baseAddress!)
            var hash = UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
            var offset = 0
            while offset + 8 <= key.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < key.count {
                tail |= UInt64(key[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 32)
        }

        mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
            let hash = Self.hash(key)
            let mask = slots.count - 1
            var slot = home(hash)
            while slots[slot] != 0 {
                let known = Int(slots[slot]) - 1
                if hashes[known] == hash, ranges[known].count == key.count,
                    pool.withUnsafeBufferPointer({
                        memcmp($0.baseAddress! + ranges[known].lowerBound, key.baseAddress!, key.count) == 0
                    })
                {
                    return known
                }
                slot = (slot + 1) & mask
            }
            let number = frequency.count
            if 2 * (number + 1) > slots.count {
                grow()
                slot = home(hash)
                while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            }
            slots[slot] = Int32(number + 1)
            hashes.append(hash)
            isWord.append(key.first == UInt8(ascii: "="))
            isASCII.append(key.allSatisfy { $0 < 0x80 })
            ranges.append(pool.count..<(pool.count + key.count))
            pool.append(contentsOf: key)
            frequency.append(0)
            return number
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: 2 * slots.count)
            shift -= 1
            let mask = slots.count - 1
            for (number, hash) in hashes.enumerated() {
                var slot = home(hash)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number + 1)
            }
        }
    }

    /// Calls `body` with each key (number) the title numbered `number` (its position in
    /// `titles`) is bucketed under: its ends and its rarest words, less the keys too many titles
    /// share. Which keys they are matters; their order does not.
    func forEachKey(ofTitle number: Int, _ body: (Int) -> Void) {
        // The rarest words are picked as the candidates go by, as a stable sort by frequency,
        // then key text, would order them, without sorting all of a title's words.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.rareWords) { rare in
            var chosen = 0
            for candidate in candidates[candidateStarts[number]..<candidateStarts[number + 1]] {
                let key = Int(candidate)
                guard frequency[key] <= Self.maxBucket else { continue }
                guard isWord[key] else {
                    body(key)
                    continue
                }
                // After every chosen key that does not come after this one, as in a stable sort.
                var position = chosen
                while position > 0, precedes(key, rare[position - 1]) { position -= 1 }
                guard position < Self.rareWords else { continue }
                var move = min(chosen, Self.rareWords - 1)
                while move > position {
                    rare[move] = rare[move - 1]
                    move -= 1
                }
                rare[position] = key
                chosen = min(chosen + 1, Self.rareWords)
            }
            for key in rare[..<chosen] { body(key) }
        }
    }

    /// The text of the key numbered `key`, marker included, for reading keys back (tests).
    func text(ofKey key: Int) -> String {
        pool.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[ranges[key]]), as: UTF8.self) }
    }

    /// Whether key `first` is rarer than key `second`, or as rare and first by its text.
    private func precedes(_ first: Int, _ second: Int) -> Bool {
        if frequency[first] != frequency[second] { return frequency[first] < frequency[second] }
        return pool.withUnsafeBufferPointer { pool in
            let firstBytes = UnsafeBufferPointer(rebasing: pool[ranges[first]])
            let secondBytes = UnsafeBufferPointer(rebasing: pool[ranges[second]])
            // Strings of ASCII order as their bytes do. Others are compared as strings, which
            // compares them by their canonical form.
            guard isASCII[first], isASCII[second] else {
                return String(decoding: firstBytes, as: UTF8.self) < String(decoding: secondBytes, as: UTF8.self)
            }
            let common = min(firstBytes.count, secondBytes.count)
            let order = common == 0 ? 0 : memcmp(firstBytes.baseAddress!, secondBytes.baseAddress!, common)
            return order != 0 ? order < 0 : firstBytes.count < secondBytes.count
        }
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
            let count = utf8.count
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * count + 2) { scratch in
                // The title behind an `=`, each space made an `=` too, so that each word's key is
                // the bytes from the `=` before it and is handed over without copying it. Then
                // the title without spaces, behind room for an end's marker.
                let words = scratch.baseAddress!
                let compact = words + count + 1
                words[0] = UInt8(ascii: "=")
                var compactCount = 0
                for index in 0..<count {
                    let byte = utf8[index]
                    if byte == UInt8(ascii: " ") {
                        words[index + 1] = UInt8(ascii: "=")
                    } else {
                        words[index + 1] = byte
                        compact[1 + compactCount] = byte
                        compactCount += 1
                    }
                }
                let endLength = min(keyLength, compactCount)
                compact[0] = UInt8(ascii: "<")
                body(UnsafeBufferPointer(start: compact, count: 1 + endLength))
                // The first key has been read, and the byte before the last `keyLength` bytes
                // can take the second's marker.
                let last = compact + (compactCount - endLength)
                last[0] = UInt8(ascii: ">")
                body(UnsafeBufferPointer(start: last, count: 1 + endLength))
                var wordStart = 0
                for index in 0...count where index == count || utf8[index] == UInt8(ascii: " ") {
                    if index > wordStart {
                        let plural = index - wordStart > 3 && utf8[index - 1] == UInt8(ascii: "s")
                        let wordEnd = plural ? index - 1 : index
                        body(UnsafeBufferPointer(start: words + wordStart, count: 1 + wordEnd - wordStart))
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
        var title = title
        return title.withUTF8 { utf8 in
            // As in `forEachCandidateKey`, ASCII without carriage returns is split on bytes,
            // where a byte is a character; splitting a `String` reads it character by character.
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
                return String(decoding: utf8, as: UTF8.self).split(separator: " ").map { word in
                    word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : String(word)
                }
            }
            var words: [String] = []
            var wordStart = 0
            for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: " ") {
                if index > wordStart {
                    let plural = index - wordStart > 3 && utf8[index - 1] == UInt8(ascii: "s")
                    words.append(
                        String(
                            decoding: UnsafeBufferPointer(rebasing: utf8[wordStart..<(plural ? index - 1 : index)]),
                            as: UTF8.self))
                }
                wordStart = index + 1
            }
            return words
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
            count = TitleSimilarity.length(of: text)
        }
    }

    /// The length of a title in characters. In ASCII without carriage returns (nearly every
    /// normalized title) a byte is a character, and counting them needs no grapheme breaking.
    static func length(of title: String) -> Int {
        let isPlain = title.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        return isPlain == true ? title.utf8.count : title.count
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
