import CLibXML2
import TextNormalization

/// Walks a subtree and collects what a reader sees. Iterative (no recursion),
/// so hostile nesting cannot exhaust the stack.
enum TextExtractor {
    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style", "noscript", "template", "head", "title"]
    /// Elements that start and end a line.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "select", "center", "frameset", "body",
    ]

    /// Lines of visible text below `start`, each whitespace-collapsed, none empty.
    static func lines(of start: xmlNodePtr, skipping skipped: Set<xmlNodePtr> = []) -> [String] {
        var raw: [UInt8] = []
        var node: xmlNodePtr? = start
        var descend = true
        while let current = node {
            if descend {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        var pointer = content
                        while pointer.pointee != 0 {
                            let byte = pointer.pointee
                            raw.append(byte == 10 || byte == 13 ? 32 : byte)
                            pointer += 1
                        }
                    }
                case XML_ELEMENT_NODE:
                    let name = elementName(current)
                    if current != start && (hidden.contains(name) || skipped.contains(current)) {
                        // Skip the subtree.
                        descend = false
                        continue
                    }
                    if blocks.contains(name) { raw.append(10) }
                    if let child = current.pointee.children {
                        node = child
                        continue
                    }
                    if blocks.contains(name) { raw.append(10) }
                default:
                    break
                }
            }
            // Leave `current`: go to the next sibling or climb.
            if current == start { break }
            if let next = current.pointee.next {
                node = next
                descend = true
                continue
            }
            var up = current.pointee.parent
            node = nil
            while let parent = up {
                if parent.pointee.type == XML_ELEMENT_NODE, blocks.contains(elementName(parent)) {
                    raw.append(10)
                }
                if parent == start { break }
                if let next = parent.pointee.next {
                    node = next
                    descend = true
                    break
                }
                up = parent.pointee.parent
            }
        }
        return VietnameseText.lines(String(decoding: raw, as: UTF8.self))
    }

    static func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }
}
