import DataFile

extension YAMLNode {
    /// A number as appraisers write it, with a decimal comma or point ("0,85", "4.5").
    func decimal() throws -> Double {
        let text = try requireString()
        guard let value = DecimalText.parse(text) else { throw error("cần một số (expected a number), có '\(text)'") }
        return value
    }
}
