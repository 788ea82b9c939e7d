/// What a portal's `<style>` sheets say, kept over its crawl: a portal repeats
/// its sheets on every page, so each distinct sheet is read once, and a page
/// with the same sheets as the page before gets that page's detector back,
/// with the class and inline-style values it has already read.
struct StyleBook {
    private let offscreenPixels: Double
    /// The rules of each distinct sheet (as read: cut to the page's budget).
    private var learned: [String: [HidingRule]] = [:]
    private var learnedBytes = 0
    private var last: (sheets: [String], detector: HidingDetector)?
    /// Sheets kept at most, in bytes: a portal whose sheets differ on every
    /// page starts again instead of holding them all.
    private static let learnedByteLimit = 1 << 20

    init(offscreenPixels: Double) {
        self.offscreenPixels = offscreenPixels
    }

    /// The detector of a page with these sheets, in page order.
    mutating func detector(for sheets: [String]) -> HidingDetector {
        if let last, last.sheets == sheets {
            // Handed over, not shared: the page's reads then grow its caches without a copy.
            self.last = nil
            return last.detector
        }
        let reader = HidingDetector(offscreenPixels: offscreenPixels)
        let rules = sheets.map { sheet in
            if let known = learned[sheet] { return known }
            let rules = reader.rules(ofStyleSheet: sheet[...])
            if learnedBytes + sheet.utf8.count > Self.learnedByteLimit {
                learned = [:]
                learnedBytes = 0
            }
            learned[sheet] = rules
            learnedBytes += sheet.utf8.count
            return rules
        }
        return HidingDetector(offscreenPixels: offscreenPixels, sheets: rules)
    }

    /// Keeps the detector a page used, for a next page with the same sheets.
    mutating func keep(_ detector: HidingDetector, for sheets: [String]) {
        last = (sheets, detector)
    }
}
