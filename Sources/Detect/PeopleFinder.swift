import TextNormalization

/// Finds people listed with a title ("Giám đốc Sở: Nguyễn Văn A", or a name
/// line followed by a title line as in a leaders' table), whatever the page
/// is called. Running text and captions are not lists: a person's line is
/// short and carries few words besides the name and the title.
struct PeopleFinder {
    struct Person {
        var name: String
        var title: String
        /// The line (or the two lines) that list the person.
        var text: String
        /// A phone number or an e-mail address is listed with the person.
        var hasContact: Bool
    }

    private let titles: PhraseIndex<Void>
    private let surnames: Set<String>
    private let maxLineChars: Int
    private let maxOtherWords: Int
    private let minPhoneDigits: Int

    /// - Parameter titles: the titles that count (default: pages.yaml's).
    init(pages: PageVocabulary, titles: [String]? = nil) {
        self.titles = PhraseIndex((titles ?? pages.people.titles).map { ($0, ()) })
        surnames = Set(pages.people.surnames.map(VietnameseText.fold))
        maxLineChars = pages.people.maxLineChars
        maxOtherWords = pages.people.maxOtherWords
        minPhoneDigits = pages.contact.minPhoneDigits
    }

    /// Distinct people (by name) in `lines`, in order.
    func people(in lines: [String]) -> [Person] {
        var found: [Person] = []
        var names = Set<String>()
        for (index, line) in lines.enumerated() where !line.isLonger(than: maxLineChars) {
            guard let name = name(in: line) else { continue }
            let key = VietnameseText.fold(name)
            guard !names.contains(key) else { continue }
            // The title on the same line, else on a short neighbouring line.
            var titled: (title: String, lines: [Int])?
            if let title = title(in: line) {
                titled = (title, [index])
            } else {
                for other in [index + 1, index - 1] where lines.indices.contains(other) {
                    let neighbour = lines[other]
                    guard !neighbour.isLonger(than: 60), self.name(in: neighbour) == nil,
                          let title = title(in: neighbour) else { continue }
                    titled = (title, [min(index, other), max(index, other)])
                    break
                }
            }
            guard let titled, otherWords(in: line, name: name, title: titled.lines == [index] ? titled.title : nil) <= maxOtherWords
            else { continue }
            names.insert(key)
            // Contacts sit on the person's lines or the few lines after them.
            let block = lines[titled.lines[0]..<min(lines.count, titled.lines.last! + 4)]
            let contact = block.contains { $0.contains("@") || digitCount($0) >= minPhoneDigits }
            found.append(Person(name: name, title: titled.title,
                                text: titled.lines.map { lines[$0] }.joined(separator: " – "), hasContact: contact))
        }
        return found
    }

    /// A name: a capitalised family name followed by one to four capitalised words.
    private func name(in line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || ",:;()|–-/".contains($0) })
        var index = 0
        while index < words.count {
            let word = words[index]
            guard isCapitalised(word), surnames.contains(VietnameseText.fold(String(word))) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < words.count, end - index < 5, isCapitalised(words[end]) { end += 1 }
            if end - index >= 2 { return words[index..<end].joined(separator: " ") }
            index = end
        }
        return nil
    }

    private func title(in line: String) -> String? {
        let words = Words.of(line)
        // The longest title wins: "Phó Giám đốc" over "Giám đốc".
        return titles.occurrences(in: words).max { $0.entry.words.count < $1.entry.words.count }?.entry.phrase
    }

    /// Words of the line that are neither the name nor the title (numbers and addresses are not words).
    private func otherWords(in line: String, name: String, title: String?) -> Int {
        let all = Words.of(line).filter { word in word.allSatisfy(\.isLetter) }
        return all.count - Words.of(name).count - (title.map { Words.of($0).count } ?? 0)
    }

    private func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first, first.isLetter else { return false }
        return first.isUppercase && !word.contains("@")
    }

    private func digitCount(_ line: String) -> Int {
        line.reduce(0) { $0 + ($1.isASCIIDigit ? 1 : 0) }
    }
}
