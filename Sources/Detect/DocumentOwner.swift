import TextNormalization

/// The audited agency as targets.yaml names it: its name and, optionally,
/// the abbreviation its document numbers carry ("SYT" in 108/TB-SYT).
public struct AgencyIdentity: Sendable, Equatable {
    public var name: String
    public var code: String?

    public init(name: String, code: String? = nil) {
        self.name = name
        self.code = code
    }
}

/// Tells whether a document was issued by the audited agency: from an
/// issuer the page names (a column, the document's page), else from the
/// agency's code in the number. A code that other issuers share ("UBND" of
/// a province and of its districts) tells nothing; then nil, never a guess.
struct DocumentOwner {
    let name: String
    let code: String?
    /// The agency's code is one many issuers use.
    let sharedCode: Bool
    private let nameWords: [Substring]
    private let foldedCode: String?
    private let abbreviations: [(long: [Substring], short: [Substring])]

    init(agency: AgencyIdentity, vocabulary: DocumentVocabulary) {
        name = agency.name
        code = agency.code
        abbreviations = vocabulary.issuerAbbreviations.map { (Words.of($0.key), Words.of($0.value)) }
            .sorted { $0.long.count > $1.long.count }
        foldedCode = agency.code.map { VietnameseText.fold($0).uppercased() }
        sharedCode = foldedCode.map { code in
            vocabulary.sharedIssuerCodes.contains { VietnameseText.fold($0).uppercased() == code }
        } ?? false
        nameWords = Self.words(agency.name, abbreviations)
    }

    /// - Parameter named: what told the issuer when one is named ("issuer", "page").
    func decide(issuer: String?, number: DocumentNumber?, named: String) -> (own: Bool, by: String)? {
        if let issuer, !issuer.trimmingCharacters(in: .whitespaces).isEmpty {
            let issuerWords = Self.words(issuer, abbreviations)
            if let foldedCode, issuerWords.map({ $0.uppercased() }) == [foldedCode] { return (true, named) }
            return (issuerWords.starts(with: nameWords), named)
        }
        guard let number, let foldedCode,
              let first = number.issuer.split(separator: "-").first.map({ VietnameseText.fold(String($0)).uppercased() }),
              !first.isEmpty else { return nil }
        if first != foldedCode { return (false, "code") }
        return sharedCode ? nil : (true, "code")
    }

    /// Folded words with long forms shortened: "Ủy ban nhân dân huyện" → ["ubnd", "huyen"].
    private static func words(_ text: String, _ abbreviations: [(long: [Substring], short: [Substring])]) -> [Substring] {
        var words = Words.of(text)
        for (long, short) in abbreviations {
            var index = 0
            while index + long.count <= words.count {
                if words[index..<(index + long.count)].elementsEqual(long) {
                    words.replaceSubrange(index..<(index + long.count), with: short)
                    index += short.count
                } else {
                    index += 1
                }
            }
        }
        return words
    }
}
