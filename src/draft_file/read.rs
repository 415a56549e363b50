//! Reading a draft file: the TOML is parsed once into a tree that knows where every key and
//! value stands, then read against the shape of a draft ([`ROOT`], [`PARAGRAPH`],
//! [`REVISION`] and the cover note's field table). Every problem is one of a few kinds, found
//! where it is, each with what to do about it: nothing is guessed from an error's wording.

use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::cover_note::{self, Header, Shape, Value};
use crate::diagnostic::LineIndex;
use crate::diagnostic::Problem;
use crate::model::{Declaration, Numbering, Paragraph, Revision, Section, TextRef};

/// The keys of a draft (and of a circulated revision's text).
const ROOT: &[&str] = &[
    "numbering",
    "titles",
    "opening",
    "chapeau",
    "closing",
    "unplaced",
    "header",
    "preamble",
    "operative",
    "revision",
];
/// The keys of a paragraph.
const PARAGRAPH: &[&str] = &["id", "clause", "text", "items"];
/// The keys of a circulated revision.
const REVISION: &[&str] = &["date", "text"];

/// What the type of a value should be, named as the help says it.
const TEXT_HELP: &str = "give the value the type shown above: text in double quotes (dates too: date = \"2009-02-11\"), a list in [ ], a whole number bare (revision = 1)";

type Key<'i> = Spanned<DeString<'i>>;
type Node<'i> = Spanned<DeValue<'i>>;

/// A declaration read from `source`, with the line each piece of text begins on.
pub(super) fn read(source: &str) -> Result<(Declaration, HashMap<TextRef, usize>), Problem> {
    let root = DeTable::parse(source).map_err(|error| {
        Problem::new(
            error.span().unwrap_or(0..0),
            error.message().trim_end(),
            "fix the TOML syntax here: an unclosed quote or bracket is the usual cause",
        )
    })?;
    let mut reader = Reader {
        index: LineIndex::new(source),
        lines: HashMap::new(),
    };
    let declaration = reader.declaration(root.get_ref(), true)?;
    Ok((declaration, reader.lines))
}

struct Reader {
    index: LineIndex,
    /// Where each piece of the working text begins (a revision's text is not pointed at).
    lines: HashMap<TextRef, usize>,
}

/// The entries of a table in the order they stand in the file.
fn in_file_order<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Key<'i>, &'t Node<'i>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

fn unknown(key: &Key<'_>, known: &[&str]) -> Problem {
    let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    Problem::new(
        key.span(),
        format!(
            "unknown field `{}`, expected one of {}",
            key.get_ref(),
            expected.join(", ")
        ),
        "check the spelling of the key: the keys chapeau knows are listed above (see the README, \"The draft file\")",
    )
}

fn missing(at: &Node<'_>, key: &str, help: &str) -> Problem {
    Problem::new(
        at.span().start..at.span().start,
        format!("missing field `{key}`"),
        help,
    )
}

fn wrong_type(node: &Node<'_>, expected: &str) -> Problem {
    Problem::new(
        node.span(),
        format!(
            "invalid type: {}, expected {expected}",
            node.get_ref().type_str()
        ),
        TEXT_HELP,
    )
}

fn text(node: &Node<'_>) -> Result<String, Problem> {
    node.get_ref()
        .as_str()
        .map(String::from)
        .ok_or_else(|| wrong_type(node, "a string"))
}

fn texts(node: &Node<'_>) -> Result<Vec<Spanned<String>>, Problem> {
    let list = node
        .get_ref()
        .as_array()
        .ok_or_else(|| wrong_type(node, "a list of strings"))?;
    list.iter()
        .map(|item| Ok(Spanned::new(item.span(), text(item)?)))
        .collect()
}

fn table<'t, 'i>(node: &'t Node<'i>) -> Result<&'t DeTable<'i>, Problem> {
    node.get_ref()
        .as_table()
        .ok_or_else(|| wrong_type(node, "a table"))
}

fn tables<'t, 'i>(node: &'t Node<'i>) -> Result<Vec<&'t Node<'i>>, Problem> {
    let list = node
        .get_ref()
        .as_array()
        .ok_or_else(|| wrong_type(node, "an array of tables"))?;
    list.iter().map(|item| table(item).map(|_| item)).collect()
}

impl Reader {
    /// Notes where `text` begins, for the working text only.
    fn note(&mut self, working: bool, text: TextRef, at: usize) {
        if working {
            self.lines.insert(text, self.index.line_of(at));
        }
    }

    fn declaration(&mut self, root: &DeTable<'_>, working: bool) -> Result<Declaration, Problem> {
        let mut declaration = Declaration::default();
        let mut sections: Vec<(Section, &Node<'_>)> = Vec::new();
        for (key, node) in in_file_order(root) {
            let start = node.span().start;
            match key.get_ref().as_ref() {
                "numbering" => declaration.numbering = numbering(node)?,
                "titles" => {
                    for (i, title) in texts(node)?.into_iter().enumerate() {
                        self.note(working, TextRef::Title(i), title.span().start);
                        declaration.titles.push(title.into_inner());
                    }
                }
                "opening" => {
                    self.note(working, TextRef::Opening, start);
                    declaration.opening = text(node)?;
                }
                "chapeau" => {
                    self.note(working, TextRef::Chapeau, start);
                    declaration.chapeau = text(node)?;
                }
                "closing" => {
                    self.note(working, TextRef::Closing, start);
                    declaration.closing = text(node)?;
                }
                "unplaced" => {
                    for (i, passage) in texts(node)?.into_iter().enumerate() {
                        self.note(working, TextRef::Unplaced(i), passage.span().start);
                        declaration.unplaced.push(passage.into_inner());
                    }
                }
                "header" => declaration.header = self.header(table(node)?, working)?,
                "preamble" => sections.push((Section::Preamble, node)),
                "operative" => sections.push((Section::Operative, node)),
                "revision" if working => {
                    for revision in tables(node)? {
                        declaration.revisions.push(self.revision(revision)?);
                    }
                }
                "revision" => {
                    return Err(Problem::new(
                        start..start,
                        "a circulated revision cannot hold revisions of its own",
                        "keep every [[revision]] at the top level of the draft",
                    ));
                }
                _ => return Err(unknown(key, ROOT)),
            }
        }
        // Preamble first, then the operative part, whatever their order in the file.
        sections.sort_by_key(|(section, _)| *section);
        let mut first_use: HashMap<String, usize> = HashMap::new();
        for (section, node) in sections {
            for (index, paragraph) in tables(node)?.into_iter().enumerate() {
                let paragraph =
                    self.paragraph(section, index, paragraph, &mut first_use, working)?;
                declaration.paragraphs_mut(section).push(paragraph);
            }
        }
        Ok(declaration)
    }

    fn revision(&mut self, node: &Node<'_>) -> Result<Revision, Problem> {
        let (mut date, mut text_node) = (None, None);
        for (key, value) in in_file_order(table(node)?) {
            match key.get_ref().as_ref() {
                "date" => date = Some(value),
                "text" => text_node = Some(value),
                _ => return Err(unknown(key, REVISION)),
            }
        }
        let help = "write the date the revision was circulated, e.g. date = \"2009-02-11\"";
        let date_node = date.ok_or_else(|| missing(node, "date", help))?;
        let date = cover_note::read_date(&text(date_node)?)
            .map_err(|message| Problem::new(date_node.span(), message, help))?;
        let text_node = text_node.ok_or_else(|| {
            missing(
                node,
                "text",
                "give the revision its text: a [revision.text] table holding the text as circulated",
            )
        })?;
        let text = self.declaration(table(text_node)?, false)?;
        Ok(Revision { date, text })
    }

    fn header(&mut self, node: &DeTable<'_>, working: bool) -> Result<Header, Problem> {
        let mut header = Header::default();
        for (key, value) in in_file_order(node) {
            let Some(field) = cover_note::field(key.get_ref()) else {
                let known: Vec<&str> = cover_note::stored_fields().map(|f| f.key).collect();
                return Err(unknown(key, &known));
            };
            self.note(working, TextRef::Header(field.key), value.span().start);
            let read = match field.shape {
                Shape::Text => Value::Text(text(value)?),
                Shape::List => {
                    Value::List(texts(value)?.into_iter().map(Spanned::into_inner).collect())
                }
                Shape::Count => Value::Count(count(value)?),
            };
            (field.set)(&mut header, read)
                .map_err(|message| Problem::new(value.span(), message, field.help))?;
        }
        Ok(header)
    }

    fn paragraph(
        &mut self,
        section: Section,
        index: usize,
        node: &Node<'_>,
        first_use: &mut HashMap<String, usize>,
        working: bool,
    ) -> Result<Paragraph, Problem> {
        let (mut id, mut clause, mut body, mut items) = (None, None, None, Vec::new());
        for (key, value) in in_file_order(table(node)?) {
            match key.get_ref().as_ref() {
                "id" => id = Some(value),
                "clause" => clause = Some(text(value)?),
                "text" => body = Some(value),
                "items" => items = texts(value)?,
                _ => return Err(unknown(key, PARAGRAPH)),
            }
        }
        let needs = "add the missing key; every paragraph needs an `id` and a `text`";
        let id_node = id.ok_or_else(|| missing(node, "id", needs))?;
        let body = body.ok_or_else(|| missing(node, "text", needs))?;
        let id = text(id_node)?.trim().to_string();
        let id_at = id_node.span().start;
        if id.is_empty() {
            return Err(Problem::new(
                id_node.span(),
                format!("a {} paragraph has an empty id", section.name()),
                "give every paragraph an id, unique in the draft, e.g. id = \"p12\"",
            ));
        }
        if let Some(&first) = first_use.get(&id) {
            let first_line = self.index.line_of(first);
            return Err(Problem::new(
                id_at..id_at,
                format!("the paragraph id `{id}` is already used on line {first_line}"),
                "give this paragraph an id of its own: ids identify paragraphs across revisions",
            ));
        }
        first_use.insert(id.clone(), id_at);
        let text_value = text(body)?;
        if text_value.trim().is_empty() {
            return Err(Problem::new(
                body.span(),
                format!("the {} paragraph `{id}` has an empty text", section.name()),
                "write the paragraph's text, or delete the whole [[...]] table of the paragraph",
            ));
        }
        if let Some(empty) = items.iter().find(|item| item.get_ref().trim().is_empty()) {
            return Err(Problem::new(
                empty.span(),
                format!("the paragraph `{id}` has an empty item"),
                "write the item's text, or remove the empty string from `items`",
            ));
        }
        self.note(
            working,
            TextRef::Paragraph(section, index),
            body.span().start,
        );
        let items = items
            .into_iter()
            .enumerate()
            .map(|(j, item)| {
                self.note(working, TextRef::Item(section, index, j), item.span().start);
                item.into_inner()
            })
            .collect();
        Ok(Paragraph {
            id,
            clause,
            text: text_value,
            items,
        })
    }
}

fn numbering(node: &Node<'_>) -> Result<Numbering, Problem> {
    match text(node)?.as_str() {
        "letters" => Ok(Numbering::Letters),
        "numbers" => Ok(Numbering::Numbers),
        "none" => Ok(Numbering::None),
        other => Err(Problem::new(
            node.span(),
            format!("unknown variant `{other}`, expected one of `letters`, `numbers`, `none`"),
            "use one of the values listed above",
        )),
    }
}

fn count(node: &Node<'_>) -> Result<u32, Problem> {
    let integer = node
        .get_ref()
        .as_integer()
        .ok_or_else(|| wrong_type(node, "a whole number"))?;
    u32::from_str_radix(&integer.as_str().replace('_', ""), integer.radix()).map_err(|_| {
        Problem::new(
            node.span(),
            format!("`{}` is not a revision number", integer.as_str()),
            "write the revision as a whole number: 0 for the original, 1 for REV 1",
        )
    })
}
