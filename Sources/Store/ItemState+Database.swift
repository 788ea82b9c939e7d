import GRDB
import Vocabulary

// Stored as its raw word in `findings.state`.
extension ItemState: DatabaseValueConvertible {}
