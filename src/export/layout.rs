//! The one layout of a declaration: an ordered list of blocks (cover lines, titles, labelled
//! paragraphs, items). Every writer (text, Markdown) renders these blocks and nothing else, so
//! all exports agree on order, labels and derived numbers.

use crate::cover_note::{FIELDS, Place, Value};
use crate::model::{Declaration, Paragraph, Section};
use crate::numbering::label;

/// What a block is, which decides how each writer sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A line of the cover note block: the body, place and date, number, marking, codes, kind.
    Cover,
    /// A labelled cover note field: "from:", "to:", "No. prev. doc.:", "Subject:".
    Field,
    /// The cover text under the cover note.
    CoverText,
    /// An upper-case title line.
    Title,
    /// The opening: "We, Ministers ...".
    Opening,
    /// A preambular paragraph.
    Preamble,
    /// The chapeau before the operative part.
    Chapeau,
    /// An operative paragraph, with its label.
    Operative,
    /// A sub-item of the paragraph before it.
    Item,
    /// The closing.
    Closing,
    /// Text an import could not place, printed last so that nothing is lost.
    Unplaced,
}

/// One unit of layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub role: Role,
    /// The derived label of an operative paragraph, or the name of a cover field.
    pub label: Option<String>,
    /// The text, with `**emphasis**` markers still in place.
    pub text: String,
    /// Whether the block continues the one before it without a blank line between.
    pub joined: bool,
}

impl Block {
    fn new(role: Role, text: impl Into<String>) -> Block {
        Block {
            role,
            label: None,
            text: text.into(),
            joined: false,
        }
    }

    fn joined(mut self, joined: bool) -> Block {
        self.joined = joined;
        self
    }

    fn labelled(mut self, label: impl Into<String>) -> Block {
        self.label = Some(label.into());
        self
    }
}

/// Lays out the whole document: the cover note, then the declaration.
pub fn lay_out(declaration: &Declaration) -> Vec<Block> {
    let mut blocks = cover_note(declaration);
    blocks.extend(body(declaration));
    blocks
}

/// The cover note block and its cover text, field by field from the cover note's table;
/// parts left empty in the draft are left out.
pub fn cover_note(declaration: &Declaration) -> Vec<Block> {
    cover_note_by_field(declaration)
        .into_iter()
        .map(|(block, _)| block)
        .collect()
}

/// [`cover_note`], each block with the keys of the fields printed on it, so that a redline
/// can tell a line the drafter changed from one a revision derived.
pub fn cover_note_by_field(declaration: &Declaration) -> Vec<(Block, Vec<&'static str>)> {
    let header = &declaration.header;
    let mut blocks = Vec::new();
    let mut place_and_date: Vec<String> = Vec::new();
    let mut after_date: Vec<String> = Vec::new();
    let mut on_place_line: Vec<&'static str> = Vec::new();
    let mut first_labelled = true;
    for field in &FIELDS {
        let printed = (field.printed)(header);
        let ends_place_line = !matches!(field.place, Place::PlaceAndDate | Place::AfterDate);
        if ends_place_line && !on_place_line.is_empty() {
            let keys = std::mem::take(&mut on_place_line);
            if !(place_and_date.is_empty() && after_date.is_empty()) {
                let mut line = place_and_date.join(", ");
                for after in after_date.drain(..) {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&after);
                }
                place_and_date.clear();
                blocks.push((Block::new(Role::Cover, line), keys));
            }
        }
        // The place line is named by every field that can print on it, printed or not, so
        // that the line is the same line in two versions that fill it differently.
        if matches!(field.place, Place::PlaceAndDate | Place::AfterDate) {
            on_place_line.push(field.key);
        }
        if printed.trim().is_empty() {
            continue;
        }
        let keys = vec![field.key];
        match field.place {
            Place::Line => blocks.push((Block::new(Role::Cover, printed), keys)),
            Place::Lines => {
                let Value::List(values) = (field.value)(header) else {
                    continue;
                };
                let values = values.into_iter().filter(|value| !value.trim().is_empty());
                for (i, value) in values.enumerate() {
                    blocks.push((Block::new(Role::Cover, value).joined(i > 0), keys.clone()));
                }
            }
            Place::PlaceAndDate => place_and_date.push(printed),
            Place::AfterDate => after_date.push(printed),
            Place::Labelled(name) => {
                blocks.push((
                    Block::new(Role::Field, printed)
                        .labelled(name)
                        .joined(!first_labelled),
                    keys,
                ));
                first_labelled = false;
            }
            Place::CoverText => blocks.push((Block::new(Role::CoverText, printed), keys)),
            Place::Nowhere => {}
        }
    }
    blocks
}

/// The declaration itself: titles, opening, preamble, chapeau, operative part, closing.
fn body(declaration: &Declaration) -> Vec<Block> {
    let mut blocks = titles(declaration);
    blocks.extend(lone(Role::Opening, &declaration.opening));
    for i in 0..declaration.preamble.len() {
        blocks.extend(paragraph(declaration, Section::Preamble, i));
    }
    blocks.extend(lone(Role::Chapeau, &declaration.chapeau));
    for i in 0..declaration.operative.len() {
        blocks.extend(paragraph(declaration, Section::Operative, i));
    }
    blocks.extend(lone(Role::Closing, &declaration.closing));
    blocks.extend(
        declaration
            .unplaced
            .iter()
            .filter_map(|text| lone(Role::Unplaced, text)),
    );
    blocks
}

/// The title lines.
pub fn titles(declaration: &Declaration) -> Vec<Block> {
    let titles = declaration.titles.iter().enumerate();
    titles
        .map(|(i, title)| Block::new(Role::Title, title.clone()).joined(i > 0))
        .collect()
}

/// The opening, chapeau or closing: one block, or none when the part is empty.
pub fn lone(role: Role, text: &str) -> Option<Block> {
    (!text.trim().is_empty()).then(|| Block::new(role, text))
}

/// Paragraph `index` of `section` with its label and its items.
pub fn paragraph(declaration: &Declaration, section: Section, index: usize) -> Vec<Block> {
    let paragraph: &Paragraph = &declaration.paragraphs(section)[index];
    let first = match section {
        Section::Preamble => Block::new(Role::Preamble, paragraph.text.clone()),
        Section::Operative => {
            let block = Block::new(Role::Operative, paragraph.text.clone());
            match label(declaration.numbering, index) {
                label if label.is_empty() => block,
                label => block.labelled(label),
            }
        }
    };
    let items = paragraph
        .items
        .iter()
        .map(|item| Block::new(Role::Item, item.clone()).joined(true));
    std::iter::once(first).chain(items).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Header;

    #[test]
    fn a_revised_note_derives_its_number_kind_and_previous_document() {
        let declaration = Declaration {
            header: Header {
                body: "COUNCIL".into(),
                place: "Brussels".into(),
                date: Some(crate::cover_note::read_date("2009-02-11").unwrap()),
                language: "en".into(),
                number: Some("6093/09".parse().unwrap()),
                revision: 1,
                kind: "NOTE".into(),
                from: "the Presidency".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let texts: Vec<(Option<String>, String)> = lay_out(&declaration)
            .into_iter()
            .map(|b| (b.label, b.text))
            .collect();
        assert_eq!(
            texts,
            [
                (None, "COUNCIL".to_string()),
                (None, "Brussels, 11 February 2009 (OR. en)".to_string()),
                (None, "6093/1/09 REV 1".to_string()),
                (None, "REVISED NOTE".to_string()),
                (Some("from:".to_string()), "the Presidency".to_string()),
                (Some("No. prev. doc.:".to_string()), "6093/09".to_string()),
            ]
        );
    }

    #[test]
    fn items_follow_their_paragraph_and_labels_follow_position() {
        let paragraph = |id: &str, items: Vec<String>| Paragraph {
            id: id.into(),
            text: format!("{id} text"),
            items,
            ..Default::default()
        };
        let declaration = Declaration {
            operative: vec![paragraph("x", vec!["one,".into()]), paragraph("y", vec![])],
            ..Default::default()
        };
        let blocks = lay_out(&declaration);
        let shape: Vec<(Role, Option<&str>, bool)> = blocks
            .iter()
            .map(|b| (b.role, b.label.as_deref(), b.joined))
            .collect();
        assert_eq!(
            shape,
            [
                (Role::Operative, Some("(a)"), false),
                (Role::Item, None, true),
                (Role::Operative, Some("(b)"), false),
            ]
        );
    }
}
