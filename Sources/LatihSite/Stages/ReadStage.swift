import LatihContent
import LatihDiagnostics
import LatihRender

/// The first stage of a build: the content folder read into a catalogue (every file's
/// front matter parsed, in parallel, and the catalogue's structure checked) and the theme
/// loaded (templates parsed, interface strings, assets).
public enum ReadStage {
    /// What reading gives the later stages.
    public struct Sources: Sendable {
        public var catalogue: Catalogue
        /// Nil when the theme cannot be used; the diagnostics say why.
        public var theme: Theme?
        /// Findings of the content, by paths relative to the content folder.
        public var contentFindings: [Diagnostic]
        /// Findings of the theme, by paths that name the templates folder.
        public var themeFindings: [Diagnostic]
    }

    public static func run(_ options: BuildOptions) -> Sources {
        let (catalogue, contentFindings) = ContentLoader(root: options.contentDir, includeDrafts: options.includeDrafts).load()
        let (theme, themeFindings) = Theme.load(from: options.templatesDir, language: catalogue.config.language)
        return Sources(catalogue: catalogue, theme: theme, contentFindings: contentFindings, themeFindings: themeFindings)
    }
}
