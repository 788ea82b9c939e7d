import DataFile
import Foundation

/// The workspace's limits (Resources/workspace.yaml).
public struct WorkspacePolicy: Sendable, Equatable {
    public var sessionLifetime: TimeInterval
    public var loginWindow: TimeInterval
    public var maxFailuresPerName: Int
    public var maxFailuresPerAddress: Int
    public var bcryptCost: Int
    public var nightsShown: Int
    public var flagsShown: Int
    public var evidenceLookbackNights: Int

    public static func standard() throws -> WorkspacePolicy {
        guard let url = Bundle.module.url(forResource: "workspace", withExtension: "yaml") else {
            throw DataFileError(file: "workspace.yaml", message: "missing from the Workspace resources")
        }
        return try parse(YAMLFile.load(url))
    }

    static func parse(_ root: YAMLNode) throws -> WorkspacePolicy {
        let map = try root.requireMapping()
        try map.rejectUnknownKeys(allowed: ["sessionHours", "login", "bcryptCost", "nightsShown", "flagsShown", "evidenceLookbackNights"])
        let login = try map.require("login").requireMapping()
        try login.rejectUnknownKeys(allowed: ["windowMinutes", "maxFailuresPerName", "maxFailuresPerAddress"])
        func positive(_ node: YAMLNode) throws -> Int {
            let value = try node.requireInt()
            guard value >= 1 else { throw node.error("expected a whole number of at least 1") }
            return value
        }
        let cost = try map.require("bcryptCost")
        guard (4...31).contains(try cost.requireInt()) else { throw cost.error("bcrypt cost must be 4…31") }
        return WorkspacePolicy(sessionLifetime: Double(try positive(map.require("sessionHours"))) * 3_600,
                               loginWindow: Double(try positive(login.require("windowMinutes"))) * 60,
                               maxFailuresPerName: try positive(login.require("maxFailuresPerName")),
                               maxFailuresPerAddress: try positive(login.require("maxFailuresPerAddress")),
                               bcryptCost: try cost.requireInt(),
                               nightsShown: try positive(map.require("nightsShown")),
                               flagsShown: try positive(map.require("flagsShown")),
                               evidenceLookbackNights: try positive(map.require("evidenceLookbackNights")))
    }
}
