//! The draft being worked on: the declaration, the operations a drafter performs on it (add a
//! clause, write, move, delete, circulate, ...) and the undo history. The drafting screen and
//! the command line both change drafts through it, so an operation behaves the same wherever
//! it is asked for.

use jiff::civil::Date;

use crate::library::Clause;
use crate::model::{Declaration, Header, Paragraph, Section, TextRef};

/// One part of a declaration as a drafter selects it: the cover note, the titles, the
/// opening, a paragraph, the chapeau, the closing, or a passage an import left unplaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    /// The cover note.
    Header,
    /// The title lines, edited together.
    Titles,
    /// The opening.
    Opening,
    /// A paragraph of a section.
    Paragraph(Section, usize),
    /// The chapeau.
    Chapeau,
    /// The closing.
    Closing,
    /// A passage an import could not place.
    Unplaced(usize),
}

impl Entry {
    /// The entry a drafter selects to work on the text `at` (the paragraph of an item, the
    /// titles of a title line).
    pub fn of(at: TextRef) -> Entry {
        match at {
            TextRef::Header(_) => Entry::Header,
            TextRef::Title(_) => Entry::Titles,
            TextRef::Opening => Entry::Opening,
            TextRef::Chapeau => Entry::Chapeau,
            TextRef::Closing => Entry::Closing,
            TextRef::Paragraph(section, i) | TextRef::Item(section, i, _) => {
                Entry::Paragraph(section, i)
            }
            TextRef::Unplaced(i) => Entry::Unplaced(i),
        }
    }

    /// Every entry of `declaration`, in reading order.
    pub fn all(declaration: &Declaration) -> Vec<Entry> {
        let mut entries = vec![Entry::Header, Entry::Titles, Entry::Opening];
        entries.extend(
            (0..declaration.preamble.len()).map(|i| Entry::Paragraph(Section::Preamble, i)),
        );
        entries.push(Entry::Chapeau);
        entries.extend(
            (0..declaration.operative.len()).map(|i| Entry::Paragraph(Section::Operative, i)),
        );
        entries.push(Entry::Closing);
        entries.extend((0..declaration.unplaced.len()).map(Entry::Unplaced));
        entries
    }
}

/// Why an operation changed nothing; the screen says it in words of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Only paragraphs (and unplaced passages) can be deleted or moved.
    NotAParagraph,
    /// The paragraph is already first (or last) of its section.
    AtTheEdge {
        /// Its section.
        section: Section,
        /// Whether it is the first (else the last).
        first: bool,
    },
    /// A paragraph must keep a text.
    EmptyParagraph,
    /// A paragraph's text must come before its items.
    ItemsWithoutText,
    /// Nothing to undo or redo.
    NoHistory,
    /// Unplaced text only moves up, into the operative part.
    LastPassage,
}

/// One step back in the history: the declaration as it was, and what the drafter had
/// selected when the change was made, to select again when it is undone.
#[derive(Debug, Clone)]
struct Step {
    declaration: Declaration,
    version: u64,
    at: Entry,
}

/// A draft being worked on, with its history.
#[derive(Debug, Clone)]
pub struct Document {
    declaration: Declaration,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Names the state of the declaration: each change takes a new one, undo and redo bring
    /// back the one they restore.
    version: u64,
    next_version: u64,
    saved_version: u64,
}

impl Document {
    /// A document on `declaration`, as it was opened (unmodified).
    pub fn new(declaration: Declaration) -> Document {
        Document {
            declaration,
            undo: Vec::new(),
            redo: Vec::new(),
            version: 0,
            next_version: 1,
            saved_version: 0,
        }
    }

    /// The declaration as it stands.
    pub fn declaration(&self) -> &Declaration {
        &self.declaration
    }

    /// Whether the declaration differs from the last save (or the opening): undoing back to
    /// the saved state makes it unmodified again.
    pub fn is_modified(&self) -> bool {
        self.version != self.saved_version
    }

    /// Notes that the declaration as it was at `version` has been saved (a save carried out
    /// after later changes leaves them unsaved).
    pub fn mark_saved_at(&mut self, version: u64) {
        self.saved_version = version;
    }

    /// Counts the changes so far, so that a watcher (the recovery file) knows when to act.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Records the state before a change at `at`, so that it can be undone.
    fn remember(&mut self, at: Entry) {
        self.undo.push(Step {
            declaration: self.declaration.clone(),
            version: self.version,
            at,
        });
        self.redo.clear();
        self.version = self.next_version;
        self.next_version += 1;
    }

    /// Undoes the last change; returns what was selected when it was made.
    pub fn undo(&mut self) -> Result<Entry, Refusal> {
        self.step_through_history(false)
    }

    /// Redoes the last change undone; returns what was selected when it was made.
    pub fn redo(&mut self) -> Result<Entry, Refusal> {
        self.step_through_history(true)
    }

    fn step_through_history(&mut self, forward: bool) -> Result<Entry, Refusal> {
        let (from, to) = if forward {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        let step = from.pop().ok_or(Refusal::NoHistory)?;
        to.push(Step {
            declaration: std::mem::replace(&mut self.declaration, step.declaration),
            version: std::mem::replace(&mut self.version, step.version),
            at: step.at,
        });
        Ok(step.at)
    }

    /// Takes back the last change as if it had never been made (not redoable): a paragraph
    /// made for an edit that was left empty.
    pub fn forget_last_change(&mut self) -> Option<Entry> {
        let step = self.undo.pop()?;
        self.declaration = step.declaration;
        self.version = step.version;
        Some(step.at)
    }

    /// Adds `clause` after `selected` when that is a paragraph of the clause's section, else
    /// at the end of its section, with an id of its own; returns where it went.
    pub fn add_clause(&mut self, clause: &Clause, selected: Entry) -> Entry {
        let at = match selected {
            Entry::Paragraph(section, i) if section == clause.section => i + 1,
            _ => self.declaration.paragraphs(clause.section).len(),
        };
        let entry = Entry::Paragraph(clause.section, at);
        self.remember(selected);
        let paragraph = Paragraph {
            id: self.declaration.new_id(&clause.id, "clause"),
            clause: Some(clause.id.clone()),
            text: clause.text.clone(),
            items: clause.items.clone(),
        };
        self.declaration
            .paragraphs_mut(clause.section)
            .insert(at, paragraph);
        entry
    }

    /// Adds an empty paragraph where a new one after `selected` belongs; returns it.
    pub fn insert_paragraph(&mut self, selected: Entry) -> Entry {
        let (section, at) = match selected {
            Entry::Paragraph(section, i) => (section, i + 1),
            Entry::Header | Entry::Titles | Entry::Opening => (Section::Preamble, 0),
            Entry::Chapeau => (Section::Operative, 0),
            Entry::Closing | Entry::Unplaced(_) => {
                (Section::Operative, self.declaration.operative.len())
            }
        };
        let entry = Entry::Paragraph(section, at);
        self.remember(selected);
        let id = self.declaration.new_id(section.short_name(), "");
        self.declaration.paragraphs_mut(section).insert(
            at,
            Paragraph {
                id,
                ..Default::default()
            },
        );
        entry
    }

    /// Deletes the paragraph or unplaced passage `entry`; returns what was deleted.
    pub fn delete(&mut self, entry: Entry) -> Result<Deleted, Refusal> {
        match entry {
            Entry::Paragraph(section, i) if i < self.declaration.paragraphs(section).len() => {
                self.remember(entry);
                let removed = self.declaration.paragraphs_mut(section).remove(i);
                Ok(Deleted::Paragraph(removed.id))
            }
            Entry::Unplaced(i) if i < self.declaration.unplaced.len() => {
                self.remember(entry);
                self.declaration.unplaced.remove(i);
                Ok(Deleted::Unplaced)
            }
            _ => Err(Refusal::NotAParagraph),
        }
    }

    /// Moves paragraph `entry` one place up (`step` -1) or down (1) in reading order. The
    /// paragraphs of both sections and the unplaced passages form one sequence: the last
    /// preambular paragraph moves down past the chapeau to become the first operative one
    /// (and back up), and an unplaced passage moves up into the operative part as its last
    /// paragraph (down it does not move), so that every passage an import left aside can be
    /// placed with the same two keys.
    pub fn move_paragraph(&mut self, entry: Entry, step: isize) -> Result<Entry, Refusal> {
        let to = self.destination(entry, step)?;
        self.remember(entry);
        let d = &mut self.declaration;
        match (entry, to) {
            (Entry::Paragraph(from, i), Entry::Paragraph(section, j)) if from == section => {
                d.paragraphs_mut(section).swap(i, j)
            }
            (Entry::Paragraph(from, i), Entry::Paragraph(section, j)) => {
                let paragraph = d.paragraphs_mut(from).remove(i);
                d.paragraphs_mut(section).insert(j, paragraph);
            }
            (Entry::Unplaced(i), Entry::Paragraph(section, j)) => {
                let passage = d.unplaced.remove(i);
                let (mut text, items) = split_items(&passage);
                if text.is_empty() {
                    text = join_lines(&passage);
                }
                let id = d.new_id(&text, section.short_name());
                d.paragraphs_mut(section).insert(
                    j,
                    Paragraph {
                        id,
                        clause: None,
                        text,
                        items,
                    },
                );
            }
            _ => unreachable!("destination gives only these moves"),
        }
        Ok(to)
    }

    /// Where `entry` goes when moved `step` places in reading order.
    fn destination(&self, entry: Entry, step: isize) -> Result<Entry, Refusal> {
        let d = &self.declaration;
        let up = step < 0;
        match entry {
            Entry::Paragraph(section, i) if i < d.paragraphs(section).len() => {
                let len = d.paragraphs(section).len();
                match (section, up) {
                    (_, true) if i > 0 => Ok(Entry::Paragraph(section, i - 1)),
                    (_, false) if i + 1 < len => Ok(Entry::Paragraph(section, i + 1)),
                    (Section::Operative, true) => {
                        Ok(Entry::Paragraph(Section::Preamble, d.preamble.len()))
                    }
                    (Section::Preamble, false) => Ok(Entry::Paragraph(Section::Operative, 0)),
                    _ => Err(Refusal::AtTheEdge { section, first: up }),
                }
            }
            // Unplaced passages are a pile to clear, not a part: up is into the text.
            Entry::Unplaced(i) if i < d.unplaced.len() => match up {
                true => Ok(Entry::Paragraph(Section::Operative, d.operative.len())),
                false => Err(Refusal::LastPassage),
            },
            _ => Err(Refusal::NotAParagraph),
        }
    }

    /// Sets the text of `entry` from editor text (see [`set_entry_text`]). A paragraph left
    /// without its text is refused and nothing changes; `Ok(false)` says nothing changed.
    /// A `fresh` paragraph (made for this edit) takes its text without a step of its own, so
    /// that one undo removes it whole.
    pub fn write(&mut self, entry: Entry, text: &str, fresh: bool) -> Result<bool, Refusal> {
        if let Entry::Paragraph(..) = entry {
            let (body, items) = split_items(text);
            if body.trim().is_empty() {
                return Err(if items.is_empty() {
                    Refusal::EmptyParagraph
                } else {
                    Refusal::ItemsWithoutText
                });
            }
        }
        let mut edited = self.declaration.clone();
        set_entry_text(&mut edited, entry, text);
        if edited == self.declaration {
            return Ok(false);
        }
        if !fresh {
            self.remember(entry);
        }
        self.declaration = edited;
        Ok(true)
    }

    /// Replaces the cover note; false when it says what it said before.
    pub fn set_header(&mut self, header: Header) -> bool {
        if header == self.declaration.header {
            return false;
        }
        self.remember(Entry::Header);
        self.declaration.header = header;
        true
    }

    /// Freezes the working text as the next revision, dated `date`; returns its number.
    pub fn circulate(&mut self, date: Date) -> u32 {
        self.remember(Entry::Header);
        self.declaration.circulate(date)
    }

    /// Switches the operative numbering; false when it was already `numbering`.
    pub fn set_numbering(&mut self, numbering: crate::model::Numbering) -> bool {
        if numbering == self.declaration.numbering {
            return false;
        }
        self.remember(Entry::Chapeau);
        self.declaration.numbering = numbering;
        true
    }

    /// Replaces the whole declaration (unsaved work recovered after a crash), as one change.
    pub fn replace(&mut self, declaration: Declaration) {
        self.remember(Entry::Header);
        self.declaration = declaration;
    }

    /// The text of `entry` as an editor shows it: items one per line after the text.
    pub fn editable_text(&self, entry: Entry) -> String {
        let d = &self.declaration;
        match entry {
            Entry::Header => String::new(),
            Entry::Titles => d.titles.join("\n"),
            Entry::Opening => d.opening.clone(),
            Entry::Chapeau => d.chapeau.clone(),
            Entry::Closing => d.closing.clone(),
            Entry::Unplaced(i) => d.unplaced.get(i).cloned().unwrap_or_default(),
            Entry::Paragraph(section, i) => {
                let Some(paragraph) = d.paragraphs(section).get(i) else {
                    return String::new();
                };
                let mut text = paragraph.text.replace('\n', " ");
                for item in &paragraph.items {
                    text.push_str("\n- ");
                    text.push_str(&item.replace('\n', " "));
                }
                text
            }
        }
    }
}

/// What [`Document::delete`] took out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    /// The paragraph with this id.
    Paragraph(String),
    /// An unplaced passage.
    Unplaced,
}

/// Sets the text of `entry` from editor text: for a paragraph, the first line is the text and
/// lines starting "- " are items; other lines continue the line before. A paragraph edit
/// without a text changes nothing.
pub fn set_entry_text(d: &mut Declaration, entry: Entry, text: &str) {
    let text = text.trim_end();
    match entry {
        Entry::Paragraph(section, i) => {
            let (body, items) = split_items(text);
            if !body.trim().is_empty()
                && let Some(paragraph) = d.paragraphs_mut(section).get_mut(i)
            {
                paragraph.text = body;
                paragraph.items = items;
            }
        }
        Entry::Titles => {
            d.titles = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        }
        Entry::Opening => d.opening = join_lines(text),
        Entry::Chapeau => d.chapeau = join_lines(text),
        Entry::Closing => d.closing = join_lines(text),
        // An unplaced passage emptied is gone: nothing is left to place.
        Entry::Unplaced(i) if i < d.unplaced.len() && text.trim().is_empty() => {
            d.unplaced.remove(i);
        }
        Entry::Unplaced(i) => {
            if let Some(passage) = d.unplaced.get_mut(i) {
                *passage = join_lines(text);
            }
        }
        Entry::Header => {}
    }
}

/// Editor text to paragraph text and items.
fn split_items(text: &str) -> (String, Vec<String>) {
    let mut body = String::new();
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        // A line typed starting with a dash or bullet is an item, with a space after it or
        // not ("-building" must not vanish into the lead-in).
        if let Some(item) = trimmed.strip_prefix(['-', '\u{2013}', '\u{2022}']) {
            items.push(item.trim().to_string());
        } else if trimmed.is_empty() {
            continue;
        } else if let Some(last) = items.last_mut() {
            push_words(last, trimmed);
        } else {
            push_words(&mut body, trimmed);
        }
    }
    items.retain(|item| !item.is_empty());
    (body, items)
}

fn push_words(into: &mut String, words: &str) {
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(words);
}

/// Lines of typed text as one line: trimmed, blank lines dropped, joined by spaces.
pub fn join_lines(text: &str) -> String {
    let mut joined = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        push_words(&mut joined, line);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_text_splits_into_text_and_items() {
        let (body, items) = split_items("We act\nwell by:\n- one,\n  continued\n- two.\n");
        assert_eq!(body, "We act well by:");
        assert_eq!(items, ["one, continued", "two."]);
        let (body, items) =
            split_items("We act by:\n-building,\n\u{2022} connecting,\n-\n\u{2013}enabling.");
        assert_eq!(body, "We act by:");
        assert_eq!(items, ["building,", "connecting,", "enabling."]);
    }

    fn two_paragraphs() -> Document {
        let paragraph = |id: &str| Paragraph {
            id: id.into(),
            text: format!("{id} text"),
            ..Default::default()
        };
        Document::new(Declaration {
            operative: vec![paragraph("a"), paragraph("b")],
            ..Default::default()
        })
    }

    #[test]
    fn undo_back_to_the_saved_state_is_unmodified() {
        let mut document = two_paragraphs();
        let first = Entry::Paragraph(Section::Operative, 0);
        assert_eq!(
            document.move_paragraph(first, 1),
            Ok(Entry::Paragraph(Section::Operative, 1))
        );
        assert!(document.is_modified());
        assert_eq!(document.undo(), Ok(first));
        assert!(!document.is_modified());
        assert_eq!(document.undo(), Err(Refusal::NoHistory));
        document.redo().unwrap();
        document.mark_saved_at(document.version());
        assert!(!document.is_modified());
        document.undo().unwrap();
        assert!(document.is_modified(), "the saved state is the moved one");
    }

    #[test]
    fn a_paragraph_keeps_its_text_and_the_last_stays_last() {
        let mut document = two_paragraphs();
        let first = Entry::Paragraph(Section::Operative, 0);
        assert_eq!(
            document.write(first, "- an item", false),
            Err(Refusal::ItemsWithoutText)
        );
        assert_eq!(
            document.write(first, "  ", false),
            Err(Refusal::EmptyParagraph)
        );
        assert_eq!(
            document.move_paragraph(Entry::Paragraph(Section::Operative, 1), 1),
            Err(Refusal::AtTheEdge {
                section: Section::Operative,
                first: false
            })
        );
        assert_eq!(document.delete(Entry::Opening), Err(Refusal::NotAParagraph));
        assert!(!document.is_modified());
        assert_eq!(document.write(first, "a text", false), Ok(false));
    }
}
