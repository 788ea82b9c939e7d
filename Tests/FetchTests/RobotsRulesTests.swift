import Fetch
import XCTest

final class RobotsRulesTests: XCTestCase {}
