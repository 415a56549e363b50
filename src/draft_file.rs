//! Draft files: TOML in, a [`Declaration`] out, with every problem located at its line and
//! column; and back again, written atomically.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::atomic_file::write_atomically;
use crate::diagnostic::{Diagnostic, LineIndex, read_text_file};
use crate::model::{Declaration, Header, Numbering, Paragraph, Section, TextRef};
use crate::numbering::{CalendarDate, DocumentNumber};

/// A draft read from a file, with the line each piece of text stands on, so that checks can
/// point the drafter at it.
#[derive(Debug, Clone)]
pub struct LoadedDraft {
    /// The declaration itself.
    pub declaration: Declaration,
    /// Where each piece of text begins in the file.
    pub lines: HashMap<TextRef, usize>,
}

impl LoadedDraft {
    /// The line on which `text` begins in the file (1 when it is not in the file).
    pub fn line_of(&self, text: TextRef) -> usize {
        self.lines.get(&text).copied().unwrap_or(1)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDraft {
    numbering: Option<Spanned<Numbering>>,
    #[serde(default)]
    titles: Vec<Spanned<String>>,
    opening: Option<Spanned<String>>,
    chapeau: Option<Spanned<String>>,
    closing: Option<Spanned<String>>,
    #[serde(default)]
    unplaced: Vec<Spanned<String>>,
    #[serde(default)]
    header: RawHeader,
    #[serde(default)]
    preamble: Vec<Spanned<RawParagraph>>,
    #[serde(default)]
    operative: Vec<Spanned<RawParagraph>>,
    #[serde(default)]
    revision: Vec<Spanned<RawRevision>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRevision {
    date: Spanned<String>,
    text: RawDraft,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    body: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    number: Option<Spanned<String>>,
    revision: Option<Spanned<u32>>,
    classification: Option<Spanned<String>>,
    #[serde(default)]
    codes: Vec<Spanned<String>>,
    kind: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    subject: Option<Spanned<String>>,
    cover: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParagraph {
    id: Spanned<String>,
    clause: Option<String>,
    text: Spanned<String>,
    #[serde(default)]
    items: Vec<Spanned<String>>,
}

/// Opens what a drafter gives a command: a draft (`.toml`) as it is, any other file as a
/// plain-text declaration imported on the fly.
pub fn load_draft_or_text(path: &Path) -> Result<LoadedDraft, Box<Diagnostic>> {
    if path.extension().is_some_and(|ext| ext == "toml") {
        return load(path);
    }
    let source = read_text_file(path)?;
    let imported = crate::import::import(&source).map_err(|error| {
        let offset = LineIndex::new(&source).offset_of_line(error.line);
        Box::new(Diagnostic::at_offset(
            path,
            &source,
            offset,
            error.message,
            error.help,
        ))
    })?;
    Ok(LoadedDraft {
        declaration: imported.declaration,
        lines: imported.lines,
    })
}

/// Reads and validates the draft at `path`.
pub fn load(path: &Path) -> Result<LoadedDraft, Box<Diagnostic>> {
    let source = read_text_file(path)?;
    parse(path, &source)
}

/// Parses and validates draft `source`, naming `path` in any diagnostic.
pub fn parse(path: &Path, source: &str) -> Result<LoadedDraft, Box<Diagnostic>> {
    if source.trim().is_empty() {
        return Err(Box::new(Diagnostic::at_offset(
            path,
            source,
            0,
            "the draft is empty",
            "run `chapeau new FILE` to write a draft skeleton to fill in",
        )));
    }
    let raw: RawDraft = toml::from_str(source).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        Box::new(Diagnostic::at_offset(
            path,
            source,
            offset,
            error.message().trim_end(),
            help_for_toml_error(error.message()),
        ))
    })?;
    Builder {
        path,
        source,
        index: LineIndex::new(source),
        lines: HashMap::new(),
    }
    .build(raw)
}

fn help_for_toml_error(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "check the spelling of the key: the keys chapeau knows are listed above (see the README, \"The draft file\")"
    } else if message.contains("missing field") {
        "add the missing key; every paragraph needs an `id` and a `text`"
    } else if message.contains("unknown variant") {
        "use one of the values listed above"
    } else if message.contains("invalid type") || message.contains("invalid value") {
        "give the value the type shown above: text in double quotes (dates too: date = \"2009-02-11\"), a list in [ ], a whole number bare (revision = 1)"
    } else {
        "fix the TOML syntax here: an unclosed quote or bracket is the usual cause"
    }
}

struct Builder<'a> {
    path: &'a Path,
    source: &'a str,
    index: LineIndex,
    lines: HashMap<TextRef, usize>,
}

impl Builder<'_> {
    fn error(&self, offset: usize, message: String, help: &str) -> Box<Diagnostic> {
        Box::new(Diagnostic::at_offset(
            self.path,
            self.source,
            offset,
            message,
            help,
        ))
    }

    fn note(&mut self, text: TextRef, offset: usize) {
        self.lines.insert(text, self.index.line_of(offset));
    }

    fn text(&mut self, text: TextRef, value: Option<Spanned<String>>) -> String {
        match value {
            Some(value) => {
                self.note(text, value.span().start);
                value.into_inner()
            }
            None => String::new(),
        }
    }

    fn build(mut self, raw: RawDraft) -> Result<LoadedDraft, Box<Diagnostic>> {
        let header = self.header(raw.header)?;
        let titles = raw
            .titles
            .into_iter()
            .enumerate()
            .map(|(i, title)| self.text(TextRef::Title(i), Some(title)))
            .collect();
        let declaration = Declaration {
            numbering: raw.numbering.map(Spanned::into_inner).unwrap_or_default(),
            titles,
            opening: self.text(TextRef::Opening, raw.opening),
            chapeau: self.text(TextRef::Chapeau, raw.chapeau),
            closing: self.text(TextRef::Closing, raw.closing),
            unplaced: Vec::new(),
            header,
            preamble: Vec::new(),
            operative: Vec::new(),
            revisions: Vec::new(),
        };
        let mut declaration = declaration;
        for raw_revision in raw.revision {
            let start = raw_revision.span().start;
            let raw_revision = raw_revision.into_inner();
            if !raw_revision.text.revision.is_empty() {
                return Err(self.error(
                    start,
                    "a circulated revision cannot hold revisions of its own".into(),
                    "keep every [[revision]] at the top level of the draft",
                ));
            }
            if CalendarDate::parse(raw_revision.date.get_ref()).is_none() {
                return Err(self.error(
                    raw_revision.date.span().start,
                    format!(
                        "`{}` is not a date of the form YYYY-MM-DD",
                        raw_revision.date.get_ref()
                    ),
                    "write the date the revision was circulated, e.g. date = \"2009-02-11\"",
                ));
            }
            let nested = Builder {
                path: self.path,
                source: self.source,
                index: self.index.clone(),
                lines: HashMap::new(),
            };
            let text = nested.build(raw_revision.text)?.declaration;
            declaration.revisions.push(crate::model::Revision {
                date: raw_revision.date.into_inner(),
                text,
            });
        }
        for (i, passage) in raw.unplaced.into_iter().enumerate() {
            let text = self.text(TextRef::Unplaced(i), Some(passage));
            declaration.unplaced.push(text);
        }
        let mut first_use: HashMap<String, usize> = HashMap::new();
        for (section, raws) in [
            (Section::Preamble, raw.preamble),
            (Section::Operative, raw.operative),
        ] {
            for (index, raw) in raws.into_iter().enumerate() {
                let paragraph = self.paragraph(section, index, raw.into_inner(), &mut first_use)?;
                declaration.paragraphs_mut(section).push(paragraph);
            }
        }
        Ok(LoadedDraft {
            declaration,
            lines: self.lines,
        })
    }

    fn header(&mut self, raw: RawHeader) -> Result<Header, Box<Diagnostic>> {
        if let Some(date) = &raw.date
            && CalendarDate::parse(date.get_ref()).is_none()
        {
            return Err(self.error(
                date.span().start,
                format!("`{}` is not a date of the form YYYY-MM-DD", date.get_ref()),
                "write the date as year-month-day, e.g. date = \"2009-02-11\"; it is printed \"11 February 2009\"",
            ));
        }
        if let Some(number) = &raw.number
            && !number.get_ref().trim().is_empty()
            && DocumentNumber::parse(number.get_ref()).is_none()
        {
            return Err(self.error(
                number.span().start,
                format!("`{}` is not a base document number SERIAL/YY", number.get_ref()),
                "write the base number, e.g. number = \"6093/09\"; revisions are derived: revision = 1 prints \"6093/1/09 REV 1\"",
            ));
        }
        let revision = raw.revision.map_or(0, Spanned::into_inner);
        let codes = raw
            .codes
            .into_iter()
            .map(|code| self.text(TextRef::Header("codes"), Some(code)))
            .collect();
        Ok(Header {
            body: self.text(TextRef::Header("body"), raw.body),
            place: self.text(TextRef::Header("place"), raw.place),
            date: self.text(TextRef::Header("date"), raw.date),
            language: self.text(TextRef::Header("language"), raw.language),
            number: self.text(TextRef::Header("number"), raw.number),
            revision,
            classification: self.text(TextRef::Header("classification"), raw.classification),
            codes,
            kind: self.text(TextRef::Header("kind"), raw.kind),
            from: self.text(TextRef::Header("from"), raw.from),
            to: self.text(TextRef::Header("to"), raw.to),
            subject: self.text(TextRef::Header("subject"), raw.subject),
            cover: self.text(TextRef::Header("cover"), raw.cover),
        })
    }

    fn paragraph(
        &mut self,
        section: Section,
        index: usize,
        raw: RawParagraph,
        first_use: &mut HashMap<String, usize>,
    ) -> Result<Paragraph, Box<Diagnostic>> {
        let id = raw.id.get_ref().trim();
        if id.is_empty() {
            return Err(self.error(
                raw.id.span().start,
                format!("a {} paragraph has an empty id", section.name()),
                "give every paragraph an id, unique in the draft, e.g. id = \"p12\"",
            ));
        }
        if let Some(&first) = first_use.get(id) {
            let first_line = self.index.line_of(first);
            return Err(self.error(
                raw.id.span().start,
                format!("the paragraph id `{id}` is already used on line {first_line}"),
                "give this paragraph an id of its own: ids identify paragraphs across revisions",
            ));
        }
        first_use.insert(id.to_string(), raw.id.span().start);
        if raw.text.get_ref().trim().is_empty() {
            return Err(self.error(
                raw.text.span().start,
                format!("the {} paragraph `{id}` has an empty text", section.name()),
                "write the paragraph's text, or delete the whole [[...]] table of the paragraph",
            ));
        }
        if let Some(empty) = raw
            .items
            .iter()
            .find(|item| item.get_ref().trim().is_empty())
        {
            return Err(self.error(
                empty.span().start,
                format!("the paragraph `{id}` has an empty item"),
                "write the item's text, or remove the empty string from `items`",
            ));
        }
        let id = id.to_string();
        let text = self.text(TextRef::Paragraph(section, index), Some(raw.text));
        let items = raw
            .items
            .into_iter()
            .enumerate()
            .map(|(j, item)| self.text(TextRef::Item(section, index, j), Some(item)))
            .collect();
        Ok(Paragraph {
            id,
            clause: raw.clause,
            text,
            items,
        })
    }
}

/// The TOML text of a declaration, in the layout the README documents.
pub fn to_toml(declaration: &Declaration) -> String {
    toml::to_string_pretty(declaration).expect("a declaration is always representable in TOML")
}

/// Writes `declaration` to `path` atomically. A draft that is already there is edited in
/// place, so that its comments (a delegation's reservation noted beside a paragraph) and
/// its layout survive the save.
pub fn save(path: &Path, declaration: &Declaration) -> anyhow::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(existing) => to_toml_keeping(&existing, declaration),
        Err(_) => to_toml(declaration),
    };
    write_atomically(path, text.as_bytes())
}

/// The TOML of `declaration`, written over `existing`: values that did not change keep their
/// spelling, every comment stays with the key or paragraph it was written beside, and
/// paragraphs are matched by id wherever they moved.
pub fn to_toml_keeping(existing: &str, declaration: &Declaration) -> String {
    let Ok(mut document) = existing.parse::<toml_edit::DocumentMut>() else {
        return to_toml(declaration);
    };
    let fresh: toml_edit::DocumentMut = to_toml(declaration).parse().expect("our own TOML parses");
    merge_table(document.as_table_mut(), fresh.as_table());
    renumber_tables(document.as_table_mut());
    document.to_string()
}

/// Sets the print order of every table, nested ones included, to the order of the keys, so
/// that moved paragraphs print where they now stand and each table's children follow it.
fn renumber_tables(root: &mut toml_edit::Table) {
    fn visit(table: &mut toml_edit::Table, position: &mut isize) {
        for (_, item) in table.iter_mut() {
            match item {
                toml_edit::Item::Table(child) => {
                    child.set_position(Some(*position));
                    *position += 1;
                    visit(child, position);
                }
                toml_edit::Item::ArrayOfTables(children) => {
                    for child in children.iter_mut() {
                        child.set_position(Some(*position));
                        *position += 1;
                        visit(child, position);
                    }
                }
                _ => {}
            }
        }
    }
    visit(root, &mut 0);
}

/// Makes `old` say what `new` says, keeping `old`'s comments and spelling where it can.
fn merge_table(old: &mut toml_edit::Table, new: &toml_edit::Table) {
    use toml_edit::Item;
    // A key the new text leaves out is empty now; one that was written out empty, or as the
    // default, still says the same and keeps its comments.
    old.retain(|key, item| new.contains_key(key) || says_nothing(key, item));
    for (key, new_item) in new.iter() {
        let Some(old_item) = old.get_mut(key) else {
            old.insert(key, new_item.clone());
            continue;
        };
        match (old_item, new_item) {
            (Item::Table(old_table), Item::Table(new_table)) => merge_table(old_table, new_table),
            (Item::ArrayOfTables(old_tables), Item::ArrayOfTables(new_tables)) => {
                let id = |table: &toml_edit::Table| {
                    table.get("id").and_then(Item::as_str).map(String::from)
                };
                let old_by_id: std::collections::HashMap<String, &toml_edit::Table> = old_tables
                    .iter()
                    .filter_map(|old| Some((id(old)?, old)))
                    .collect();
                let mut merged = toml_edit::ArrayOfTables::new();
                for new_table in new_tables.iter() {
                    let mut table = match id(new_table).and_then(|id| old_by_id.get(&id)) {
                        Some(old_table) => (*old_table).clone(),
                        None => new_table.clone(),
                    };
                    merge_table(&mut table, new_table);
                    merged.push(table);
                }
                *old_tables = merged;
            }
            (Item::Value(old_value), Item::Value(new_value)) => {
                if !same_value(old_value, new_value) {
                    let decor = old_value.decor().clone();
                    *old_value = new_value.clone();
                    *old_value.decor_mut() = decor;
                }
            }
            (old_item, new_item) => *old_item = new_item.clone(),
        }
    }
}

/// Whether a value is what leaving the key out means: empty, zero, or letters numbering.
fn says_nothing(key: &str, item: &toml_edit::Item) -> bool {
    match item.as_value() {
        Some(toml_edit::Value::String(s)) => {
            s.value().is_empty() || key == "numbering" && s.value() == "letters"
        }
        Some(toml_edit::Value::Array(a)) => a.is_empty(),
        Some(toml_edit::Value::Integer(i)) => *i.value() == 0,
        _ => false,
    }
}

/// Whether two TOML values mean the same, however they are spelled ('x' and "x").
fn same_value(a: &toml_edit::Value, b: &toml_edit::Value) -> bool {
    if let (Some(a), Some(b)) = (a.as_str(), b.as_str()) {
        return a == b;
    }
    let read = |value: &toml_edit::Value| {
        let bare = value.clone().decorated("", "");
        toml::from_str::<toml::Table>(&format!("v = {bare}")).ok()
    };
    read(a).is_some() && read(a) == read(b)
}

/// The skeleton `chapeau new` writes: every part present, ready to be filled in.
pub fn skeleton() -> Declaration {
    Declaration {
        numbering: Numbering::Letters,
        titles: vec!["[TITLE OF THE CONFERENCE]".into(), "DRAFT JOINT DECLARATION".into()],
        opening: "We, Ministers responsible for [portfolio] from [participants],".into(),
        chapeau: "To this end the Ministers agree to:".into(),
        closing: "With regard to the follow-up, we mandate our senior officials to [task].".into(),
        revisions: Vec::new(),
        unplaced: Vec::new(),
        header: Header {
            body: "COUNCIL OF THE EUROPEAN UNION".into(),
            place: "Brussels".into(),
            language: "en".into(),
            classification: "LIMITE".into(),
            kind: "NOTE".into(),
            from: "the Presidency".into(),
            to: "delegations".into(),
            subject: "Ministerial Conference \"[title]\" ([place], [dates])".into(),
            cover: "Delegations will find attached a draft of the joint declaration to be adopted by the above Ministerial Conference.".into(),
            ..Default::default()
        },
        preamble: vec![Paragraph {
            id: "p1".into(),
            clause: None,
            text: "Gathered in [place] on [date] at the invitation of [host],".into(),
            items: Vec::new(),
        }],
        operative: vec![Paragraph {
            id: "o1".into(),
            clause: None,
            text: "[The first operative paragraph.]".into(),
            items: Vec::new(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(source: &str) -> Result<LoadedDraft, Box<Diagnostic>> {
        parse(Path::new("draft.toml"), source)
    }

    const SMALL: &str = r#"numbering = "numbers"
opening = "We, Ministers,"

[header]
number = "6093/09"
revision = 1
date = "2009-02-11"

[[preamble]]
id = "aware"
text = "Aware that migration matters,"

[[operative]]
id = "act"
clause = "act-now"
text = "We agree by:"
items = ["acting,", "reporting."]
"#;

    #[test]
    fn reads_a_draft_and_remembers_lines() {
        let draft = parse_str(SMALL).unwrap();
        let d = &draft.declaration;
        assert_eq!(d.numbering, Numbering::Numbers);
        assert_eq!(d.header.printed_number(), "6093/1/09 REV 1");
        assert_eq!(d.operative[0].items, ["acting,", "reporting."]);
        assert_eq!(d.operative[0].clause.as_deref(), Some("act-now"));
        assert_eq!(draft.line_of(TextRef::Opening), 2);
        assert_eq!(draft.line_of(TextRef::Paragraph(Section::Preamble, 0)), 11);
        assert_eq!(draft.line_of(TextRef::Item(Section::Operative, 0, 1)), 17);
    }

    #[test]
    fn saving_and_reading_back_gives_the_same_declaration() {
        let declaration = parse_str(SMALL).unwrap().declaration;
        let again = parse_str(&to_toml(&declaration)).unwrap().declaration;
        assert_eq!(again, declaration);
        let skeleton = skeleton();
        assert_eq!(
            parse_str(&to_toml(&skeleton)).unwrap().declaration,
            skeleton
        );
    }

    #[test]
    fn saving_over_a_draft_keeps_its_comments_wherever_paragraphs_move() {
        let source = "# Prague draft, working text\nnumbering = 'letters'\nopening = \"We,\"\n\n[header]\n# the base number\nnumber = \"6093/09\"\n\n# DE: scrutiny reservation\n[[operative]]\nid = \"a\"\ntext = \"We act.\"  # agreed\n\n[[operative]]\nid = \"b\"\ntext = \"We report.\"\n";
        let mut declaration = parse_str(source).unwrap().declaration;
        declaration.operative.swap(0, 1);
        declaration.operative[1].text = "We act now.".into();
        declaration.header.revision = 1;
        let saved = to_toml_keeping(source, &declaration);
        assert_eq!(
            parse_str(&saved).unwrap().declaration,
            declaration,
            "{saved}"
        );
        for comment in [
            "# Prague draft, working text",
            "# the base number",
            "# DE: scrutiny reservation\n[[operative]]\nid = \"a\"",
        ] {
            assert!(saved.contains(comment), "{comment:?} kept in:\n{saved}");
        }
        assert!(
            saved.contains("numbering = 'letters'"),
            "unchanged values keep their spelling:\n{saved}"
        );
        assert!(
            saved.contains("text = \"We act now.\"  # agreed"),
            "{saved}"
        );
        let unchanged = parse_str(source).unwrap().declaration;
        assert_eq!(
            to_toml_keeping(source, &unchanged),
            source,
            "saving an unchanged draft changes nothing"
        );
    }

    #[test]
    fn an_unknown_key_is_located() {
        let error = parse_str("[[preamble]]\nid = \"a\"\ntxt = \"Aware,\"\n").unwrap_err();
        assert_eq!((error.line, error.column), (3, 1));
        assert!(
            error.message.contains("unknown field `txt`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn an_unknown_section_is_located() {
        let error =
            parse_str("opening = \"We,\"\n[[preambel]]\nid = \"a\"\ntext = \"x\"\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("preambel"), "{}", error.message);
    }

    #[test]
    fn duplicate_ids_name_the_first_use() {
        let source =
            "[[preamble]]\nid = \"a\"\ntext = \"x,\"\n[[operative]]\nid = \"a\"\ntext = \"y.\"\n";
        let error = parse_str(source).unwrap_err();
        assert_eq!((error.line, error.column), (5, 6));
        assert!(
            error.message.contains("already used on line 2"),
            "{}",
            error.message
        );
    }

    #[test]
    fn empty_texts_and_bad_numbers_are_refused() {
        let error = parse_str("[[operative]]\nid = \"a\"\ntext = \"  \"\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("empty text"));
        let error = parse_str("[header]\nnumber = \"6093/1/09 REV 1\"\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.help.contains("revision = 1"));
        let error = parse_str("[header]\ndate = \"11 February 2009\"\n").unwrap_err();
        assert!(error.message.contains("YYYY-MM-DD"));
        assert!(parse_str("\n  \n").unwrap_err().message.contains("empty"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let error = parse_str("opening = \"We, Ministers\n").unwrap_err();
        assert_eq!(error.line, 1);
        assert!(error.help.contains("TOML syntax"));
    }
}
