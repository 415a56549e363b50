//! The JSON writer: the structured document for scripts, with derived labels and the printed
//! document number filled in.

use serde::Serialize;

use crate::cover_note::{FIELDS, Value};
use crate::model::Declaration;
use crate::numbering::label;

/// Everything the text export prints, and what it is made from: how operative paragraphs
/// are numbered, the clause each paragraph came from, and the text an import left unplaced.
#[derive(Serialize)]
struct Document<'a> {
    header: Header<'a>,
    numbering: crate::model::Numbering,
    titles: &'a [String],
    opening: &'a str,
    preamble: Vec<Preambular<'a>>,
    chapeau: &'a str,
    operative: Vec<Operative<'a>>,
    closing: &'a str,
    unplaced: &'a [String],
}

/// The cover note in JSON: every field of the table, as stored and, where printing derives
/// something else (the number of a revision, the long date), as printed.
struct Header<'a>(&'a crate::model::Header);

impl Serialize for Header<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for field in &FIELDS {
            if let Some(key) = field.json_stored {
                match (field.value)(self.0) {
                    Value::Text(text) => map.serialize_entry(key, &text)?,
                    Value::List(list) => map.serialize_entry(key, &list)?,
                    Value::Count(n) => map.serialize_entry(key, &n)?,
                }
            }
            if let Some(key) = field.json_printed {
                let printed = (field.printed)(self.0);
                map.serialize_entry(key, &Some(printed).filter(|p| !p.is_empty()))?;
            }
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Preambular<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    items: &'a [String],
}

#[derive(Serialize)]
struct Operative<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause: Option<&'a str>,
    label: String,
    text: &'a str,
    items: &'a [String],
}

/// The declaration as pretty-printed JSON, ending with a newline.
pub fn write(declaration: &Declaration) -> String {
    let document = Document {
        header: Header(&declaration.header),
        numbering: declaration.numbering,
        titles: &declaration.titles,
        opening: &declaration.opening,
        preamble: declaration
            .preamble
            .iter()
            .map(|p| Preambular {
                id: &p.id,
                clause: p.clause.as_deref(),
                text: &p.text,
                items: &p.items,
            })
            .collect(),
        chapeau: &declaration.chapeau,
        operative: declaration
            .operative
            .iter()
            .enumerate()
            .map(|(i, p)| Operative {
                id: &p.id,
                clause: p.clause.as_deref(),
                label: label(declaration.numbering, i),
                text: &p.text,
                items: &p.items,
            })
            .collect(),
        closing: &declaration.closing,
        unplaced: &declaration.unplaced,
    };
    crate::safe_text::json_lines(&document)
}
