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
    /// "Ông", "Bà", "Đồng chí": they introduce the name, they are not other words.
    private let honorifics: PhraseIndex<Void>
    /// "Điện thoại", "Email": where a person's contacts begin on the line.
    private let contactLabels: PhraseIndex<Void>
    private let maxLineChars: Int
    private let maxOtherWords: Int
    private let minPhoneDigits: Int

    /// - Parameter titles: the titles that count (default: pages.yaml's).
    init(pages: PageVocabulary, titles: [String]? = nil) {
        self.titles = PhraseIndex((titles ?? pages.people.titles).map { ($0, ()) })
        surnames = Set(pages.people.surnames.map(VietnameseText.fold))
        honorifics = PhraseIndex(pages.people.honorifics.map { ($0, ()) })
        contactLabels = PhraseIndex((pages.contact.phoneWords + pages.contact.emailWords).map { ($0, ()) })
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

    /// A name: a capitalised family name followed by one to four capitalised
    /// words, up to a word that starts a title ("Lò Thị Thu Hà Phó Chánh…").
    private func name(in line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || ",:;()|–-/".contains($0) })
        var folded: [Substring]?
        var index = 0
        while index < words.count {
            let word = words[index]
            guard isCapitalised(word), surnames.contains(VietnameseText.fold(String(word))) else {
                index += 1
                continue
            }
            // Folded once per line, only for lines that hold a family name.
            let slugs = folded ?? words.map { Substring(VietnameseText.slug(String($0))) }
            folded = slugs
            var end = index + 1
            while end < words.count, end - index < 5, isCapitalised(words[end]), !titles.starts(in: slugs, at: end) { end += 1 }
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

    /// Words of the line that are neither the name nor the title (numbers and
    /// addresses are not words). Honorifics introduce the name, and what follows
    /// a contact label is the person's contacts ("Điện thoại: …, Email: a.b@c.gov.vn"),
    /// which a list of people carries and running text does not: neither counts.
    private func otherWords(in line: String, name: String, title: String?) -> Int {
        var words = Words.of(line)
        if let contacts = contactLabels.occurrences(in: words).map(\.at).min() { words = Array(words[..<contacts]) }
        // Only an honorific opening the line ("1. Bà …"): "Bá", "Ba" inside a line are names and numbers.
        let opening = words.firstIndex { $0.contains(where: \.isLetter) } ?? words.endIndex
        let introduced = honorifics.occurrences(in: words).first { $0.at == opening }?.entry.words.count ?? 0
        let all = words.filter { word in word.allSatisfy(\.isLetter) }
        return all.count - introduced - Words.of(name).count - (title.map { Words.of($0).count } ?? 0)
    }

    private func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first, first.isLetter else { return false }
        return first.isUppercase && !word.contains("@")
    }

    private func digitCount(_ line: String) -> Int {
        line.reduce(0) { $0 + ($1.isASCIIDigit ? 1 : 0) }
    }
}
