import HTML
import TextNormalization

/// Words of folded text with punctuation dropped: "Hỏi - Đáp" → ["hoi", "dap"].
enum Words {
    static func of(_ text: String) -> [Substring] {
        let slug = VietnameseText.slug(text)
        return asciiWords(slug, isSeparator: { $0 == 0x2D }) ?? slug.split(separator: "-")
    }

    /// Words of text that is already folded (cheaper than `of`).
    static func ofFolded(_ folded: String) -> [Substring] {
        asciiWords(folded, isSeparator: { !isASCIIAlphanumeric($0) }) ?? folded.split(whereSeparator: { character in
            !(character.isLetter || character.isNumber)
        })
    }

    /// Folded text is nearly always ASCII, where every byte is a Character
    /// and splitting on bytes gives the same words without grapheme breaking.
    /// Nil when the text holds other characters.
    private static func asciiWords(_ text: String, isSeparator: (UInt8) -> Bool) -> [Substring]? {
        let utf8 = text.utf8
        var words: [Substring] = []
        var start: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 { return nil }
            if isSeparator(byte) {
                if let begin = start { words.append(text[begin..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let begin = start { words.append(text[begin...]) }
        return words
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}

/// Finds which phrases of a list occur in text, on word boundaries.
/// Phrases are folded once; lookups go through the first word.
struct PhraseIndex<Value> {
    struct Entry {
        var words: [Substring]
        var phrase: String
        var value: Value
    }
    /// Entries by their first word, as String equality (canonical equivalence) finds them.
    private var byFirstWord: [Substring: [Entry]] = [:]
    /// The same entries by a hash of the first word's bytes, for ASCII words
    /// (nearly every word of folded text): hashing a Substring normalises
    /// it first, which cost more than the rest of the lookup. Two ASCII
    /// strings are equal exactly when their bytes are; entries of another
    /// word with the same hash are told apart by comparing the words.
    private var byASCIIHash: [UInt64: [Entry]] = [:]
    /// Whether every first word is ASCII: then no other word can equal an
    /// ASCII word, and ASCII words need only `byASCIIHash`.
    private var allASCII = true

    init(_ phrases: [(String, Value)]) {
        for (phrase, value) in phrases {
            let words = Words.of(phrase)
            guard let first = words.first else { continue }
            let entry = Entry(words: words, phrase: phrase, value: value)
            byFirstWord[first, default: []].append(entry)
            if let hash = Self.asciiHash(first) { byASCIIHash[hash, default: []].append(entry) } else { allASCII = false }
        }
    }

    /// FNV-1a of an ASCII word's bytes; nil when the word holds other bytes
    /// (or is not stored as UTF-8): such a word is looked up as a String.
    static func asciiHash(_ word: Substring) -> UInt64? {
        word.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                if byte >= 0x80 { return nil }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return hash
        } ?? nil
    }

    /// Entries whose first word is `word`, in the order they were given.
    private func entries(startingWith word: Substring) -> [Entry]? {
        guard allASCII, let hash = Self.asciiHash(word) else { return byFirstWord[word] }
        guard let bucket = byASCIIHash[hash] else { return nil }
        return bucket.allSatisfy({ $0.words[0].utf8.elementsEqual(word.utf8) }) ? bucket
            : bucket.filter { $0.words[0].utf8.elementsEqual(word.utf8) }
    }

    /// Every phrase occurring in `words`, with its position.
    func occurrences(in words: [Substring]) -> [(entry: Entry, at: Int)] {
        var found: [(Entry, Int)] = []
        for (index, word) in words.enumerated() {
            guard let entries = entries(startingWith: word) else { continue }
            for entry in entries where index + entry.words.count <= words.count {
                if words[index..<(index + entry.words.count)].elementsEqual(entry.words) {
                    found.append((entry, index))
                }
            }
        }
        return found
    }

    /// Phrases that label the whole of `words`: the phrase plus at most
    /// `maxExtraWords` other words; a one-word phrase must be all of it.
    func labels(of words: [Substring], maxExtraWords: Int) -> [Entry] {
        guard !words.isEmpty, words.count <= maxExtraWords + 12 else { return [] }
        return occurrences(in: words).compactMap { entry, _ in
            let extra = words.count - entry.words.count
            if entry.words.count == 1 { return extra == 0 ? entry : nil }
            return extra <= maxExtraWords ? entry : nil
        }
    }

    /// Whether a phrase begins at `index` of `words`.
    func starts(in words: [Substring], at index: Int) -> Bool {
        guard words.indices.contains(index), let entries = byFirstWord[words[index]] else { return false }
        return entries.contains { entry in
            index + entry.words.count <= words.count && words[index..<(index + entry.words.count)].elementsEqual(entry.words)
        }
    }

    func contains(in words: [Substring]) -> Bool {
        !occurrences(in: words).isEmpty
    }
}
