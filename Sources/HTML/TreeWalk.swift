import CLibXML2

/// The one pre-order walk of libxml2's tree: every native walk (element
/// scans, descendants, visible text) steps with it.
enum TreeWalk {
    /// The node after `current` in document order within `root`'s subtree:
    /// its first child when `descend`, else the next sibling of `current` or
    /// of the nearest ancestor below `root` that has one; nil at the end.
    /// `climbed` sees each ancestor the walk leaves on its way up (`root`
    /// too, when the walk ends there).
    @inline(__always)
    static func next(after current: xmlNodePtr, descend: Bool, within root: xmlNodePtr,
                     climbed: (xmlNodePtr) -> Void = { _ in }) -> xmlNodePtr? {
        if descend, let child = current.pointee.children { return child }
        var at = current
        while at != root {
            if let next = at.pointee.next { return next }
            guard let parent = at.pointee.parent else { return nil }
            climbed(parent)
            at = parent
        }
        return nil
    }
}
