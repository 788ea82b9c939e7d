import HTML
import TextNormalization

/// Words of folded text with punctuation dropped: "Hỏi - Đáp" → ["hoi", "dap"].
enum Words {
    static func of(_ text: String) -> [Substring] {
        let slug = VietnameseText.slug(text)
        return slug.split(separator: "-")
    }

    /// Words of text that is already folded (cheaper than `of`).
    static func ofFolded(_ folded: String) -> [Substring] {
        folded.split(whereSeparator: { character in
            !(character.isLetter || character.isNumber)
        })
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

    func contains(in words: [Substring]) -> Bool {
        !occurrences(in: words).isEmpty
    }
}
