//! The plain-text writer: the Council layout, wrapped at spaces to a width, readable anywhere.

use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

use super::layout::{Block, Role};
use crate::safe_text::visible;

/// Width of the "from:", "to:", "No. prev. doc.:", "Subject:" column (the screen's tracked
/// changes set it the same).
pub const FIELD_COLUMN: usize = 16;
/// The narrowest hanging indent for operative labels: "(a)" and four spaces of text.
const MIN_LABEL_COLUMN: usize = 5;

/// Renders `blocks` as plain text wrapped at `width` columns: one blank line between
/// paragraphs, no trailing spaces, a final newline, emphasis markers dropped.
pub fn write(blocks: &[Block], width: usize) -> String {
    let label_column = label_column(blocks);
    write_with_label_column(blocks, width, label_column)
}

/// The column where operative text starts: after the widest label, and at least 5.
pub fn label_column(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|block| block.role == Role::Operative)
        .filter_map(|block| block.label.as_deref())
        .map(|label| (label.width() + 1).max(MIN_LABEL_COLUMN))
        .max()
        .unwrap_or(0)
}

/// Like [`write`], with the label column given, so that a part of a document can be set
/// exactly as it is in the whole.
pub fn write_with_label_column(blocks: &[Block], width: usize, label_column: usize) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && !block.joined {
            out.push('\n');
        }
        let text = plain(&block.text);
        let (first, rest) = match block.role {
            Role::Field => {
                let name = block.label.as_deref().unwrap_or("");
                (pad(name, FIELD_COLUMN), " ".repeat(FIELD_COLUMN))
            }
            Role::Operative => match block.label.as_deref() {
                Some(name) => (pad(name, label_column), " ".repeat(label_column)),
                None => (String::new(), String::new()),
            },
            Role::Item => (
                format!("{}- ", " ".repeat(label_column)),
                " ".repeat(label_column + 2),
            ),
            _ => (String::new(), String::new()),
        };
        for line in wrap(&text, width, &first, &rest) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// `text` as it is printed: emphasis markers gone, line breaks and tabs as spaces, hostile
/// characters made visible.
pub fn plain(text: &str) -> String {
    let text = text.replace("**", "").replace(['\n', '\r', '\t'], " ");
    visible(text.trim()).into_owned()
}

fn pad(name: &str, column: usize) -> String {
    let gap = column.saturating_sub(name.width()).max(1);
    format!("{name}{}", " ".repeat(gap))
}

/// Wraps at spaces only (never inside a word, never at a hyphen), with hanging indents.
fn wrap<'a>(
    text: &'a str,
    width: usize,
    first: &'a str,
    rest: &'a str,
) -> Vec<std::borrow::Cow<'a, str>> {
    let options = Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(text, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(role: Role, label: Option<&str>, text: &str, joined: bool) -> Block {
        Block {
            role,
            label: label.map(String::from),
            text: text.into(),
            joined,
        }
    }

    #[test]
    fn operative_paragraphs_hang_under_their_label_and_items_under_the_text() {
        let blocks = [
            block(
                Role::Operative,
                Some("(a)"),
                "This partnership will address the issue of **preventing** illegal migration by:",
                false,
            ),
            block(
                Role::Item,
                None,
                "intensifying cooperation at operational level and fostering multi-agency approaches,",
                true,
            ),
        ];
        assert_eq!(
            write(&blocks, 40),
            "(a)  This partnership will address the\n     issue of preventing illegal\n     migration by:\n     - intensifying cooperation at\n       operational level and fostering\n       multi-agency approaches,\n"
        );
    }

    #[test]
    fn words_longer_than_the_width_are_never_broken() {
        let blocks = [block(
            Role::Preamble,
            None,
            "Aware of south-eastern-migratory-routes,",
            false,
        )];
        assert_eq!(
            write(&blocks, 10),
            "Aware of\nsouth-eastern-migratory-routes,\n"
        );
    }

    #[test]
    fn fields_are_aligned_and_paragraphs_separated_by_one_blank_line() {
        let blocks = [
            block(Role::Cover, None, "LIMITE", false),
            block(Role::Field, Some("from:"), "the Presidency", false),
            block(Role::Field, Some("No. prev. doc.:"), "6093/09", true),
            block(Role::Title, None, "DRAFT", false),
        ];
        assert_eq!(
            write(&blocks, 80),
            "LIMITE\n\nfrom:           the Presidency\nNo. prev. doc.: 6093/09\n\nDRAFT\n"
        );
    }
}
