/// Counts the English words of a text. Words are read as written: folded
/// Vietnamese turns "thế" into "the" and "tổ" into "to". A word counts when
/// it is a common English word of the list, or when it is ASCII and has
/// `minVowelGroups` vowel groups or more ("industrial", "division"): a
/// Vietnamese syllable, even written without its marks ("Nguyen", "Hieu"), has one.
struct EnglishWords {
    let common: Set<String>
    let minVowelGroups: Int
    /// Share of a text's words that must be English for the text to be English.
    let minShare: Double

    struct Count {
        var english: Int
        var words: Int
    }

    func count(_ lines: [String]) -> Count {
        var result = Count(english: 0, words: 0)
        for line in lines {
            for word in line.split(whereSeparator: { !$0.isLetter }) {
                result.words += 1
                guard word.allSatisfy(\.isASCII) else { continue }
                let lower = word.lowercased()
                if common.contains(lower) || Self.vowelGroups(lower) >= minVowelGroups { result.english += 1 }
            }
        }
        return result
    }

    func isEnglish(_ count: Count, minWords: Int) -> Bool {
        count.english >= minWords && Double(count.english) >= minShare * Double(count.words)
    }

    private static func vowelGroups(_ word: String) -> Int {
        var groups = 0
        var inVowel = false
        for character in word {
            let vowel = "aeiouy".contains(character)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
        }
        return groups
    }
}
