import DataFile
import Foundation
import Spreadsheet

/// Why a command stopped, with a stable code; the command line maps it to the exit
/// code in one place (2 bad input, 3 could not run).
public enum AuditError: Error, CustomStringConvertible, Equatable {
    /// A file, option or id the user gave is wrong: exit 2, nothing written.
    case badInput(String)
    /// The tool could not do its work (lock held, database or folder unusable): exit 3.
    case cannotRun(String)

    public var description: String {
        switch self {
        case .badInput(let message), .cannotRun(let message): return message
        }
    }

    /// Stable across versions, for scripts and logs.
    public var code: String {
        switch self {
        case .badInput: return "bad-input"
        case .cannotRun: return "cannot-run"
        }
    }

    /// An I/O failure as a sentence: the path, what was being done, and why.
    public static func cannotRun(_ path: String, doing: String, _ error: Error) -> AuditError {
        .cannotRun("\(path): \(doing): \(FileProblem.describe(error))")
    }

    /// Any error as one of the two kinds: a located data-file error is bad input, the rest could-not-run.
    public static func from(_ error: Error) -> AuditError {
        switch error {
        case let error as AuditError: return error
        case let error as DataFileError: return .badInput(error.description)
        default: return .cannotRun(FileProblem.describe(error))
        }
    }
}
