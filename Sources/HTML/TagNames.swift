import CLibXML2

/// Tag names matched on libxml2's bytes: a name of at most 8 bytes is one
/// packed word, so walks compare words instead of building a String per element.
struct TagNames {
    private let packed: [UInt64]
    private let long: Set<String>

    init(_ names: Set<String>) {
        packed = names.compactMap(Self.pack)
        long = names.filter { Self.pack($0) == nil }
    }

    func contains(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        if let word = Self.pack(name) { return packed.contains(word) }
        return long.contains(String(cString: name))
    }

    /// The name's bytes in one word; nil past 8 bytes.
    static func pack(_ name: UnsafePointer<xmlChar>) -> UInt64? {
        var word: UInt64 = 0
        for index in 0..<9 {
            let byte = name[index]
            if byte == 0 { return word }
            if index == 8 { return nil }
            word |= UInt64(byte) << UInt64(8 * index)
        }
        return nil
    }

    static func pack(_ name: String) -> UInt64? {
        guard name.utf8.count <= 8, !name.utf8.contains(0) else { return nil }
        return name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }
}
