import Foundation

/// Reads measurements.json one target at a time: the file is scanned in chunks
/// and each element of its `targets` array is decoded alone, so memory holds one
/// target's measurement, however many targets the file has. Decodes exactly
/// what `MeasurementsFile.read` decodes.
public struct MeasurementsReader {
    /// The file's fields other than its targets (`targets` is empty).
    public typealias Header = MeasurementsFile

    public let url: URL
    /// Bytes read from the file at a time.
    var chunkSize = 1 << 20

    public init(url: URL) {
        self.url = url
    }

    /// Calls `body` with each target in the file's order; returns the file's other
    /// fields, known only once the whole file is read (`year` follows `targets`).
    @discardableResult
    public func forEachTarget(_ body: (TargetMeasurement) throws -> Void) throws -> Header {
        let decoder = MeasurementsFile.decoder()
        return try decoder.decode(MeasurementsFile.self, from: forEach(TargetMeasurement.self, decoder: decoder, body))
    }

    /// Decodes each element of `targets` as `Element` and calls `body` with it;
    /// returns the rest of the document, its `targets` empty.
    public func forEach<Element: Decodable>(_ type: Element.Type, decoder: JSONDecoder, _ body: (Element) throws -> Void) throws -> Data {
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var scanner = TargetsScanner()
        while let chunk = try input.read(upToCount: chunkSize), !chunk.isEmpty {
            try scanner.feed(chunk) { element in try body(decoder.decode(Element.self, from: element)) }
        }
        return scanner.skeleton
    }
}

/// Splits a JSON document's top-level `targets` array into its elements as the
/// bytes arrive; everything else, with the array left empty, is the skeleton.
struct TargetsScanner {
    private(set) var skeleton = Data()
    /// The element read so far, when it spans chunks.
    private var element = Data()
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Strings at depth 1 are the root's keys and short values: the one before a colon is the key being read.
    private var string: [UInt8] = []
    private var lastString: [UInt8] = []
    private var key: [UInt8] = []
    private var inTargets = false
    private static let targetsKey = Array("targets".utf8)

    mutating func feed(_ chunk: Data, element emit: (Data) throws -> Void) throws {
        try chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            // Where the current element starts in this chunk; nil outside an element.
            var start: Int? = inTargets && depth >= 3 ? 0 : nil
            for index in bytes.indices {
                let byte = bytes[index]
                let inElement = inTargets && depth >= 3
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 1 { lastString = string }
                    } else if depth == 1 {
                        string.append(byte)
                    }
                    if !inElement { skeleton.append(byte) }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    string.removeAll(keepingCapacity: true)
                case UInt8(ascii: ":") where depth == 1:
                    key = lastString
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    if depth == 2 && byte == UInt8(ascii: "[") && key == Self.targetsKey {
                        inTargets = true
                        skeleton.append(byte)
                        continue
                    }
                    if inTargets && depth == 3 { start = index }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if inTargets && depth == 2, let first = start {
                        element.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[first...index]))
                        try emit(element)
                        element.removeAll(keepingCapacity: true)
                        start = nil
                        continue
                    }
                    if inTargets && depth == 1 { inTargets = false }
                default:
                    break
                }
                // Separators between the elements are left out with them: the skeleton's array is empty.
                if !(inTargets && depth >= 2) && !inElement { skeleton.append(byte) }
            }
            if let first = start { element.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[first...])) }
        }
    }
}
