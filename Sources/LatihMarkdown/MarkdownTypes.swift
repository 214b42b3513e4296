/// How Markdown is rendered.
public struct MarkdownOptions: Sendable {
    /// Pass raw HTML through. Off by default: cmark's safe mode replaces raw HTML with a
    /// comment. Even when on, the GFM `tagfilter` extension still disarms `<script>` and friends.
    public var rawHTML: Bool
    /// The file line on which the Markdown text starts (after front matter), so that
    /// positions are reported as positions in the file.
    public var firstLine: Int
    /// Fenced blocks, by the first word of their info string, whose text is left out of
    /// `plainText` (quizzes: their answers must not reach the search index).
    public var hiddenFences: Set<String>

    public init(rawHTML: Bool = false, firstLine: Int = 1, hiddenFences: Set<String> = []) {
        self.rawHTML = rawHTML
        self.firstLine = firstLine
        self.hiddenFences = hiddenFences
    }
}

/// A heading found in a document, with the GitHub-style id it was given.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int
}

/// A link or image destination as written, with where it stands in the file.
public struct LinkReference: Sendable, Hashable {
    public var destination: String
    public var line: Int
    public var column: Int
    public var isImage: Bool
    /// For images, the alt text (empty when the author gave none).
    public var altText: String
}

/// A fenced code block whose info string a caller asked to handle itself (quizzes).
public struct FencedBlock: Sendable {
    /// The first word of the info string, such as `quiz`.
    public var language: String
    public var literal: String
    /// File line of the first line of the block's content.
    public var contentLine: Int
}

/// What rendering one Markdown document produced.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// The text of a level-1 heading that opened the document. It is removed from
    /// `html`, since the page template shows the title itself.
    public var leadingTitle: String?
    public var headings: [Heading]
    public var links: [LinkReference]
    /// The document's visible text, blocks separated by newlines, for search and summaries.
    public var plainText: String

    public init(html: String, leadingTitle: String? = nil, headings: [Heading] = [], links: [LinkReference] = [], plainText: String = "") {
        self.html = html
        self.leadingTitle = leadingTitle
        self.headings = headings
        self.links = links
        self.plainText = plainText
    }
}
