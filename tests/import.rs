//! Importing plain-text declarations: the seed REV 1 with its PDF noise, other styles, our
//! own exports (round trip), and bad input.

use crate::common;

use chapeau::export::{Format, export};
use chapeau::import::import;
use chapeau::model::Numbering;
use common::{chapeau, chapeau_in, fixture};

fn seed() -> String {
    std::fs::read_to_string(fixture("prague-2009-draft-joint-declaration-rev1.txt")).unwrap()
}

/// The words of a text with labels, bullets and emphasis markers left out.
fn words(text: &str) -> Vec<String> {
    let is_label = common::is_label;
    text.split_whitespace()
        .map(|w| w.replace("**", ""))
        .filter(|w| !w.is_empty() && w != "-" && !is_label(w))
        .collect()
}

#[test]
fn the_seed_imports_to_its_structure() {
    let imported = import(&seed()).unwrap();
    let d = &imported.declaration;
    assert_eq!(d.header.number.as_ref().unwrap().to_string(), "6093/09");
    assert_eq!(d.header.revision, 1);
    assert_eq!(d.header.printed_number(), "6093/1/09 REV 1");
    assert_eq!(d.header.classification, "LIMITE");
    assert_eq!(d.header.codes, ["ASIM 12", "RELEX 104"]);
    assert_eq!(d.header.body, "COUNCIL OF THE EUROPEAN UNION");
    assert_eq!(d.header.place, "Brussels");
    assert_eq!(d.header.date.unwrap().to_string(), "2009-02-11");
    assert_eq!(d.header.kind, "NOTE");
    assert_eq!(d.header.from, "the Presidency");
    assert_eq!(d.header.to, "delegations");
    assert!(d.header.subject.starts_with("Ministerial Conference"));
    assert!(d.header.cover.starts_with("Delegations will find attached"));
    assert_eq!(
        d.titles,
        [
            "BUILDING MIGRATION PARTNERSHIPS",
            "PRAGUE MINISTERIAL CONFERENCE",
            "DRAFT JOINT DECLARATION"
        ]
    );
    assert!(d.opening.starts_with("We, Ministers"));
    assert_eq!(d.preamble.len(), 17);
    assert!(d.chapeau.starts_with("To this end"));
    assert_eq!(d.operative.len(), 14);
    assert_eq!(d.numbering, Numbering::Letters);
    let items: Vec<usize> = d.operative.iter().map(|p| p.items.len()).collect();
    assert_eq!(items, [0, 0, 0, 0, 0, 11, 11, 8, 5, 11, 0, 0, 0, 0]);
    assert!(d.closing.starts_with("With regard to this"));
    assert!(d.unplaced.is_empty(), "{:?}", d.unplaced);
}

#[test]
fn every_word_of_the_seed_declaration_is_kept_in_order() {
    let seed = seed();
    let imported = import(&seed).unwrap();
    let text = export(&imported.declaration, Format::Text, 80);
    let from = |t: &str| t.find("BUILDING MIGRATION PARTNERSHIPS").unwrap();
    let expected = words(&seed[from(&seed)..]);
    let got = words(&text[from(&text)..]);
    let first_difference = expected.iter().zip(&got).position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "{:?}",
        first_difference.map(|i| (
            &expected[i.saturating_sub(3)..i + 3],
            &got[i.saturating_sub(3)..i + 3]
        ))
    );
    assert_eq!(expected.len(), got.len());
}

#[test]
fn the_example_export_imports_back_to_the_same_text() {
    let run = chapeau(&["export", common::example().to_str().unwrap()]);
    let once = run.stdout;
    let imported = import(&once).unwrap();
    let twice = export(&imported.declaration, Format::Text, 80);
    assert_eq!(twice, once);
}

#[test]
fn a_declaration_without_cover_note_in_un_style() {
    let text = "\
DECLARATION OF THE CONFERENCE

We, the Ministers gathered in Rabat,

RECOGNISING the importance of dialogue between countries of origin, transit and
destination;

CONVINCED that migration management requires a balanced approach;

We agree to the following:

1. Strengthen cooperation on border management.

2. Promote legal pathways by:
(i) facilitating mobility,
(ii) recognising qualifications.

3. Follow up this declaration.

We mandate our senior officials to report by 2007.
";
    let d = import(text).unwrap().declaration;
    assert_eq!(d.titles, ["DECLARATION OF THE CONFERENCE"]);
    assert_eq!(d.preamble.len(), 2);
    assert!(d.preamble[0].text.starts_with("RECOGNISING the importance of dialogue between countries of origin, transit and destination;"));
    assert_eq!(d.chapeau, "We agree to the following:");
    assert_eq!(d.numbering, Numbering::Numbers);
    assert_eq!(d.operative.len(), 3);
    assert_eq!(
        d.operative[1].items,
        ["facilitating mobility,", "recognising qualifications."]
    );
    assert_eq!(
        d.closing,
        "We mandate our senior officials to report by 2007."
    );
}

#[test]
fn unnumbered_we_recall_we_agree_paragraphs() {
    let text = "\
VALLETTA SUMMIT

We, the Heads of State and Government,

Recalling the commitments made in Rabat,

We agree to address the root causes of irregular migration.

We agree to enhance cooperation on return.
";
    let d = import(text).unwrap().declaration;
    assert_eq!(d.numbering, Numbering::None);
    assert_eq!(d.preamble.len(), 1);
    assert_eq!(d.operative.len(), 2);
    let exported = export(&d, Format::Text, 80);
    assert!(
        exported.contains("\nWe agree to address the root causes"),
        "{exported}"
    );
}

#[test]
fn pdf_noise_is_survived() {
    let text = "\
**COUNCIL OF
THE EUROPEAN UNION**

Brussels, 3 March 2009 (OR. en)

**7000/09
ADD 1**

LIMITE

NOTE

from: the Presidency
to: delegations
Subject: Draft conclusions

Delegations will find attached the draft.

DRAFT CONCLUSIONS

We, Ministers,

Aware that the manage-
ment of migration matters,

7000/09 ADD 1 JV/ml 2
DG H 1 B LIMITE EN

To this end:

- (a)** We will act.
(b) We will report.
";
    let imported = import(text).unwrap();
    let d = &imported.declaration;
    assert_eq!(d.header.body, "COUNCIL OF THE EUROPEAN UNION");
    assert_eq!(d.header.language, "en");
    assert_eq!(d.header.date.unwrap().to_string(), "2009-03-03");
    assert_eq!(
        d.preamble[0].text,
        "Aware that the management of migration matters,"
    );
    assert_eq!(d.operative.len(), 2);
    assert_eq!(d.operative[0].text, "We will act.");
    assert_eq!(imported.furniture, 2);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.contains("ADD 1"))
    );
}

#[test]
fn bad_input_gets_a_clear_message() {
    let error = import("").unwrap_err();
    assert!(error.message.contains("empty"));
    let error = import("lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n").unwrap_err();
    assert!(
        error.message.contains("no declaration found"),
        "{}",
        error.message
    );
}

#[test]
fn the_import_command_writes_a_draft_and_reports_what_it_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("prague-2009-draft-joint-declaration-rev1.txt"),
        dir.path().join("rev1.txt"),
    )
    .unwrap();
    let run = chapeau_in(dir.path(), &["import", "rev1.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("17 preambular"), "{}", run.stdout);
    assert!(run.stdout.contains("14 operative"), "{}", run.stdout);
    let draft = dir.path().join("rev1.toml");
    let loaded = chapeau::draft_file::load(&draft).unwrap().declaration;
    assert_eq!(loaded.operative.len(), 14);
    let run = chapeau_in(dir.path(), &["import", "rev1.txt"]);
    assert_eq!(run.code, 2, "never overwrites without --force");
    assert!(run.stderr.contains("--force"));
    let run = chapeau_in(
        dir.path(),
        &["import", "rev1.txt", "--force", "-o", "other.toml"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.path().join("other.toml").exists());
}

#[test]
fn every_command_accepts_a_plain_text_declaration() {
    let seed = fixture("prague-2009-draft-joint-declaration-rev1.txt");
    let run = chapeau(&["export", seed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(document["operative"].as_array().unwrap().len(), 14);
    let run = chapeau(&["check", seed.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("co-operation"), "{}", run.stdout);
}

#[test]
fn bad_files_given_to_import_are_refused_with_their_position() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "\n\n").unwrap();
    std::fs::write(dir.path().join("scan.pdf"), b"%PDF-1.4\n\x00\x01binary").unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "dear colleagues\nsee you at noon\n",
    )
    .unwrap();
    for (file, words) in [
        ("empty.txt", "the text is empty"),
        ("scan.pdf", "binary file"),
        ("notes.txt", "no declaration found"),
    ] {
        let run = chapeau_in(dir.path(), &["import", file]);
        assert_eq!(run.code, 2, "{file}: {}", run.stderr);
        let location = run.stderr.split(": error: ").next().unwrap();
        let mut parts = location.rsplitn(3, ':');
        let (column, line) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(parts.next().unwrap().ends_with(file), "{}", run.stderr);
        assert!(
            line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(words), "{}", run.stderr);
        assert!(run.stderr.contains("help: "), "{}", run.stderr);
        assert!(
            !dir.path().join(file).with_extension("toml").exists(),
            "no draft is written"
        );
    }
}

/// A text saved by Word as "Unicode Text" (UTF-16) or by Notepad with a UTF-8 byte-order mark
/// reads as the same text.
#[test]
fn utf16_and_a_byte_order_mark_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "COUNCIL OF THE EUROPEAN UNION\n\nDRAFT JOINT DECLARATION\n\nWe, Ministers,\n\nAware of the need to act,\n\nWe agree on the following:\n\n(a) We will act.\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(text.as_bytes());
    std::fs::write(dir.path().join("plain.txt"), text).unwrap();
    std::fs::write(dir.path().join("word.txt"), utf16).unwrap();
    std::fs::write(dir.path().join("notepad.txt"), bom).unwrap();
    let export = |name: &str| {
        let run = common::chapeau_in(dir.path(), &["export", name, "--format", "json"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        run.stdout
    };
    let plain = export("plain.txt");
    assert_eq!(export("word.txt"), plain);
    assert_eq!(export("notepad.txt"), plain);
    assert!(!plain.contains('\u{feff}'));
}
