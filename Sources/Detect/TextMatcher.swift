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
    private var byFirstWord: [Substring: [Entry]] = [:]

    init(_ phrases: [(String, Value)]) {
        for (phrase, value) in phrases {
            let words = Words.of(phrase)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append(Entry(words: words, phrase: phrase, value: value))
        }
    }

    /// Every phrase occurring in `words`, with its position.
    func occurrences(in words: [Substring]) -> [(entry: Entry, at: Int)] {
        var found: [(Entry, Int)] = []
        for (index, word) in words.enumerated() {
            guard let entries = byFirstWord[word] else { continue }
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
