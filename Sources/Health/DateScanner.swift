import Foundation
import TextNormalization

/// Entry dates in page text: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (day and
/// month of one or two digits, any of the three separators between each) and
/// yyyy-mm-dd, each standing alone (no digit just before or after).
///
/// Scanned on the UTF-8 bytes, left to right, a match resuming after the
/// previous one: the same matches as the regular expressions
/// `(?<![0-9])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?![0-9])` and
/// `(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])`, which cost a UTF-16
/// copy of every page's text through Foundation. A match whose digits share
/// a Character with a neighbour (a combining mark over the last digit) is
/// passed over: it is no date, and the String path read a cut number there.
enum DateScanner {
    /// The newest date of a text's valid UTF-8 bytes, not after `reference`.
    static func newest(utf8 text: [UInt8], notAfter reference: DateComponents, earliestYear: Int) -> DateComponents? {
        let limit = (reference.year ?? 0, reference.month ?? 0, reference.day ?? 0)
        var newest: (Int, Int, Int)?
        text.withUnsafeBufferPointer { bytes in
            for (year, month, day) in dates(in: bytes) {
                guard year >= earliestYear, (1...12).contains(month), (1...31).contains(day) else { continue }
                let candidate = (year, month, day)
                guard candidate <= limit else { continue }
                if newest.map({ candidate > $0 }) ?? true { newest = candidate }
            }
        }
        return newest.map { DateComponents(year: $0.0, month: $0.1, day: $0.2) }
    }

    /// Every date written in `bytes` as (year, month, day), unchecked: the
    /// day-first matches, then the year-first ones.
    static func dates(in bytes: UnsafeBufferPointer<UInt8>) -> [(Int, Int, Int)] {
        var found: [(Int, Int, Int)] = []
        var index = nextDigit(bytes, from: 0)
        while index < bytes.count {
            if startsNumber(bytes, at: index), let (day, month, year, end) = dayFirst(bytes, at: index) {
                if isAlone(bytes, start: index, end: end) { found.append((year, month, day)) }
                index = end
            } else {
                index = nextDigit(bytes, from: index + 1)
            }
        }
        index = nextDigit(bytes, from: 0)
        while index < bytes.count {
            if startsNumber(bytes, at: index), let (year, month, day, end) = yearFirst(bytes, at: index) {
                if isAlone(bytes, start: index, end: end) { found.append((year, month, day)) }
                index = end
            } else {
                index = nextDigit(bytes, from: index + 1)
            }
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The index of the first digit at or after `index`, else the count: only
    /// a digit can start a date, and page text is mostly words, passed over
    /// eight bytes at a time.
    static func nextDigit(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = index
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Bit 7 of each byte in 0x30...0x39 (bytes from 0x80 up never set it).
            let low = word & 0x7F7F_7F7F_7F7F_7F7F
            // Per byte, without carries: 0xB9 - low is 0x80 or more below 0x3A, low + 0x50 from 0x30 on.
            let digits = (0xB9B9_B9B9_B9B9_B9B9 &- low) & ~word & (low &+ 0x5050_5050_5050_5050) & 0x8080_8080_8080_8080
            if digits != 0 { return index + (digits.trailingZeroBitCount >> 3) }
            index += 8
        }
        while index < bytes.count, !isDigit(bytes[index]) { index += 1 }
        return index
    }

    /// Whether the match's first and last digits are Characters of their own:
    /// only a scalar outside the fast ranges next to them can join them.
    private static func isAlone(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        if end < bytes.count, bytes[end] >= 0x80 {
            var after = end + 1
            while after < bytes.count, bytes[after] & 0xC0 == 0x80 { after += 1 }
            if joins([0x30] + bytes[end..<after]) { return false }
        }
        if start > 0, bytes[start - 1] >= 0x80 {
            var before = start - 1
            while before > 0, bytes[before] & 0xC0 == 0x80 { before -= 1 }
            if joins(Array(bytes[before..<start]) + [0x30]) { return false }
        }
        return true
    }

    /// Whether a digit and a scalar beside it make one Character.
    private static func joins(_ pair: [UInt8]) -> Bool {
        var text = String(decoding: pair, as: UTF8.self)
        if text.withUTF8({ CharacterCount.exceeds(1, utf8: $0) }) == true { return false }
        return text.count == 1
    }

    /// A digit with no digit before it.
    private static func startsNumber(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        isDigit(bytes[index]) && (index == 0 || !isDigit(bytes[index - 1]))
    }

    /// The run of digits at `index` when its length is in `lengths`: its value and end.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lengths: ClosedRange<Int>) -> (Int, Int)? {
        var end = index
        var value = 0
        while end < bytes.count, isDigit(bytes[end]), end - index < lengths.upperBound + 1 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        return lengths.contains(end - index) ? (value, end) : nil
    }

    private static func isDaySeparator(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x2E || byte == 0x2D }

    /// `d[d]` sep `m[m]` sep `yyyy`, the year not followed by a digit.
    private static func dayFirst(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int, Int, Int)? {
        guard let (day, afterDay) = number(bytes, at: index, lengths: 1...2), afterDay < bytes.count, isDaySeparator(bytes[afterDay]),
              let (month, afterMonth) = number(bytes, at: afterDay + 1, lengths: 1...2), afterMonth < bytes.count,
              isDaySeparator(bytes[afterMonth]),
              let (year, end) = number(bytes, at: afterMonth + 1, lengths: 4...4) else { return nil }
        return (day, month, year, end)
    }

    /// `yyyy-mm-dd`, the day not followed by a digit.
    private static func yearFirst(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int, Int, Int)? {
        guard let (year, afterYear) = number(bytes, at: index, lengths: 4...4), afterYear < bytes.count, bytes[afterYear] == 0x2D,
              let (month, afterMonth) = number(bytes, at: afterYear + 1, lengths: 2...2), afterMonth < bytes.count,
              bytes[afterMonth] == 0x2D,
              let (day, end) = number(bytes, at: afterMonth + 1, lengths: 2...2) else { return nil }
        return (year, month, day, end)
    }
}
