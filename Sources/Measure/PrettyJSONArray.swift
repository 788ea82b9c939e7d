import Foundation

/// A pretty-printed JSON document written with the elements of one of its root's
/// arrays one at a time, byte for byte as the encoder writes the whole document:
/// the document encoded with the array empty is cut where the elements go, and
/// each element, encoded alone by the same encoder, is indented to its place.
public struct PrettyJSONArray {
    /// Up to and including `"KEY" : [`.
    let head: Data
    /// From the array's `]` to the end.
    let tail: Data
    /// The indent the encoder gives the root's keys, and the array's elements.
    let keyIndent: Data
    let itemIndent: Data
    /// The whole skeleton, written as is when no element comes.
    let skeleton: Data
    /// Elements written so far.
    public private(set) var count = 0

    /// - Parameter skeleton: the document with the array empty, from the encoder that encodes the elements.
    public init(skeleton: Data, key: String) throws {
        let bytes = [UInt8](skeleton)
        // Inside a JSON string every quote is escaped, so this is the key itself.
        let marker = Array("\"\(key)\" : [".utf8)
        guard bytes.count >= marker.count,
              let start = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<$0 + marker.count].elementsEqual(marker) }),
              let close = bytes[(start + marker.count)...].firstIndex(of: UInt8(ascii: "]")) else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "a JSON document without a \(key) array"])
        }
        let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        keyIndent = Data(bytes[lineStart..<start])
        itemIndent = keyIndent + keyIndent
        head = Data(bytes[..<(start + marker.count)])
        tail = Data(bytes[close...])
        self.skeleton = skeleton
    }

    /// The bytes that come before `element` (encoded alone) in the document.
    public mutating func element(_ element: Data) -> Data {
        var result = count == 0 ? head + Data("\n".utf8) : Data(",\n".utf8)
        count += 1
        result.append(Self.indented(element, by: itemIndent))
        return result
    }

    /// The bytes after the last element: the whole skeleton when there was none.
    public func end() -> Data {
        count == 0 ? skeleton : Data("\n".utf8) + keyIndent + tail
    }

    /// Every line that is not empty, indented: a JSON document's newlines are all
    /// between its tokens (its strings escape theirs), and an empty array's blank
    /// line stays blank as the encoder writes it.
    static func indented(_ document: Data, by indent: Data) -> Data {
        let newline = UInt8(ascii: "\n")
        var result = Data(capacity: document.count + document.count / 4)
        document.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            while start < raw.count {
                let end = raw[start...].firstIndex(of: newline).map { $0 + 1 } ?? raw.count
                if raw[start] != newline { result.append(indent) }
                result.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        return result
    }
}
