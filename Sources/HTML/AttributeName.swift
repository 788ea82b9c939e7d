import CLibXML2

/// An attribute name lower-cased once: a walk that asks every element for the
/// same attributes compares bytes instead of lower-casing the name per lookup.
public struct AttributeName: Sendable, Hashable {
    let lowered: [UInt8]

    public init(_ name: String) {
        lowered = Array(name.lowercased().utf8)
    }
}

extension HTMLNode {
    /// The attribute value with entities decoded, or nil when absent.
    /// Reads the attribute's text children directly: no allocation by libxml2.
    public func attribute(_ name: AttributeName) -> String? {
        guard let attribute = find(name) else { return nil }
        var value = ""
        var child = attribute.pointee.children
        while let text = child {
            if let content = text.pointee.content { value += String(cString: content) }
            child = text.pointee.next
        }
        return value
    }

    /// Whether the attribute is present, without reading its value.
    public func hasAttribute(_ name: AttributeName) -> Bool {
        find(name) != nil
    }

    private func find(_ name: AttributeName) -> xmlAttrPtr? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, Self.equalsIgnoringASCIICase(attributeName, name.lowered) { return current }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether a C string is `lowered` (lower-case bytes) in any ASCII case,
    /// without building a String per attribute.
    private static func equalsIgnoringASCIICase(_ name: UnsafePointer<xmlChar>, _ lowered: [UInt8]) -> Bool {
        var index = 0
        while true {
            let byte = name[index]
            if byte == 0 { return index == lowered.count }
            if byte >= 0x80 { return String(cString: name).lowercased().utf8.elementsEqual(lowered) }
            guard index < lowered.count else { return false }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if folded != lowered[index] { return false }
            index += 1
        }
    }
}
