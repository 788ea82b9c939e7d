import Foundation

/// An I/O error as a sentence a person can act on, instead of "NSCocoaErrorDomain Code=512".
public enum FileProblem {
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        // On Linux the underlying error is stored as a Swift Error, not an NSError.
        if let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? Error).map({ $0 as NSError }),
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
        case .fileWriteOutOfSpace: return "No space left on device"
        case .fileWriteVolumeReadOnly: return "Read-only file system"
        case .fileWriteFileExists: return "File exists"
        default: break
        }
        return nsError.localizedFailureReason ?? nsError.localizedDescription
    }
}
