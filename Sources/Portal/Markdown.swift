import CCmark
import Foundation

/// Renders user and trainer text written in Markdown to HTML with cmark-gfm.
///
/// Safe mode is cmark-gfm's default: raw HTML is omitted and `javascript:`-style
/// links are dropped, so the output can be inserted unescaped in a template.
public enum Markdown {
    /// GitHub extensions enabled on every render.
    static let extensions = ["table", "strikethrough", "autolink"]

    /// The HTML for `text`; never contains raw HTML from the input.
    public static func html(_ text: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }

        for name in extensions {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
