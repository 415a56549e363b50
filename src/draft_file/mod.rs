//! Draft files: TOML in, a [`Declaration`] out, with every problem located at its line and
//! column ([`read`]); and back again, written atomically, editing a draft that is already
//! there in place ([`keep`]).

use std::collections::HashMap;
use std::path::Path;

use crate::atomic_file::write_atomically;
use crate::diagnostic::{Diagnostic, read_text_file};
use crate::model::{Declaration, Header, Numbering, Paragraph, TextRef};

mod keep;
mod read;

pub use keep::to_toml_keeping;

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

/// Opens what a drafter gives a command: a draft (`.toml`) as it is, any other file as a
/// plain-text declaration imported on the fly.
pub fn load_draft_or_text(path: &Path) -> Result<LoadedDraft, Box<Diagnostic>> {
    if path.extension().is_some_and(|ext| ext == "toml") {
        return load(path);
    }
    let source = read_text_file(path)?;
    let imported = crate::import::import(&source)
        .map_err(|problem| Box::new(problem.in_file(path, &source)))?;
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
    let (declaration, lines) =
        read::read(source).map_err(|problem| Box::new(problem.in_file(path, source)))?;
    Ok(LoadedDraft { declaration, lines })
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
            id: crate::identity::new_id("gathered", "", |_| false),
            clause: None,
            text: "Gathered in [place] on [date] at the invitation of [host],".into(),
            items: Vec::new(),
        }],
        operative: vec![Paragraph {
            id: crate::identity::new_id("op", "", |_| false),
            clause: None,
            text: "[The first operative paragraph.]".into(),
            items: Vec::new(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

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
