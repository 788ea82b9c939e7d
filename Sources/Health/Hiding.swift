import Foundation

/// The ways a page hides content from readers while search engines still read it.
public enum HidingWay: String, Codable, Sendable, CaseIterable {
    case visible
    case displayNone = "display-none"
    case visibilityHidden = "visibility-hidden"
    case hiddenAttribute = "hidden-attribute"
    case offscreen
    case zeroSize = "zero-size"
    case sameColour = "same-colour"
    /// Served only to a search-engine user agent.
    case searchEngineOnly = "search-engine-only"
}

/// What one block of CSS declarations does to an element.
struct StyleEffect: Equatable {
    var hiding: HidingWay?
    var colour: String?
    var background: String?
}

/// One single-class or single-id rule of a `<style>` sheet that hides or colours.
struct HidingRule: Equatable {
    enum Selector: Equatable {
        case className(String)
        case id(String)
    }

    var selector: Selector
    var effect: StyleEffect
}

/// Reads hiding from inline styles and from the page's own simple class and id
/// rules (`.x{display:none}`, `#y{left:-9999px}`). External style sheets are
/// not read: what they hide is not seen, so nothing is said about it.
struct HidingDetector {
    private let offscreenPixels: Double
    private var classRules: [String: StyleEffect] = [:]
    private var idRules: [String: StyleEffect] = [:]
    /// The rules of each class attribute and the effect of each inline style
    /// seen: a page repeats a few values on hundreds of elements, and each is
    /// split or parsed once.
    private var classEffects: [String: [StyleEffect]] = [:]
    private var styleEffects: [String: StyleEffect] = [:]
    /// Values remembered at most per cache: the detector lives as long as the
    /// portal's sheets stay the same, and a hostile portal varies its values.
    private static let remembered = 4096

    /// Whether an element's class attribute can matter: no class rules, no need to read it.
    var readsClasses: Bool { !classRules.isEmpty }
    /// Whether an element's id can matter.
    var readsIDs: Bool { !idRules.isEmpty }

    /// A detector that knows the rules of the page's sheets, in page order (a later rule wins).
    init(offscreenPixels: Double, sheets: [[HidingRule]] = []) {
        self.offscreenPixels = offscreenPixels
        for rule in sheets.joined() {
            switch rule.selector {
            case .className(let name): classRules[name] = rule.effect
            case .id(let name): idRules[name] = rule.effect
            }
        }
    }

    /// The single-class and single-id rules of a `<style>` text, in its order.
    func rules(ofStyleSheet text: Substring) -> [HidingRule] {
        var found: [HidingRule] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let selectors = rest[..<open]
            let effect = effect(of: rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            guard effect.hiding != nil || effect.colour != nil || effect.background != nil else { continue }
            for raw in selectors.split(separator: ",") {
                // The last compound of the selector, without a leading tag name.
                let selector = raw.split(whereSeparator: { $0 == " " || $0 == ">" || $0 == "\n" || $0 == "\t" }).last.map(String.init) ?? ""
                if let dot = selector.firstIndex(of: "."), !selector[selector.index(after: dot)...].contains(where: { ".#:[".contains($0) }) {
                    found.append(HidingRule(selector: .className(String(selector[selector.index(after: dot)...])), effect: effect))
                } else if let hash = selector.firstIndex(of: "#"), !selector[selector.index(after: hash)...].contains(where: { ".#:[".contains($0) }) {
                    found.append(HidingRule(selector: .id(String(selector[selector.index(after: hash)...])), effect: effect))
                }
            }
        }
        return found
    }

    /// The effect of an element's attributes: `hidden`, its classes' and id's rules, then its inline style.
    mutating func effect(hiddenAttribute: Bool, classes: String?, id: String?, style: String?) -> StyleEffect {
        var result = StyleEffect()
        if hiddenAttribute { result.hiding = .hiddenAttribute }
        func apply(_ rule: StyleEffect) {
            result.hiding = result.hiding ?? rule.hiding
            result.colour = rule.colour ?? result.colour
            result.background = rule.background ?? result.background
        }
        if let classes, !classRules.isEmpty {
            if let known = classEffects[classes] {
                known.forEach(apply)
            } else {
                let rules = classes.split(separator: " ").compactMap { classRules[String($0)] }
                if classEffects.count >= Self.remembered { classEffects = [:] }
                classEffects[classes] = rules
                rules.forEach(apply)
            }
        }
        if let id, let rule = idRules[id] { apply(rule) }
        if let style {
            if let known = styleEffects[style] {
                apply(known)
            } else {
                let parsed = effect(of: style[...])
                if styleEffects.count >= Self.remembered { styleEffects = [:] }
                styleEffects[style] = parsed
                apply(parsed)
            }
        }
        return result
    }

    /// Parses `prop: value; …` into the hiding it causes and the colours it sets.
    func effect(of declarations: Substring) -> StyleEffect {
        var properties: [String: String] = [:]
        for declaration in declarations.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let value = declaration[declaration.index(after: colon)...].lowercased()
                .replacingOccurrences(of: "!important", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            properties[name] = value
        }
        var effect = StyleEffect()
        effect.colour = properties["color"].flatMap(Colour.normalized)
        effect.background = (properties["background-color"] ?? properties["background"]).flatMap(Colour.normalized)
        if properties["display"] == "none" {
            effect.hiding = .displayNone
        } else if properties["visibility"] == "hidden" || properties["visibility"] == "collapse" {
            effect.hiding = .visibilityHidden
        } else if ["left", "top", "right", "bottom", "margin-left", "margin-top", "text-indent"].contains(where: {
            properties[$0].flatMap(Self.pixels).map { $0 <= -offscreenPixels } ?? false
        }) {
            effect.hiding = .offscreen
        } else if Self.isZero(properties["font-size"])
                    || ((Self.isZero(properties["width"]) || Self.isZero(properties["height"])
                         || Self.isZero(properties["max-height"]) || Self.isZero(properties["max-width"]))
                        && properties["overflow"] == "hidden") {
            effect.hiding = .zeroSize
        } else if let colour = effect.colour, colour == effect.background {
            effect.hiding = .sameColour
        }
        return effect
    }

    /// A length in pixels (em and rem at 16 px); nil for anything else.
    static func pixels(_ value: String) -> Double? {
        let trimmed = value.split(separator: " ").first.map(String.init) ?? value
        for (unit, factor) in [("px", 1.0), ("rem", 16.0), ("em", 16.0)] where trimmed.hasSuffix(unit) {
            return Double(trimmed.dropLast(unit.count)).map { $0 * factor }
        }
        return Double(trimmed)
    }

    static func isZero(_ value: String?) -> Bool {
        guard let value else { return false }
        return pixels(value) == 0 || value == "0%"
    }
}

/// CSS colours in one spelling (#rrggbb) so equal colours compare equal.
enum Colour {
    private static let names = ["white": "#ffffff", "black": "#000000", "red": "#ff0000", "blue": "#0000ff",
                                "green": "#008000", "yellow": "#ffff00", "gray": "#808080", "grey": "#808080",
                                "silver": "#c0c0c0", "navy": "#000080", "transparent": "transparent"]

    static func normalized(_ value: String) -> String? {
        let token = value.trimmingCharacters(in: .whitespaces)
        if let named = names[token] { return named }
        if token.hasPrefix("#") {
            let hex = token.dropFirst()
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            if hex.count == 3 { return "#" + hex.map { "\($0)\($0)" }.joined() }
            return hex.count == 6 ? "#" + hex : nil
        }
        if token.hasPrefix("rgb(") && token.hasSuffix(")") {
            let parts = token.dropFirst(4).dropLast().split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, parts.allSatisfy({ (0...255).contains($0) }) else { return nil }
            return "#" + parts.map { String(format: "%02x", $0) }.joined()
        }
        return nil
    }
}
