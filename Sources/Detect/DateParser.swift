import DataFile
import Foundation
import HTML
import TextNormalization

/// A calendar date read from text, with the time when one follows it.
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
}

/// Reads the dates portals print: "27/07/2022 | 04:04 PM", "13/05/2016 | 4:59 PM",
/// "(Ngày đăng :01/10/2013 12:00:00 SA)", "(04/08/2016 08:32)", "2020-12-15",
/// "ngày 15 tháng 12 năm 2020". A byte scanner: pages hold many dates and
/// regular expressions are slow here.
public struct DateParser: Sendable {
    let separators: Set<UInt8>
    let afternoon: Set<String>
    let morning: Set<String>
    let verbal: (day: String, month: String, year: String)
    let years: ClosedRange<Int>

    public init(vocabulary: DateVocabulary) {
        separators = Set(vocabulary.separators.compactMap { $0.utf8.count == 1 ? $0.utf8.first : nil })
        afternoon = Set(vocabulary.afternoon.map(VietnameseText.fold))
        morning = Set(vocabulary.morning.map(VietnameseText.fold))
        verbal = (VietnameseText.fold(vocabulary.verbal.day), VietnameseText.fold(vocabulary.verbal.month),
                  VietnameseText.fold(vocabulary.verbal.year))
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

    /// Every date in `text`: numeric ones in order, then verbal ones.
    /// Pass `folded` when the caller already has the folded text.
    public func all(in text: String, folded: String? = nil) -> [FoundDate] {
        var found = numeric(in: Array(text.utf8))
        let foldedText = folded ?? VietnameseText.fold(text)
        if foldedText.contains(verbal.month) {
            found += verbalDates(in: foldedText)
        }
        return found
    }

    // MARK: - Numeric dates

    private func numeric(in bytes: [UInt8]) -> [FoundDate] {
        var found: [FoundDate] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigitOrSeparator(bytes[index - 1], bytes, index - 1) else {
                index += 1
                continue
            }
            if let (date, end) = dayMonthYear(bytes, index) ?? yearMonthDay(bytes, index) {
                let (withTime, after) = time(bytes, end, date)
                found.append(withTime)
                index = after
            } else {
                while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            }
        }
        return found
    }

    /// A digit run preceded by a separator that itself follows a digit
    /// ("2020/12/15" inside a longer number) must not start a date.
    private func isDigitOrSeparator(_ byte: UInt8, _ bytes: [UInt8], _ at: Int) -> Bool {
        if isDigit(byte) { return true }
        return separators.contains(byte) && at > 0 && isDigit(bytes[at - 1])
    }

    private func number(_ bytes: [UInt8], _ start: Int, digits: ClosedRange<Int>) -> (Int, Int)? {
        var end = start
        var value = 0
        while end < bytes.count && isDigit(bytes[end]) && end - start < digits.upperBound + 1 {
            value = value * 10 + Int(bytes[end] - 48)
            end += 1
        }
        guard digits.contains(end - start), end >= bytes.count || !isDigit(bytes[end]) else { return nil }
        return (value, end)
    }

    private func dayMonthYear(_ bytes: [UInt8], _ start: Int) -> (FoundDate, Int)? {
        guard let (day, afterDay) = number(bytes, start, digits: 1...2), afterDay < bytes.count,
              separators.contains(bytes[afterDay]) else { return nil }
        let separator = bytes[afterDay]
        guard let (month, afterMonth) = number(bytes, afterDay + 1, digits: 1...2), afterMonth < bytes.count,
              bytes[afterMonth] == separator,
              let (year, end) = number(bytes, afterMonth + 1, digits: 4...4) else { return nil }
        if end < bytes.count && separators.contains(bytes[end]) && end + 1 < bytes.count && isDigit(bytes[end + 1]) {
            return nil
        }
        return valid(year: year, month: month, day: day).map { ($0, end) }
    }

    private func yearMonthDay(_ bytes: [UInt8], _ start: Int) -> (FoundDate, Int)? {
        guard let (year, afterYear) = number(bytes, start, digits: 4...4), afterYear < bytes.count,
              bytes[afterYear] == UInt8(ascii: "-"),
              let (month, afterMonth) = number(bytes, afterYear + 1, digits: 2...2), afterMonth < bytes.count,
              bytes[afterMonth] == UInt8(ascii: "-"),
              let (day, end) = number(bytes, afterMonth + 1, digits: 2...2) else { return nil }
        return valid(year: year, month: month, day: day).map { ($0, end) }
    }

    /// An optional time after the date: " | 04:04 PM", " 12:00:00 SA", "T08:32:00".
    private func time(_ bytes: [UInt8], _ start: Int, _ date: FoundDate) -> (FoundDate, Int) {
        var index = start
        var skipped = 0
        while index < bytes.count && skipped < 4
                && (bytes[index] == 32 || bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: ",")
                    || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "T")) {
            index += 1
            skipped += 1
        }
        guard let (hour, afterHour) = number(bytes, index, digits: 1...2), afterHour < bytes.count,
              bytes[afterHour] == UInt8(ascii: ":"),
              let (minute, afterMinute) = number(bytes, afterHour + 1, digits: 2...2),
              hour < 24, minute < 60 else { return (date, start) }
        var end = afterMinute
        if end + 2 < bytes.count, bytes[end] == UInt8(ascii: ":"), let (_, afterSecond) = number(bytes, end + 1, digits: 2...2) {
            end = afterSecond
        }
        var result = date
        result.hour = hour
        result.minute = minute
        // AM/PM marker ("PM", "CH", "SA", "AM").
        var markerStart = end
        while markerStart < bytes.count && bytes[markerStart] == 32 { markerStart += 1 }
        var markerEnd = markerStart
        while markerEnd < bytes.count && markerEnd - markerStart < 6
                && ((bytes[markerEnd] >= 65 && bytes[markerEnd] <= 90) || (bytes[markerEnd] >= 97 && bytes[markerEnd] <= 122)) {
            markerEnd += 1
        }
        if markerEnd > markerStart {
            let marker = String(decoding: bytes[markerStart..<markerEnd], as: UTF8.self).lowercased()
            if afternoon.contains(marker) {
                if hour < 12 { result.hour = hour + 12 }
                end = markerEnd
            } else if morning.contains(marker) {
                if hour == 12 { result.hour = 0 }
                end = markerEnd
            }
        }
        return (result, end)
    }

    // MARK: - Verbal dates ("ngày 15 tháng 12 năm 2020")

    private func verbalDates(in folded: String) -> [FoundDate] {
        let words = folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        var found: [FoundDate] = []
        var index = 0
        while index + 5 < words.count {
            if words[index] == verbal.day, words[index + 2] == verbal.month, words[index + 4] == verbal.year,
               let day = Int(words[index + 1]), let month = Int(words[index + 3]), let year = Int(words[index + 5]),
               let date = valid(year: year, month: month, day: day) {
                found.append(date)
                index += 6
            } else {
                index += 1
            }
        }
        return found
    }

    private func valid(year: Int, month: Int, day: Int) -> FoundDate? {
        guard years.contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return FoundDate(year: year, month: month, day: day)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
