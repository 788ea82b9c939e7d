import ArgumentParser
import Foundation
import Scoring

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Scores agencies from reported and measured figures.")
    func run() throws {}
}
