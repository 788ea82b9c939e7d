import DataFile
import Foundation
import HTML
import TextNormalization

/// A Vietnamese document number ("số/ký hiệu"): `2793/QĐ-UBND`,
/// `43/2011/NĐ-CP`, `125/TTr-STTTT`, `1240/STTTT-CNTT` (an official letter).
public struct DocumentNumber: Hashable, Sendable, Codable {
    /// As written, spaces removed: "2793/QĐ-UBND".
    public var text: String
    public var number: Int
    public var year: Int?
    /// Type code as written ("QĐ", "TTr"), or the untyped code ("CV").
    public var type: String
    /// Issuer codes as written ("UBND", "BTC-BTP").
    public var issuer: String

    /// Folded identity: "2793//QD-UBND".
    public var key: String {
        "\(number)/\(year.map(String.init) ?? "")/" + VietnameseText.fold(type).uppercased() + "-"
            + VietnameseText.fold(issuer).uppercased()
    }

    /// The first document number in `text`, with the shipped type codes.
    public static func parse(_ text: String) -> DocumentNumber? {
        DocumentNumberScanner.standard.all(in: text).first
    }
}

/// Finds document numbers in text. A number is DIGITS ["/" YEAR] "/" CODE
/// ("-" CODE)*, where a CODE starts with a letter; the first code is the type
/// when it is a known type code, otherwise the number is untyped.
public struct DocumentNumberScanner: Sendable {
    let typeCodes: [String: String]
    let untypedCode: String

    public init(vocabulary: DocumentVocabulary) {
        typeCodes = vocabulary.typeCodes
        untypedCode = vocabulary.untypedCode
    }

    public static let standard: DocumentNumberScanner = {
        let url = RuleSet.shippedDirectory.appendingPathComponent("documents.yaml")
        guard let vocabulary = try? YAMLFile.decode(DocumentVocabulary.self, from: url) else {
            fatalError("rules/documents.yaml is missing from the Detect bundle")
        }
        return DocumentNumberScanner(vocabulary: vocabulary)
    }()

    /// The full name of a type code ("QĐ" → "Quyết định").
    public func typeName(_ code: String) -> String? {
        typeCodes[VietnameseText.fold(code).uppercased()]
    }

    public func all(in text: String) -> [DocumentNumber] {
        let characters = Array(text)
        var found: [DocumentNumber] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !isNumberPart(characters[index - 1]) else {
                index += 1
                continue
            }
            if let (number, end) = scan(characters, index) {
                found.append(number)
                index = end
            } else {
                while index < characters.count && characters[index].isASCIIDigit { index += 1 }
            }
        }
        return found
    }

    private func isNumberPart(_ character: Character) -> Bool {
        character.isASCIIDigit || character == "/" || character.isLetter
    }

    private func scan(_ characters: [Character], _ start: Int) -> (DocumentNumber, Int)? {
        var index = start
        var digits = ""
        while index < characters.count && characters[index].isASCIIDigit && digits.count < 7 {
            digits.append(characters[index]); index += 1
        }
        guard let number = Int(digits), index < characters.count else { return nil }
        guard let afterSlash = skipSlash(characters, index) else { return nil }
        index = afterSlash
        var year: Int?
        if index + 4 <= characters.count, characters[index..<(index + 4)].allSatisfy(\.isASCIIDigit),
           index + 4 < characters.count, characters[index + 4] == "/" || characters[index + 4] == " " {
            year = Int(String(characters[index..<(index + 4)]))
            guard let afterYear = skipSlash(characters, index + 4) else { return nil }
            index = afterYear
        }
        var codes: [String] = []
        while index < characters.count, characters[index].isLetter {
            var code = ""
            while index < characters.count && (characters[index].isLetter || characters[index].isASCIIDigit) {
                code.append(characters[index]); index += 1
            }
            codes.append(code)
            guard let next = nextCode(characters, index) else { break }
            index = next
        }
        guard let first = codes.first, codes.joined().count >= 2 else { return nil }
        let typed = typeCodes[VietnameseText.fold(first).uppercased()] != nil
        let type = typed ? first : untypedCode
        let issuer = (typed ? Array(codes.dropFirst()) : codes).joined(separator: "-")
        let text = digits + "/" + (year.map { "\($0)/" } ?? "") + codes.joined(separator: "-")
        return (DocumentNumber(text: text, number: number, year: year, type: type, issuer: issuer), index)
    }

    /// The start of the next code after a dash: "QĐ-UBND", also "QĐ – UBND"
    /// and "QĐ‐UBND" as pages type them. A spaced dash must be followed by an
    /// upper-case code: "125/QĐ-UBND - Quyết định …" ends at "UBND".
    private func nextCode(_ characters: [Character], _ start: Int) -> Int? {
        var index = start
        while index < characters.count, characters[index] == " ", index - start < 1 { index += 1 }
        guard index < characters.count, "-–‐".contains(characters[index]) else { return nil }
        let spaced = index > start || characters[index] != "-"
        index += 1
        if spaced { while index < characters.count, characters[index] == " ", index - start < 3 { index += 1 } }
        guard index < characters.count, characters[index].isLetter || characters[index].isASCIIDigit else { return nil }
        if spaced {
            guard characters[index].isUppercase, index + 1 < characters.count,
                  characters[index + 1].isUppercase || characters[index + 1].isASCIIDigit else { return nil }
        }
        return index
    }

    /// Steps over "/" with optional spaces around it ("2798 /QĐ-UBND").
    private func skipSlash(_ characters: [Character], _ start: Int) -> Int? {
        var index = start
        while index < characters.count && characters[index] == " " && index - start < 2 { index += 1 }
        guard index < characters.count, characters[index] == "/" else { return nil }
        index += 1
        while index < characters.count && characters[index] == " " && index - start < 4 { index += 1 }
        return index
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
