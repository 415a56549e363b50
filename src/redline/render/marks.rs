//! How changed words are marked in each writer, and which marks a plain-text redline can use
//! without being confused with the text: square brackets are everyday negotiation text.

use crate::redline::words::{Span, SpanKind};

/// How marked text is spelled in a writer.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    /// Around inserted words.
    pub insert: (&'static str, &'static str),
    /// Around deleted words.
    pub delete: (&'static str, &'static str),
    /// Around a note: "moved from (c)".
    pub note: (&'static str, &'static str),
    /// How a writer's text is escaped.
    pub escape: fn(&str) -> String,
}

/// Text as it is, hostile characters made visible.
pub fn as_is(text: &str) -> String {
    crate::safe_text::visible(text).into_owned()
}

/// Text with the characters of the last plain marks and the backslash escaped by a backslash.
fn backslashed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in as_is(text).chars() {
        if matches!(c, '\\' | '⟦' | '⟧') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The marks of plain-text redlines, in order of preference: wdiff's and git's
/// `[-deleted-]{+inserted+}` first. A redline takes the first whose characters its texts do
/// not hold; when they hold all of them, the last, with those characters escaped.
pub const PLAIN: [Marks; 4] = [
    Marks {
        insert: ("{+", "+}"),
        delete: ("[-", "-]"),
        note: ("[", "]"),
        escape: as_is,
    },
    Marks {
        insert: ("<+", "+>"),
        delete: ("<-", "->"),
        note: ("<", ">"),
        escape: as_is,
    },
    Marks {
        insert: ("«+", "+»"),
        delete: ("«-", "-»"),
        note: ("«", "»"),
        escape: as_is,
    },
    Marks {
        insert: ("⟦+", "+⟧"),
        delete: ("⟦-", "-⟧"),
        note: ("⟦", "⟧"),
        escape: backslashed,
    },
];

/// `[-deleted-]{+inserted+}`, as wdiff and `git diff --word-diff=plain` write it.
pub const WDIFF: Marks = PLAIN[0];

/// A colour terminal: inserted green underlined, deleted red struck through, notes magenta.
/// Set in placeholders while the text is wrapped (see [`colour`]).
pub const COLOUR: Marks = Marks {
    insert: ("\u{E000}", "\u{E003}"),
    delete: ("\u{E001}", "\u{E003}"),
    note: ("\u{E002}[", "]\u{E003}"),
    // The placeholders themselves, should a text hold them, are shown as U+FFFD.
    escape: |text| {
        as_is(text).replace(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'], "\u{FFFD}")
    },
};

/// Text wrapped with [`COLOUR`] placeholders, coloured for a terminal.
pub fn colour(text: &str) -> String {
    text.replace('\u{E000}', "\x1b[32;4m")
        .replace('\u{E001}', "\x1b[31;9m")
        .replace('\u{E002}', "\x1b[35m")
        .replace('\u{E003}', "\x1b[0m")
}

impl Marks {
    /// The characters that make up these marks, other than the `+` and `-` inside them.
    fn characters(&self) -> Vec<char> {
        let mut all: Vec<char> = [self.insert, self.delete, self.note]
            .iter()
            .flat_map(|(open, close)| open.chars().chain(close.chars()))
            .filter(|c| !matches!(c, '+' | '-'))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The plain marks for a redline of `texts`: the first whose characters none of them
    /// holds, else the last, escaped.
    pub fn plain_for<'t>(texts: impl Iterator<Item = &'t str> + Clone) -> Marks {
        PLAIN
            .iter()
            .find(|marks| {
                let characters = marks.characters();
                !texts.clone().any(|text| text.contains(&characters[..]))
            })
            .copied()
            .unwrap_or(PLAIN[PLAIN.len() - 1])
    }

    /// The plain marks for `redline`: those none of its texts or labels holds.
    pub fn plain_for_redline(redline: &crate::redline::Redline) -> Marks {
        let spans = redline.cover.iter().flat_map(|line| &line.spans).chain(
            redline.paragraphs.iter().flat_map(|p| {
                p.spans
                    .iter()
                    .chain(p.items.iter().flat_map(|item| &item.spans))
            }),
        );
        let labels = redline
            .paragraphs
            .iter()
            .flat_map(|p| p.old_label.iter().chain(&p.new_label));
        Marks::plain_for(
            spans
                .map(|span| span.text.as_str())
                .chain(labels.map(String::as_str)),
        )
    }

    /// The legend line of a plain redline: "Marks: [-deleted-] {+inserted+} [note]".
    pub fn legend(&self) -> String {
        let escaped = if self.insert == PLAIN[PLAIN.len() - 1].insert {
            "; a \\ before ⟦, ⟧ or \\ stands for that character itself"
        } else {
            ""
        };
        format!(
            "Marks: {}deleted{} {}inserted{} {}note{}{escaped}",
            self.delete.0, self.delete.1, self.insert.0, self.insert.1, self.note.0, self.note.1
        )
    }

    /// A note in these marks: "[moved from (c)] ".
    pub fn note(&self, note: &str) -> String {
        format!("{}{}{} ", self.note.0, note, self.note.1)
    }

    /// `spans` with their changes marked, spaced as printed: a mark starts at the word, after
    /// the space that separates it from the one before.
    pub fn marked(&self, spans: &[Span]) -> String {
        self.marked_spaced(spans, false)
    }

    /// `spans` with their changes marked, the space before a changed word inside its mark, so
    /// that accepting or rejecting the change leaves the spacing of the text it gives.
    pub fn marked_exactly(&self, spans: &[Span]) -> String {
        self.marked_spaced(spans, true)
    }

    fn marked_spaced(&self, spans: &[Span], space_inside: bool) -> String {
        let mut out = String::new();
        for span in spans {
            let keeps_space = space_inside && span.kind != SpanKind::Equal;
            let (space, text) = match span.text.strip_prefix(' ') {
                Some(text) if !keeps_space => (" ", (self.escape)(text)),
                _ => ("", (self.escape)(&span.text)),
            };
            out.push_str(space);
            match span.kind {
                SpanKind::Equal => out.push_str(&text),
                SpanKind::Insert => {
                    out.push_str(self.insert.0);
                    out.push_str(&text);
                    out.push_str(self.insert.1);
                }
                SpanKind::Delete => {
                    out.push_str(self.delete.0);
                    out.push_str(&text);
                    out.push_str(self.delete.1);
                }
            }
        }
        out.trim_start().to_string()
    }
}

/// The text of one side of `spans`: the equal words and those of `kind`.
pub fn side(spans: &[Span], kind: SpanKind) -> String {
    spans
        .iter()
        .filter(|s| s.kind == SpanKind::Equal || s.kind == kind)
        .map(|s| s.text.as_str())
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_brackets_in_the_text_take_other_marks() {
        let chosen = |texts: &[&str]| Marks::plain_for(texts.iter().copied()).insert;
        assert_eq!(chosen(&["We act."]), PLAIN[0].insert);
        assert_eq!(chosen(&["[including]"]), PLAIN[1].insert);
        assert_eq!(chosen(&["[a]", "<b>"]), PLAIN[2].insert);
        assert_eq!(chosen(&["[a] <b> «c»"]), PLAIN[3].insert);
        let marks = PLAIN[3];
        assert!(marks.legend().contains("a \\ before ⟦"));
        assert_eq!(
            marks.marked(&[Span {
                kind: SpanKind::Delete,
                text: "⟦x⟧".into()
            }]),
            "⟦-\\⟦x\\⟧-⟧"
        );
    }
}
