import DataFile
import Spreadsheet

extension YAMLNode {
    /// A number as appraisers write it ("0,85", "4.5", "1.234"), read as every other input number.
    func decimal(percent: Bool = false) throws -> Double {
        let text = try requireString()
        do {
            return try DecimalText.read(text, percent: percent)
        } catch let error as DecimalText.Refusal {
            throw self.error("cần một số (expected a number), có '\(text)': \(error.reason)")
        }
    }
}
