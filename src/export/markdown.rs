//! The Markdown writer: the same blocks as the text export, one line per paragraph (so that
//! diffs stay small), emphasis kept, and the opening word of a preambular paragraph in italics
//! as UN style sets it.

use super::layout::{Block, Role};
use crate::safe_text::visible;

/// Renders `blocks` as CommonMark.
pub fn write(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            // A joined block starts a new line of the same Markdown paragraph: a hard break.
            out.push_str(if block.joined && block.role != Role::Item {
                "\\\n"
            } else {
                "\n"
            });
            if !block.joined || previous_is_not_item_but_this_is(blocks, i) {
                out.push('\n');
            }
        }
        let text = escape(&single_line(&block.text));
        let line = match block.role {
            Role::Cover | Role::Title => format!("**{}**", text.trim()),
            Role::Field => format!("{} {}", block.label.as_deref().unwrap_or(""), text),
            Role::Operative => match block.label.as_deref() {
                Some(label) => format!("{label} {text}"),
                None => text,
            },
            Role::Item => format!("- {text}"),
            Role::Preamble => italicise_opening_word(&text),
            Role::CoverText | Role::Opening | Role::Chapeau | Role::Closing | Role::Unplaced => {
                text
            }
        };
        out.push_str(&if block.role == Role::Item {
            line
        } else {
            guard_line_start(line)
        });
    }
    out.push('\n');
    out
}

/// A list needs a blank line before its first item when the paragraph above it is text.
fn previous_is_not_item_but_this_is(blocks: &[Block], i: usize) -> bool {
    blocks[i].role == Role::Item && blocks[i - 1].role != Role::Item
}

fn single_line(text: &str) -> String {
    visible(&text.replace(['\n', '\r', '\t'], " "))
        .trim()
        .to_string()
}

/// Escapes what Markdown would take as markup, keeping `**emphasis**` pairs.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("**") {
            out.push_str("**");
            rest = &rest[2..];
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Keeps a line that starts like a list marker ("1. ", "- ", "+ ") from becoming a list.
fn guard_line_start(line: String) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else if line.starts_with(['-', '+']) {
        format!("\\{line}")
    } else {
        line
    }
}

/// Sets the opening word in italics, leaving punctuation after it upright: "*Gathered*,".
fn italicise_opening_word(text: &str) -> String {
    let word_end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    if word_end == 0 {
        return text.to_string();
    }
    format!("*{}*{}", &text[..word_end], &text[word_end..])
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
    fn the_declaration_reads_as_markdown() {
        let blocks = [
            block(Role::Title, None, "DRAFT JOINT DECLARATION", false),
            block(Role::Preamble, None, "Aware that [text] matters,", false),
            block(
                Role::Operative,
                Some("1."),
                "We agree on **partnership** by:",
                false,
            ),
            block(Role::Item, None, "acting,", true),
            block(Role::Item, None, "reporting.", true),
            block(Role::Closing, None, "Done.", false),
        ];
        assert_eq!(
            write(&blocks),
            "**DRAFT JOINT DECLARATION**\n\n*Aware* that \\[text\\] matters,\n\n1\\. We agree on **partnership** by:\n\n- acting,\n- reporting.\n\nDone.\n"
        );
    }

    #[test]
    fn joined_cover_lines_break_without_a_new_paragraph() {
        let blocks = [
            block(Role::Cover, None, "ASIM 12", false),
            block(Role::Cover, None, "RELEX 104", true),
        ];
        assert_eq!(write(&blocks), "**ASIM 12**\\\n**RELEX 104**\n");
    }
}
