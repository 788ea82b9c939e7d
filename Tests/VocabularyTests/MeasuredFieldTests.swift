import Vocabulary
import XCTest

final class MeasuredFieldTests: XCTestCase {
    /// The measured fields' words are the criteria files' `measured: {field: …}` and the history's keys.
    func testMeasuredFieldsKeepTheirFileAndHistoryWords() {
        XCTAssertEqual(MeasuredField.allCases.map(\.rawValue),
                       ["news.count", "documents.count", "documents.own", "services.level3", "services.level4", "services.total"])
        XCTAssertEqual(MeasuredField.kept.compactMap(\.historyKey), ["news", "documents", "level3", "level4", "servicesTotal"])
    }
}
