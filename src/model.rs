//! The declaration as drafters think of it: a cover note, titles, an opening, preambular
//! paragraphs, a chapeau, operative paragraphs and a closing.
//!
//! Labels such as `(a)` and printed document numbers are never stored here; they are derived
//! from position and revision by [`crate::numbering`].

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use crate::cover_note::Header;

/// A whole draft declaration, with its Council cover note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Declaration {
    /// How operative paragraphs are labelled.
    #[serde(skip_serializing_if = "Numbering::is_default")]
    pub numbering: Numbering,
    /// Upper-case title lines, printed one per line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// Who speaks: "We, Ministers responsible ...".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub opening: String,
    /// The sentence that introduces the operative part, ending with a colon.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub chapeau: String,
    /// Follow-up and mandate, after the operative part.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub closing: String,
    /// Text an import could not place in any part, kept (never dropped) until the drafter
    /// moves or deletes it; `chapeau check` lists it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
    /// The Council cover note.
    pub header: Header,
    /// Preambular paragraphs, unnumbered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Paragraph>,
    /// Operative paragraphs, labelled by position.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub operative: Vec<Paragraph>,
    /// The circulated revisions, frozen: the original (REV 0), then REV 1, REV 2, ...
    #[serde(rename = "revision", skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

/// A circulated revision: the text as it went out, never changed afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// The date it was circulated.
    pub date: Date,
    /// The text as circulated, with its cover note (number, date and kind as printed then).
    pub text: Declaration,
}

/// Why a revision cannot be circulated on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRefusal {
    /// No date given and none in the cover note.
    Missing,
    /// The date is earlier than the previous revision's.
    BeforePrevious {
        /// The date refused.
        date: Date,
        /// Whether it is the cover note's (else the drafter gave it).
        from_cover_note: bool,
        /// The previous revision's date.
        previous: Date,
        /// The previous revision's number.
        revision: usize,
    },
}

impl std::fmt::Display for DateRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateRefusal::Missing => write!(f, "the cover note has no date to circulate with"),
            DateRefusal::BeforePrevious {
                date,
                from_cover_note,
                previous,
                revision,
            } => write!(
                f,
                "{} {date} is earlier than REV {revision}, circulated on {previous}",
                if *from_cover_note {
                    "the cover note's date"
                } else {
                    "the date"
                }
            ),
        }
    }
}

/// A clause placed in a draft: its identity survives moves and edits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Paragraph {
    /// Stable for the life of the paragraph and unique across drafts (see
    /// [`crate::identity`]), so that two versions pair their paragraphs by it.
    pub id: String,
    /// The library clause this paragraph was taken from, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The paragraph text; `**...**` marks emphasis.
    pub text: String,
    /// Sub-items of a lead-in ending in ":".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
}

/// How operative paragraphs are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Numbering {
    /// (a), (b), ... (z), (aa), (ab), ...
    #[default]
    Letters,
    /// 1., 2., 3., ...
    Numbers,
    /// No labels: "We recall ... / We agree ..." paragraphs, as in the Valletta declaration.
    None,
}

impl Numbering {
    fn is_default(&self) -> bool {
        *self == Numbering::default()
    }
}

/// The two sections that hold paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Preambular paragraphs: context, opening with a participle or adjective.
    Preamble,
    /// Operative paragraphs: what is agreed, opening with a verb or subject.
    Operative,
}

impl Section {
    /// The short name drafters give a paragraph of the section, "pp" or "op" (preambular or
    /// operative paragraph): the word a new paragraph's id starts with.
    pub fn short_name(self) -> &'static str {
        match self {
            Section::Preamble => "pp",
            Section::Operative => "op",
        }
    }

    /// The name used in files and messages.
    pub fn name(self) -> &'static str {
        match self {
            Section::Preamble => "preamble",
            Section::Operative => "operative",
        }
    }
}

/// Names one piece of text in a declaration, so that findings and edits can point at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextRef {
    /// A field of the cover note, by its key in the draft file.
    Header(&'static str),
    /// The n-th title line.
    Title(usize),
    /// The opening.
    Opening,
    /// The chapeau.
    Chapeau,
    /// The closing.
    Closing,
    /// The n-th paragraph of a section.
    Paragraph(Section, usize),
    /// Item `item` of the n-th paragraph of a section.
    Item(Section, usize, usize),
    /// The n-th passage an import could not place.
    Unplaced(usize),
}

impl Declaration {
    /// The paragraphs of one section.
    pub fn paragraphs(&self, section: Section) -> &[Paragraph] {
        match section {
            Section::Preamble => &self.preamble,
            Section::Operative => &self.operative,
        }
    }

    /// The paragraphs of one section, for editing.
    pub fn paragraphs_mut(&mut self, section: Section) -> &mut Vec<Paragraph> {
        match section {
            Section::Preamble => &mut self.preamble,
            Section::Operative => &mut self.operative,
        }
    }

    /// The revision number the working text will have when circulated: the number of
    /// revisions circulated so far, or, for a draft that records none, the header's own.
    pub fn next_revision(&self) -> u32 {
        if self.revisions.is_empty() {
            self.header.revision
        } else {
            self.revisions.len() as u32
        }
    }

    /// The working text as it prints: numbered as the revision it will become.
    pub fn as_next_revision(&self) -> Declaration {
        self.clone().into_next_revision()
    }

    /// [`Declaration::as_next_revision`] for a draft that is not needed afterwards: no copy.
    pub fn into_next_revision(mut self) -> Declaration {
        self.header.revision = self.next_revision();
        self.revisions = Vec::new();
        self
    }

    /// Whether the working text differs in anything from the last circulated revision, the
    /// number it will take aside: a word, a date, the emphasis, the numbering.
    pub fn changed_since_last_revision(&self) -> bool {
        self.revisions.last().is_none_or(|last| {
            let mut working = self.as_next_revision();
            working.header.revision = last.text.header.revision;
            working != last.text
        })
    }

    /// The date the next revision carries: the one the drafter gives (`chapeau circulate
    /// --date`, the screen's question), else the cover note's; never earlier than the previous
    /// revision's.
    pub fn circulation_date(&self, given: Option<Date>) -> Result<Date, DateRefusal> {
        let (date, from_cover_note) = match (given, self.header.date) {
            (Some(date), _) => (date, false),
            (None, Some(date)) => (date, true),
            (None, None) => return Err(DateRefusal::Missing),
        };
        match self.revisions.last() {
            Some(previous) if date < previous.date => Err(DateRefusal::BeforePrevious {
                date,
                from_cover_note,
                previous: previous.date,
                revision: self.revisions.len() - 1,
            }),
            _ => Ok(date),
        }
    }

    /// Freezes the working text as the next revision, dated `date`; the working text's cover
    /// note takes the date too, so that it says what was circulated.
    pub fn circulate(&mut self, date: Date) -> u32 {
        let number = self.revisions.len() as u32;
        self.header.date = Some(date);
        let mut text = self.as_next_revision();
        text.header.revision = number;
        self.revisions.push(Revision { date, text });
        number
    }

    /// Every piece of prose in reading order, each with the reference that names it.
    ///
    /// Checks and searches walk this one list instead of knowing the layout of a draft.
    pub fn texts(&self) -> Vec<(TextRef, &str)> {
        let mut texts: Vec<(TextRef, &str)> = vec![
            (TextRef::Header("subject"), &self.header.subject),
            (TextRef::Header("cover"), &self.header.cover),
        ];
        for (i, title) in self.titles.iter().enumerate() {
            texts.push((TextRef::Title(i), title));
        }
        texts.push((TextRef::Opening, &self.opening));
        for section in [Section::Preamble, Section::Operative] {
            if section == Section::Operative {
                texts.push((TextRef::Chapeau, &self.chapeau));
            }
            for (i, paragraph) in self.paragraphs(section).iter().enumerate() {
                texts.push((TextRef::Paragraph(section, i), &paragraph.text));
                for (j, item) in paragraph.items.iter().enumerate() {
                    texts.push((TextRef::Item(section, i, j), item));
                }
            }
        }
        texts.push((TextRef::Closing, &self.closing));
        for (i, passage) in self.unplaced.iter().enumerate() {
            texts.push((TextRef::Unplaced(i), passage));
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_follow_reading_order() {
        let declaration = Declaration {
            titles: vec!["T".into()],
            opening: "We,".into(),
            chapeau: "To this end:".into(),
            closing: "Done.".into(),
            preamble: vec![Paragraph {
                id: "p".into(),
                text: "Aware,".into(),
                ..Default::default()
            }],
            operative: vec![Paragraph {
                id: "o".into(),
                text: "We agree by:".into(),
                items: vec!["acting.".into()],
                ..Default::default()
            }],
            ..Default::default()
        };
        let order: Vec<&str> = declaration.texts().into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            order,
            [
                "",
                "",
                "T",
                "We,",
                "Aware,",
                "To this end:",
                "We agree by:",
                "acting.",
                "Done."
            ]
        );
    }
}
