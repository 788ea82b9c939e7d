import WebAddress

/// Link resolution for callers holding Strings: a front of `WebAddress`,
/// the one URL model (RFC 3986 5.2 on bytes, with browsers' leniency).
public enum URLResolver {
    /// `href` resolved against `base`; other schemes than http, https, ftp
    /// and file come back as written (cleaned).
    public static func resolve(_ href: String, against base: String) -> String? {
        WebAddress.resolve(href, against: base)
    }

    /// Whether a crawler can follow `href` (not `javascript:`, `mailto:`…).
    public static func isFollowable(_ href: String) -> Bool {
        WebAddress.isFollowable(href)
    }

    /// `href` resolved against `base` when a crawler can follow it.
    public static func followable(_ href: String, against base: String) -> String? {
        WebAddress.followable(href, against: WebAddress.resolutionBase(base))?.description
    }

    /// The lower-cased scheme when `href` starts with one ("javascript:", "HTTP:").
    public static func scheme(of href: String) -> String? {
        WebAddress.scheme(of: href)
    }
}
