//! Exports of a declaration: plain text in the Council layout, Markdown, JSON and an HTML
//! page. Text and
//! Markdown are writers over the one layout in [`layout`].

pub mod json;
pub mod layout;
pub mod markdown;
pub mod text;

use crate::model::Declaration;

/// The formats `chapeau export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text in the Council layout, wrapped at a width.
    Text,
    /// CommonMark, one line per paragraph.
    Markdown,
    /// The structured document, for scripts.
    Json,
    /// A standalone page in the Council layout, with print styles.
    Html,
}

impl Format {
    /// Every format, with its name and what it is, for the command line's choices.
    pub const ALL: [(Format, &'static str, &'static str); 4] = [
        (
            Format::Text,
            "text",
            "Plain text in the Council layout, wrapped at a width",
        ),
        (
            Format::Markdown,
            "markdown",
            "CommonMark, one line per paragraph",
        ),
        (Format::Json, "json", "The structured document, for scripts"),
        (
            Format::Html,
            "html",
            "A standalone page in the Council layout, with print styles",
        ),
    ];
}

/// The default line width of the text export.
pub const DEFAULT_WIDTH: u16 = 80;

/// Renders `declaration` in `format`; `width` applies to the text format.
pub fn export(declaration: &Declaration, format: Format, width: usize) -> String {
    match format {
        Format::Text => text::write(&layout::lay_out(declaration), width),
        Format::Markdown => markdown::write(&layout::lay_out(declaration)),
        Format::Json => json::write(declaration),
        Format::Html => crate::redline::render::html::document(declaration),
    }
}
