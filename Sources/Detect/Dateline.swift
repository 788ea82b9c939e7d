import Foundation

/// A dateline opening an article's first line of body text: «(Mường Bám,
/// ngày 25 tháng 10 năm 2025) - UBND xã …», «Sơn La, 12/3/2025 – …». It is
/// the article's date; a date later in the text ("từ ngày 01/01/2025") or a
/// sentence that starts with its event's date ("Ngày 12/3, Sở … tổ chức")
/// is not: a dateline is a place, a comma, a short date part and a closer.
struct Dateline {
    let rule: DateVocabulary.Dateline
    let dates: DateParser

    func date(opening line: String) -> FoundDate? {
        var text = Substring(line).drop(while: \.isWhitespace)
        if text.first == "(" { text = text.dropFirst() }
        guard let comma = text.firstIndex(of: ","), text.distance(from: text.startIndex, to: comma) <= rule.maxChars else { return nil }
        let place = text[..<comma].split(separator: " ")
        // A place is a few capitalised words: «Sơn La», «TP. Hồ Chí Minh».
        guard (1...rule.maxPlaceWords).contains(place.count),
              place.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        let rest = text[text.index(after: comma)...]
        let closer = rule.closers.compactMap { rest.range(of: $0)?.lowerBound }.min()
        guard let closer, rest.distance(from: rest.startIndex, to: closer) <= rule.maxChars else { return nil }
        let part = String(rest[..<closer])
        // Nothing but the date: "ngày 25 tháng 10 năm 2025", "12/3/2025".
        guard Words.of(part).count <= rule.maxDateWords else { return nil }
        return dates.all(in: part).first
    }
}
