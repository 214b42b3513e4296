import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders Markdown with cmark-gfm. This is the only file in Latih that sees a C pointer:
/// it parses, walks and rewrites the cmark tree, renders HTML, frees everything, and
/// hands back plain Swift values.
public enum MarkdownRenderer {
    /// Registers the GFM extensions once per process.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while cmark-gfm parses inlines. It keeps the characters that start an
    /// extension's inline syntax (`~` for strikethrough, `|` in tables, `:` and `w` for
    /// autolinks) in one global table, which every parse fills when it starts on inlines
    /// and empties when it is done (`cmark_manage_extensions_special_characters`). Two
    /// parses at once, as the build runs them, lose strikethrough and autolinks at random
    /// whenever the other finishes first (see standardese/standardese#199). Emptying the
    /// extensions' lists instead is no way out: cmark-gfm also finds a delimiter's
    /// extension through them, and loops forever without. Reading blocks, walking the tree
    /// and rendering HTML stay parallel.
    private static let inlineLock = InlineLock()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Renders `source`.
    /// - Parameters:
    ///   - rewriteLink: called for every link and image; returns a new destination, or nil to keep it.
    ///   - renderBlock: called for fenced code blocks; returns HTML to put in the block's place, or nil to render it as code.
    public static func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: (LinkReference) -> String? = { _ in nil },
        renderBlock: (FencedBlock) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        if let plain = PlainParagraph.render(source) { return plain }
        return parsed(source, options: options, rewriteLink: rewriteLink, renderBlock: renderBlock)
    }

    /// `render` through cmark-gfm, always.
    static func parsed(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        rewriteLink: (LinkReference) -> String? = { _ in nil },
        renderBlock: (FencedBlock) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        _ = registered
        var cmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        if options.rawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        guard let parser = cmark_parser_new(cmarkOptions) else { fatalError("cmark_parser_new: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        source.utf8CString.withUnsafeBufferPointer { buf in
            cmark_parser_feed(parser, buf.baseAddress, buf.count - 1)
        }
        let finished = inlineLock.holding { cmark_parser_finish(parser) }
        guard let doc = finished else { fatalError("cmark_parser_finish: out of memory") }
        defer { cmark_node_free(doc) }

        var walker = TreeWalker(lineOffset: options.firstLine - 1, hiddenFences: options.hiddenFences)
        walker.collect(doc)

        // Rewrite after the walk: changing the tree while iterating it is not safe.
        if let first = walker.leadingH1 {
            cmark_node_free(first)
        }
        // Replaced nodes are freed only after rendering: cmark's inline text nodes point
        // into their block's content buffer, so freeing a heading before its moved
        // children are rendered would read freed memory (found by `make fuzz`).
        var detached: [OpaquePointer] = []
        defer { detached.forEach { cmark_node_free($0) } }
        for heading in walker.headingNodes {
            replaceHeading(heading.node, id: heading.id, level: heading.level)
            detached.append(heading.node)
        }
        for table in walker.tableNodes {
            wrapTable(table)
        }
        for (node, ref) in walker.linkNodes {
            if isDangerousURL(ref.destination) {
                cmark_node_set_url(node, "")
            } else if let replacement = rewriteLink(ref) {
                cmark_node_set_url(node, replacement)
            }
        }
        for (node, block) in walker.fencedNodes {
            if let html = renderBlock(block) {
                let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
                cmark_node_set_on_enter(custom, html)
                cmark_node_set_on_exit(custom, "")
                cmark_node_replace(node, custom)
                detached.append(node)
            }
        }

        let htmlPointer = cmark_render_html(doc, cmarkOptions, cmark_parser_get_syntax_extensions(parser))
        let html = htmlPointer.map { String(cString: $0) } ?? ""
        free(htmlPointer)
        return RenderedMarkdown(html: html, leadingTitle: walker.leadingTitle, headings: walker.headings,
                                links: walker.links, plainText: walker.plainText)
    }

    /// Puts a table inside `<div class="table-scroll" tabindex="0">`. A table wider than a
    /// phone scrolls sideways inside that box, and a keyboard user can only scroll a box
    /// that takes focus (WCAG 2.1.1; axe-core's `scrollable-region-focusable`). The table
    /// itself is moved, not copied, so it renders as before.
    private static func wrapTable(_ table: OpaquePointer) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(custom, "<div class=\"table-scroll\" tabindex=\"0\">")
        cmark_node_set_on_exit(custom, "</div>")
        cmark_node_insert_before(table, custom)
        cmark_node_unlink(table)
        cmark_node_append_child(custom, table)
    }

    /// Swaps a heading for a custom block that prints the same element with an `id`.
    /// The caller frees the old heading node after rendering.
    /// cmark's HTML renderer has no hook for attributes; a custom block keeps the
    /// heading's inline children and so their normal (safe) rendering.
    private static func replaceHeading(_ node: OpaquePointer, id: String, level: Int) {
        let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(custom, "<h\(level) id=\"\(HTML.escape(id))\">")
        cmark_node_set_on_exit(custom, "</h\(level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
    }
}

/// One pass over the tree that records what the caller and the rewrite steps need.
private struct TreeWalker {
    let lineOffset: Int
    let hiddenFences: Set<String>
    var headings: [Heading] = []
    var headingNodes: [(node: OpaquePointer, id: String, level: Int)] = []
    var links: [LinkReference] = []
    var linkNodes: [(OpaquePointer, LinkReference)] = []
    var fencedNodes: [(OpaquePointer, FencedBlock)] = []
    var tableNodes: [OpaquePointer] = []
    var leadingH1: OpaquePointer?
    var leadingTitle: String?
    var plainText = ""
    var ids = HeadingIDGenerator()

    init(lineOffset: Int, hiddenFences: Set<String>) {
        self.lineOffset = lineOffset
        self.hiddenFences = hiddenFences
    }

    mutating func collect(_ doc: OpaquePointer) {
        // A level-1 heading that opens the document is the page title.
        if let first = cmark_node_first_child(doc), cmark_node_get_type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            leadingH1 = first
            leadingTitle = Self.text(of: first)
        }
        guard let iter = cmark_iter_new(doc) else { return }
        defer { cmark_iter_free(iter) }
        var skipping: OpaquePointer?
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter) else { continue }
            if let s = skipping {
                if node == s, event == CMARK_EVENT_EXIT { skipping = nil }
                continue
            }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
                    || cmark_node_get_type_string(node).map({ String(cString: $0) }) == "table_cell" {
                    if !plainText.isEmpty, plainText.last != "\n" { plainText += "\n" }
                }
                continue
            }
            if node == leadingH1 {
                skipping = node
                continue
            }
            // The table extension's node type is a runtime value; its name is stable.
            if let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 { tableNodes.append(node) }
            switch type {
            case CMARK_NODE_HEADING:
                let text = Self.text(of: node)
                let level = Int(cmark_node_get_heading_level(node))
                let id = ids.id(for: text)
                headings.append(Heading(level: level, text: text, id: id, line: line(of: node)))
                headingNodes.append((node, id, level))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let isImage = type == CMARK_NODE_IMAGE
                let ref = LinkReference(destination: url, line: line(of: node),
                                        column: Int(cmark_node_get_start_column(node)),
                                        isImage: isImage, altText: isImage ? Self.text(of: node) : "")
                links.append(ref)
                linkNodes.append((node, ref))
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let language = String(info.split(separator: " ", maxSplits: 1).first ?? "")
                fencedNodes.append((node, FencedBlock(language: language, literal: literal, contentLine: line(of: node) + 1)))
                if !hiddenFences.contains(language) {
                    if !plainText.isEmpty, plainText.last != "\n" { plainText += "\n" }
                    plainText += literal
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let lit = cmark_node_get_literal(node) { plainText += String(cString: lit) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plainText += " "
            default:
                break
            }
        }
    }

    func line(of node: OpaquePointer) -> Int {
        Int(cmark_node_get_start_line(node)) + lineOffset
    }

    /// The concatenated text of a node's descendants.
    static func text(of node: OpaquePointer) -> String {
        var out = ""
        guard let iter = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iter) }
        while case let event = cmark_iter_next(iter), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            let t = cmark_node_get_type(n)
            if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE, let lit = cmark_node_get_literal(n) {
                out += String(cString: lit)
            } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }
}

/// A process-wide mutex (pthread), for `MarkdownRenderer.inlineLock`.
private final class InlineLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    func holding<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
