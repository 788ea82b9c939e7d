import CLibXML2

/// Tag names matched on libxml2's bytes: a name of at most 8 bytes is one
/// packed word, so walks compare words instead of building a String per element.
struct TagNames {
    private let packed: [UInt64]
    private let long: [String]

    init(_ names: Set<String>) {
        packed = names.compactMap(Self.pack)
        long = names.filter { Self.pack($0) == nil }
    }

    func contains(_ name: UnsafePointer<xmlChar>) -> Bool {
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

/// What a walk learnt about each tag name, kept by the name's address:
/// libxml2 interns a document's names in its dictionary, so a walk works a
/// name out once instead of packing and looking it up on every element. A
/// direct-mapped table on the stack: no allocation per walk.
struct NameCache<Value> {
    private var names = InlineArray<32, UnsafePointer<xmlChar>?>(repeating: nil)
    private var values: InlineArray<32, Value>

    init(placeholder: Value) {
        values = InlineArray(repeating: placeholder)
    }

    mutating func value(for name: UnsafePointer<xmlChar>, _ compute: (UnsafePointer<xmlChar>) -> Value) -> Value {
        // Fibonacci hashing of the whole address: the dictionary packs short
        // names next to each other, so low bits alone would collide.
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: name) &* 0x9E37_79B9_7F4A_7C15) >> 59)
        if names[slot] == name { return values[slot] }
        let value = compute(name)
        names[slot] = name
        values[slot] = value
        return value
    }
}
