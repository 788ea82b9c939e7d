import Foundation

/// Finished targets' measurements kept on disk as they end, one JSON document
/// each in a hidden folder of the run folder, until `assemble` writes
/// measurements.json from them one at a time: a run holds in memory only the
/// targets in flight, however many targets it has.
struct MeasurementsSpool {
    let folder: URL

    init(runFolder: URL) throws {
        folder = runFolder.appendingPathComponent(".measurements-spool")
        // A killed run's leftovers are never read: its targets are measured again.
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func store(_ measurement: TargetMeasurement) throws {
        try MeasurementsFile.encoder().encode(measurement).write(to: file(of: measurement.id), options: .atomic)
    }

    /// Writes measurements.json byte for byte as `MeasurementsFile.write` writes
    /// the whole file, with the stored targets of `ids` in that order, reading
    /// one target at a time; through a temporary file renamed at the end, so
    /// never half a file. Removes the spool.
    func assemble(into url: URL, generatedAt: Date, year: Int, rules: String, ids: [String]) throws {
        let skeleton = try MeasurementsFile.encoder().encode(MeasurementsFile(generatedAt: generatedAt, year: year, rules: rules, targets: []))
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: partial.path])
        }
        do {
            let output = try FileHandle(forWritingTo: partial)
            defer { try? output.close() }
            if ids.isEmpty {
                try output.write(contentsOf: skeleton)
            } else {
                let split = try Self.split(skeleton)
                try output.write(contentsOf: split.head)
                for (index, id) in ids.enumerated() {
                    var item = Data(index == 0 ? "\n".utf8 : ",\n".utf8)
                    item.append(Self.indented(try Data(contentsOf: file(of: id)), by: split.itemIndent))
                    try output.write(contentsOf: item)
                }
                try output.write(contentsOf: Data("\n".utf8) + split.keyIndent + split.tail)
            }
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        guard rename(partial.path, url.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
        remove()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(of id: String) -> URL {
        folder.appendingPathComponent("\(id).json")
    }

    /// The whole file's encoding with no targets, cut where its targets go:
    /// `head` ends with `"targets" : [`, `tail` starts with the array's `]`;
    /// the indents are those the encoder gives the root's keys and the array's items.
    struct Split {
        var head: Data
        var tail: Data
        var keyIndent: Data
        var itemIndent: Data
    }

    static func split(_ skeleton: Data) throws -> Split {
        let bytes = [UInt8](skeleton)
        // Inside a JSON string every quote is escaped, so this is the key itself.
        let key = Array(#""targets" : ["#.utf8)
        guard let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<$0 + key.count].elementsEqual(key) }),
              let close = bytes[(start + key.count)...].firstIndex(of: UInt8(ascii: "]")) else {
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "measurements.json without a targets array"])
        }
        let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let keyIndent = Data(bytes[lineStart..<start])
        return Split(head: Data(bytes[..<(start + key.count)]), tail: Data(bytes[close...]), keyIndent: keyIndent,
                     itemIndent: keyIndent + keyIndent)
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
