import DataFile
import Foundation
import HTML
import TextNormalization

/// A calendar date read from text, with the time when one stands beside it.
public struct FoundDate: Hashable, Sendable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int?
    public var minute: Int?

    public var components: DateComponents {
        DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// "2020-12-15".
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Whether the day comes after `date`'s day (times aside).
    func isAfter(_ date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let today = calendar.dateComponents([.year, .month, .day], from: date)
        return (year, month, day) > (today.year ?? 0, today.month ?? 0, today.day ?? 0)
    }
}

/// Reads the dates portals print: "27/07/2022 | 04:04 PM", "10h30 ngày 12/4/2021",
/// "(Ngày đăng :01/10/2013 12:00:00 SA)", "Thứ Hai, 12/04/2021", "2020-12-15T08:00:00+07:00",
/// "ngày 15 tháng 12 năm 2020", "12 Tháng Tư, 2021", "April 12, 2021", "12/04/21 10:30".
/// The text is folded first (case, diacritics, zero-width characters, NFD),
/// then scanned as bytes from each run of digits: pages hold many dates and
/// regular expressions are slow here. The words come from rules/dates.yaml.
public struct DateParser: Sendable {
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    let separators: Set<UInt8>
    let afternoon: Set<[UInt8]>
    let morning: Set<[UInt8]>
    let verbalMonth: [UInt8]
    let verbalYear: [UInt8]
    /// Month names as folded word lists, longest first ("thang muoi mot" before "thang muoi").
    let months: [(words: [[UInt8]], month: Int)]
    let hourLetters: Set<[UInt8]>
    let joiners: Set<[UInt8]>
    let twoDigitCentury: Int
    let twoDigitAfterWords: Set<[UInt8]>
    let years: ClosedRange<Int>

    public init(vocabulary: DateVocabulary) {
        func folded(_ text: String) -> [UInt8] { Array(VietnameseText.fold(text).utf8) }
        func words(_ text: String) -> [[UInt8]] {
            VietnameseText.fold(text).split(separator: " ").map { Array($0.utf8) }
        }
        separators = Set(vocabulary.separators.compactMap { $0.utf8.count == 1 ? $0.utf8.first : nil })
        // "P.M." is read as the letters "pm".
        afternoon = Set(vocabulary.afternoon.map { folded($0).filter { $0 != UInt8(ascii: ".") } })
        morning = Set(vocabulary.morning.map { folded($0).filter { $0 != UInt8(ascii: ".") } })
        verbalMonth = folded(vocabulary.verbal.month)
        verbalYear = folded(vocabulary.verbal.year)
        months = vocabulary.monthNames.enumerated().flatMap { index, names in
            names.map { name in (words(name.replacingOccurrences(of: ".", with: "")), index + 1) }
        }.sorted { $0.words.count > $1.words.count }
        hourLetters = Set(vocabulary.hourLetters.map(folded))
        joiners = Set(vocabulary.joiners.map(folded) + vocabulary.weekdays.flatMap(words))
        twoDigitCentury = vocabulary.twoDigitYears.century
        twoDigitAfterWords = Set(vocabulary.twoDigitYears.afterWords.flatMap(words))
        years = vocabulary.minYear...vocabulary.maxYear
    }

    /// The parser with the vocabulary shipped in `rules/dates.yaml`.
    public static let standard: DateParser = {
        let url = RuleSet.shippedDirectory.appendingPathComponent("dates.yaml")
        guard let vocabulary = try? YAMLFile.decode(DateVocabulary.self, from: url) else {
            fatalError("rules/dates.yaml is missing from the Detect bundle")
        }
        return DateParser(vocabulary: vocabulary)
    }()

    /// The first date in `text`, as date components.
    public static func parse(_ text: String) -> DateComponents? {
        standard.all(in: text).first?.components
    }

    /// The first date in `text` as a `Date` (UTC+7, the portals' time zone).
    public static func date(_ text: String) -> Date? {
        guard let found = standard.all(in: text).first else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar.date(from: found.components)
    }

    /// Every date in `text`, in the order they are written.
    /// Pass `folded` when the caller already has the folded text.
    public func all(in text: String, folded: String? = nil) -> [FoundDate] {
        // Dates are read from runs of ASCII digits, which folding neither makes nor drops:
        // most texts asked (titles, containers of links) hold none and are not folded.
        guard folded != nil || text.containsASCIIDigit else { return [] }
        var foldedText = folded ?? VietnameseText.fold(text)
        return foldedText.withUTF8 { scan($0) }
    }

    // MARK: - Scanning

    private struct Span {
        var start: Int
        var end: Int
    }

    private struct Time {
        var span: Span
        var hour: Int
        var minute: Int
    }

    private struct Dated {
        var span: Span
        var date: FoundDate
        var twoDigitYear: Bool
    }

    private func scan(_ bytes: Bytes) -> [FoundDate] {
        var dates: [Dated] = []
        var times: [Time] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            if let dated = numericDate(bytes, index) ?? namedDate(bytes, index) {
                dates.append(dated)
                index = dated.span.end
            } else if let time = time(bytes, index) {
                times.append(time)
                index = time.span.end
            } else {
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
        }
        guard !dates.isEmpty else { return [] }
        return dates.compactMap { dated in
            var date = dated.date
            // The time written right after the date, else right before it.
            let time = times.first { $0.span.start >= dated.span.end && onlyJoiners(bytes, dated.span.end, $0.span.start) }
                ?? times.last { $0.span.end <= dated.span.start && onlyJoiners(bytes, $0.span.end, dated.span.start) }
            if dated.twoDigitYear && time == nil && !followsLabel(bytes, dated.span.start) { return nil }
            date.hour = time?.hour
            date.minute = time?.minute
            return date
        }
    }

    /// d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, d/m/yy and yyyy-mm-dd, yyyy/mm/dd: one
    /// separator, no spaces, not inside a longer run of numbers ("1/2/2020/3",
    /// "43/2011/NĐ-CP" fail on the month, "12/12/12345" on the year).
    private func numericDate(_ bytes: Bytes, _ start: Int) -> Dated? {
        if start >= 2, separators.contains(bytes[start - 1]), isDigit(bytes[start - 2]) { return nil }
        guard let first = number(bytes, start), first.end < bytes.count, separators.contains(bytes[first.end]) else { return nil }
        let separator = bytes[first.end]
        guard let second = number(bytes, first.end + 1), second.digits <= 2, second.end < bytes.count,
              bytes[second.end] == separator, let third = number(bytes, second.end + 1) else { return nil }
        let end = third.end
        if end + 1 < bytes.count, separators.contains(bytes[end]), isDigit(bytes[end + 1]) { return nil }
        let span = Span(start: start, end: end)
        if first.digits == 4 && third.digits <= 2 {
            return valid(year: first.value, month: second.value, day: third.value).map { Dated(span: span, date: $0, twoDigitYear: false) }
        }
        guard first.digits <= 2 else { return nil }
        if third.digits == 4 {
            return valid(year: third.value, month: second.value, day: first.value).map { Dated(span: span, date: $0, twoDigitYear: false) }
        }
        guard third.digits == 2, separator != UInt8(ascii: ".") else { return nil }
        return valid(year: twoDigitCentury + third.value, month: second.value, day: first.value)
            .map { Dated(span: span, date: $0, twoDigitYear: true) }
    }

    /// "15 tháng 12 năm 2020", "15 tháng 12, 2020", "12 tháng tư, 2021",
    /// "12 April 2021" (the day first), or "April 12, 2021",
    /// "tháng tư 12, 2021" (the month name just before the day).
    private func namedDate(_ bytes: Bytes, _ start: Int) -> Dated? {
        guard let day = number(bytes, start), day.digits <= 2 else { return nil }
        var at = skipSpaces(bytes, day.end)
        var month: Int?
        if let (value, end) = monthName(bytes, at) {
            month = value
            at = end
        } else if let end = word(verbalMonth, bytes, at), let value = number(bytes, skipSpaces(bytes, end)), value.digits <= 2 {
            month = value.value
            at = value.end
        }
        var spanStart = start
        if month == nil, let (value, nameStart) = monthNameEnding(bytes, before: start) {
            month = value
            spanStart = nameStart
            at = day.end
        }
        guard let month else { return nil }
        // Between month and year: ",", "/", "năm", or only a space.
        at = skipSpaces(bytes, at)
        if at < bytes.count, bytes[at] == UInt8(ascii: ",") || bytes[at] == UInt8(ascii: "/") { at = skipSpaces(bytes, at + 1) }
        else if let end = word(verbalYear, bytes, at) { at = skipSpaces(bytes, end) }
        guard let year = number(bytes, at), year.digits == 4, let date = valid(year: year.value, month: month, day: day.value) else {
            return nil
        }
        return Dated(span: Span(start: spanStart, end: year.end), date: date, twoDigitYear: false)
    }

    /// hh:mm, hh:mm:ss, "10h30", "10h", "10 giờ 30", each with an optional AM/PM mark.
    private func time(_ bytes: Bytes, _ start: Int) -> Time? {
        guard let hour = number(bytes, start), hour.digits <= 2 else { return nil }
        var minute = 0
        var end: Int
        if hour.end < bytes.count, bytes[hour.end] == UInt8(ascii: ":") {
            guard let minutes = number(bytes, hour.end + 1), minutes.digits == 2 else { return nil }
            minute = minutes.value
            end = minutes.end
            if end < bytes.count, bytes[end] == UInt8(ascii: ":"), let seconds = number(bytes, end + 1), seconds.digits == 2 {
                end = seconds.end
            }
        } else {
            let letterStart = bytes.count > hour.end && bytes[hour.end] == 32 ? hour.end + 1 : hour.end
            let letterEnd = wordEnd(bytes, letterStart)
            guard letterEnd > letterStart, hourLetters.contains(Array(bytes[letterStart..<letterEnd])),
                  letterEnd - letterStart > 1 || letterStart == hour.end else { return nil }
            end = letterEnd
            let minuteStart = letterStart == hour.end ? letterEnd : skipSpaces(bytes, letterEnd)
            if let minutes = number(bytes, minuteStart), minutes.digits <= 2 {
                minute = minutes.value
                end = minutes.end
            }
        }
        guard hour.value < 24, minute < 60 else { return nil }
        var value = hour.value
        let markStart = skipSpaces(bytes, end)
        var markEnd = markStart
        var mark: [UInt8] = []
        // Letters and dots: "PM", "p.m.".
        while markEnd < bytes.count, mark.count < 6, isLetter(bytes[markEnd]) || bytes[markEnd] == UInt8(ascii: ".") {
            if bytes[markEnd] != UInt8(ascii: ".") { mark.append(bytes[markEnd]) }
            markEnd += 1
        }
        if !mark.isEmpty, markEnd == bytes.count || !isLetter(bytes[markEnd]) {
            if afternoon.contains(mark), (1...12).contains(value) {
                if value < 12 { value += 12 }
                end = markEnd
            } else if morning.contains(mark), (1...12).contains(value) {
                if value == 12 { value = 0 }
                end = markEnd
            }
        }
        return Time(span: Span(start: start, end: end), hour: value, minute: minute)
    }

    // MARK: - Pieces

    private func number(_ bytes: Bytes, _ start: Int) -> (value: Int, digits: Int, end: Int)? {
        var end = start
        var value = 0
        while end < bytes.count && isDigit(bytes[end]) {
            if end - start < 5 { value = value * 10 + Int(bytes[end] - 48) }
            end += 1
        }
        guard end > start, end - start <= 4 else { return nil }
        return (value, end - start, end)
    }

    private func skipSpaces(_ bytes: Bytes, _ start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] == 32 { index += 1 }
        return index
    }

    private func wordEnd(_ bytes: Bytes, _ start: Int) -> Int {
        var end = start
        while end < bytes.count && isLetter(bytes[end]) { end += 1 }
        return end
    }

    /// The end of `word` when the text holds it, whole, at `start`.
    private func word(_ word: [UInt8], _ bytes: Bytes, _ start: Int) -> Int? {
        let end = start + word.count
        guard end <= bytes.count, (end == bytes.count || !isLetter(bytes[end])) else { return nil }
        for offset in 0..<word.count where bytes[start + offset] != word[offset] { return nil }
        return end
    }

    /// A month name starting at `start`; a dot after an abbreviation is part of it.
    private func monthName(_ bytes: Bytes, _ start: Int) -> (Int, Int)? {
        guard start < bytes.count, isLetter(bytes[start]) else { return nil }
        for (words, month) in months {
            var at = start
            var matched = true
            for (index, name) in words.enumerated() {
                if index > 0 {
                    guard at < bytes.count, bytes[at] == 32 else { matched = false; break }
                    at += 1
                }
                guard let end = word(name, bytes, at) else { matched = false; break }
                at = end
            }
            if matched {
                if at < bytes.count, bytes[at] == UInt8(ascii: ".") { at += 1 }
                return (month, at)
            }
        }
        return nil
    }

    /// A month name ending just before the day (one space between): "April 12".
    private func monthNameEnding(_ bytes: Bytes, before dayStart: Int) -> (Int, Int)? {
        guard dayStart >= 2, bytes[dayStart - 1] == 32 else { return nil }
        // Try each word start among the last few words before the day.
        var start = dayStart - 1
        var wordsBack = 0
        while start > 0 && wordsBack < 3 {
            start -= 1
            if start == 0 || bytes[start - 1] == 32 {
                wordsBack += 1
                if let (month, end) = monthName(bytes, start), end == dayStart - 1 { return (month, start) }
            }
        }
        return nil
    }

    /// Whether only spaces, punctuation and joiner words stand between two
    /// places, and not many of them: a date and its time belong together.
    private func onlyJoiners(_ bytes: Bytes, _ from: Int, _ to: Int) -> Bool {
        guard to - from <= 24 else { return false }
        var index = from
        while index < to {
            let byte = bytes[index]
            if isLetter(byte) {
                let end = min(wordEnd(bytes, index), to)
                var end2 = end
                // "t2", "t7": a letter and a digit name a weekday.
                while end2 < to && isDigit(bytes[end2]) { end2 += 1 }
                guard joiners.contains(Array(bytes[index..<end2])) else { return false }
                index = end2
            } else if isDigit(byte) {
                return false
            } else {
                guard " |,-()[]/:".utf8.contains(byte) else { return false }
                index += 1
            }
        }
        return true
    }

    /// Whether a label word ("ngày", "cập nhật", "date") comes within the three words before `start`.
    private func followsLabel(_ bytes: Bytes, _ start: Int) -> Bool {
        var index = start
        var words = 0
        while index > 0 && words < 3 {
            index -= 1
            guard isLetter(bytes[index]) else { continue }
            let end = index + 1
            while index > 0 && isLetter(bytes[index - 1]) { index -= 1 }
            words += 1
            if twoDigitAfterWords.contains(Array(bytes[index..<end])) { return true }
        }
        return false
    }

    private func valid(year: Int, month: Int, day: Int) -> FoundDate? {
        guard years.contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return FoundDate(year: year, month: month, day: day)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Letters of folded text: ASCII lower case, and any byte of a non-ASCII letter left by folding.
    private func isLetter(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || byte >= 0x80 }
}

extension String {
    /// Whether the text holds an ASCII digit, scanned on its bytes: no date,
    /// nor any number the readers take, is written without one.
    var containsASCIIDigit: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains { $0 &- 0x30 < 10 } } ?? utf8.contains { $0 &- 0x30 < 10 }
    }
}
