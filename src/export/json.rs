//! The JSON writer: the structured document for scripts, with derived labels and the printed
//! document number filled in.

use serde::Serialize;

use crate::model::Declaration;
use crate::numbering::{CalendarDate, label};

#[derive(Serialize)]
struct Document<'a> {
    header: Header<'a>,
    titles: &'a [String],
    opening: &'a str,
    preamble: Vec<Preambular<'a>>,
    chapeau: &'a str,
    operative: Vec<Operative<'a>>,
    closing: &'a str,
}

#[derive(Serialize)]
struct Header<'a> {
    body: &'a str,
    place: &'a str,
    date: &'a str,
    date_printed: Option<String>,
    language: &'a str,
    base_number: &'a str,
    revision: u32,
    number: String,
    previous_number: Option<String>,
    classification: &'a str,
    codes: &'a [String],
    kind: String,
    from: &'a str,
    to: &'a str,
    subject: &'a str,
    cover: &'a str,
}

#[derive(Serialize)]
struct Preambular<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    items: &'a [String],
}

#[derive(Serialize)]
struct Operative<'a> {
    id: &'a str,
    label: String,
    text: &'a str,
    items: &'a [String],
}

/// The declaration as pretty-printed JSON, ending with a newline.
pub fn write(declaration: &Declaration) -> String {
    let header = &declaration.header;
    let document = Document {
        header: Header {
            body: &header.body,
            place: &header.place,
            date: &header.date,
            date_printed: CalendarDate::parse(&header.date).map(|date| date.long_form()),
            language: &header.language,
            base_number: &header.number,
            revision: header.revision,
            number: header.printed_number(),
            previous_number: header.previous_number(),
            classification: &header.classification,
            codes: &header.codes,
            kind: header.printed_kind(),
            from: &header.from,
            to: &header.to,
            subject: &header.subject,
            cover: &header.cover,
        },
        titles: &declaration.titles,
        opening: &declaration.opening,
        preamble: declaration
            .preamble
            .iter()
            .map(|p| Preambular {
                id: &p.id,
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
                label: label(declaration.numbering, i),
                text: &p.text,
                items: &p.items,
            })
            .collect(),
        closing: &declaration.closing,
    };
    crate::safe_text::json_lines(&document)
}
