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
        var array = try PrettyJSONArray(skeleton: skeleton, key: "targets")
        let output = try PartialFile(url)
        for id in ids {
            try output.write(array.element(try Data(contentsOf: file(of: id))))
        }
        try output.write(array.end())
        try output.commit()
        remove()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(of id: String) -> URL {
        folder.appendingPathComponent("\(id).json")
    }
}
