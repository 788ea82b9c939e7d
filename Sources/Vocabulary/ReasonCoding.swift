/// What the JSON of every typed reason shares: `kind` holds the slug of the
/// reason's kind, or "recorded" for text worded before reasons were typed.
enum ReasonCoding {
    /// The slug of recorded text, beside the kinds' slugs.
    static let recordedKind = "recorded"

    /// The reason's kind; nil when the reason is recorded text. A slug that is
    /// neither is corrupt data, named with `noun` ("flag", "change").
    static func kind<Kind: RawRepresentable, Key: CodingKey>(_: Kind.Type, in values: KeyedDecodingContainer<Key>, at key: Key,
                                                            noun: String) throws -> Kind? where Kind.RawValue == String {
        let word = try values.decode(String.self, forKey: key)
        if word == recordedKind { return nil }
        guard let kind = Kind(rawValue: word) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: values, debugDescription: "unknown \(noun) kind `\(word)`")
        }
        return kind
    }
}
