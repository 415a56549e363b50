//! Exports of the bundled example: faithful to the real Council document, word for word, in
//! every format.

use crate::common;

use common::{chapeau, example, fixture};

/// The words of a declaration with labels, bullets and emphasis markers left out, so that a
/// PDF conversion and a clean export can be compared word for word.
fn declaration_words(text: &str) -> Vec<String> {
    let start = text
        .find("BUILDING MIGRATION PARTNERSHIPS")
        .expect("the titles are there");
    let is_label = common::is_label;
    text[start..]
        .split_whitespace()
        .map(|word| word.replace("**", ""))
        .filter(|word| !word.is_empty() && word != "-" && !is_label(word))
        .collect()
}

#[test]
fn the_text_export_has_every_word_of_the_seed_declaration_in_order() {
    let seed =
        std::fs::read_to_string(fixture("prague-2009-draft-joint-declaration-rev1.txt")).unwrap();
    let run = chapeau(&["export", example().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = declaration_words(&seed);
    let exported = declaration_words(&run.stdout);
    let first_difference = expected.iter().zip(&exported).position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "first difference at word {:?}: seed {:?}, export {:?}",
        first_difference,
        first_difference.map(|i| &expected[i.saturating_sub(3)..(i + 3).min(expected.len())]),
        first_difference.map(|i| &exported[i.saturating_sub(3)..(i + 3).min(exported.len())]),
    );
    assert_eq!(exported.len(), expected.len());
    assert!(
        expected.len() > 2300,
        "the whole declaration is compared: {}",
        expected.len()
    );
}

#[test]
fn the_text_export_opens_with_the_council_cover_note() {
    let run = chapeau(&["export", example().to_str().unwrap(), "--rev", "1"]);
    let expected = "\
COUNCIL OF THE EUROPEAN UNION

Brussels, 11 February 2009 (OR. en)

6093/1/09 REV 1

LIMITE

ASIM 12
RELEX 104

REVISED NOTE

from:           the Presidency
to:             delegations
No. prev. doc.: 6093/09
Subject:        Ministerial Conference \"Building Migration Partnerships\"
                (Prague, 27-28.4.09)

Delegations will find attached a new draft of the joint declaration to be
adopted by the above Ministerial Conference. This draft of the joint declaration
is also being transmitted in view of the Senior Official meeting due to take
place in Antalya (Turkey) on 16 and 17 February 2009, to the non EU partners
invited to attend the Ministerial Conference.

BUILDING MIGRATION PARTNERSHIPS
PRAGUE MINISTERIAL CONFERENCE
DRAFT JOINT DECLARATION
";
    assert!(
        run.stdout.starts_with(expected),
        "{}",
        &run.stdout[..1200.min(run.stdout.len())]
    );
}

#[test]
fn the_text_export_is_tidy_at_every_width() {
    for width in ["40", "72", "80", "120"] {
        let run = chapeau(&["export", example().to_str().unwrap(), "--width", width]);
        assert_eq!(run.code, 0);
        let width: usize = width.parse().unwrap();
        assert!(run.stdout.ends_with(".\n") && !run.stdout.ends_with("\n\n"));
        assert!(!run.stdout.contains("**"), "emphasis markers are dropped");
        assert!(
            !run.stdout.contains("\n\n\n"),
            "one blank line between paragraphs"
        );
        for line in run.stdout.lines() {
            assert_eq!(line, line.trim_end(), "no trailing spaces");
            let longest_word = line
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            assert!(
                line.chars().count() <= width || longest_word > width / 2,
                "{width}: {line:?}"
            );
        }
    }
}

#[test]
fn the_text_export_matches_the_golden_file() {
    let run = chapeau(&["export", example().to_str().unwrap(), "--rev", "1"]);
    insta::assert_snapshot!("prague_2009_text", run.stdout);
}

#[test]
fn the_markdown_export_keeps_emphasis_and_labels() {
    let run = chapeau(&[
        "export",
        example().to_str().unwrap(),
        "--format",
        "markdown",
        "--rev",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("**migration partnership**"));
    assert!(run.stdout.contains("\n(f) This partnership will address the issue of **preventing and fighting illegal migration** by:\n\n- intensifying"));
    assert!(run.stdout.contains("\n*Aware* that in a globalised world"));
    assert!(run.stdout.contains("\n*Gathered*, on the invitation"));
    assert!(run.stdout.starts_with("**COUNCIL OF THE EUROPEAN UNION**\n\n**Brussels, 11 February 2009 (OR. en)**\n\n**6093/1/09 REV 1**\n\n**LIMITE**"));
    insta::assert_snapshot!("prague_2009_markdown", run.stdout);
}

#[test]
fn the_json_export_is_the_structured_document() {
    let run = chapeau(&[
        "export",
        example().to_str().unwrap(),
        "--format",
        "json",
        "--rev",
        "1",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let header = &document["header"];
    assert_eq!(header["number"], "6093/1/09 REV 1");
    assert_eq!(header["base_number"], "6093/09");
    assert_eq!(header["previous_number"], "6093/09");
    assert_eq!(header["kind"], "REVISED NOTE");
    assert_eq!(header["classification"], "LIMITE");
    assert_eq!(header["codes"], serde_json::json!(["ASIM 12", "RELEX 104"]));
    assert_eq!(document["titles"].as_array().unwrap().len(), 3);
    assert_eq!(document["preamble"].as_array().unwrap().len(), 17);
    let operative = document["operative"].as_array().unwrap();
    let labels: Vec<&str> = operative
        .iter()
        .map(|p| p["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)", "(k)", "(l)",
            "(m)", "(n)"
        ]
    );
    let items: Vec<usize> = operative
        .iter()
        .map(|p| p["items"].as_array().unwrap().len())
        .collect();
    assert_eq!(items, [0, 0, 0, 0, 0, 11, 11, 8, 5, 11, 0, 0, 0, 0]);
    assert!(
        document["chapeau"]
            .as_str()
            .unwrap()
            .starts_with("To this end")
    );
    assert!(
        document["closing"]
            .as_str()
            .unwrap()
            .starts_with("With regard to this")
    );
    for paragraph in document["preamble"]
        .as_array()
        .unwrap()
        .iter()
        .chain(operative)
    {
        assert!(!paragraph["id"].as_str().unwrap().is_empty());
    }
}

#[test]
fn numbers_numbering_labels_1_2_3() {
    let dir = tempfile::tempdir().unwrap();
    let draft = std::fs::read_to_string(example())
        .unwrap()
        .replace("numbering = \"letters\"", "numbering = \"numbers\"");
    assert!(draft.contains("numbering = \"numbers\""));
    let path = dir.path().join("numbered.toml");
    std::fs::write(&path, draft).unwrap();
    let run = chapeau(&["export", path.to_str().unwrap()]);
    assert!(
        run.stdout.contains("\n1.   This approach is based"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n14.  Fully aware of our shared"));
}

/// The words of a text, letters and digits only: how a text is found in any format, whatever
/// that format does to punctuation, emphasis and line breaks.
fn alphanumeric_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(String::from)
        .collect()
}

/// Every text of a draft (cover note, titles, opening, paragraphs, items, chapeau, closing,
/// unplaced text) appears in every export format, and the JSON export also says how the
/// paragraphs are numbered and which clause each came from.
#[test]
fn every_text_of_a_draft_appears_in_every_export_format() {
    let mut draft = chapeau::draft_file::load(&example()).unwrap().declaration;
    draft.unplaced = vec!["A passage the import could not place, kept whole.".into()];
    draft.numbering = chapeau::model::Numbering::Numbers;
    draft.operative[0].clause = Some("return-and-readmission".into());
    for (format, name, _) in chapeau::export::Format::ALL {
        let out = chapeau::export::export(&draft, format, 60);
        let words = alphanumeric_words(&out);
        for (at, text) in draft.texts() {
            let wanted = alphanumeric_words(text);
            if wanted.is_empty() {
                continue;
            }
            assert!(
                words.windows(wanted.len()).any(|window| window == wanted),
                "{name} leaves out {at:?}: {text:?}"
            );
        }
    }
    let json: serde_json::Value = serde_json::from_str(&chapeau::export::export(
        &draft,
        chapeau::export::Format::Json,
        80,
    ))
    .unwrap();
    assert_eq!(json["numbering"], "numbers");
    assert_eq!(json["operative"][0]["clause"], "return-and-readmission");
    assert_eq!(json["operative"][0]["label"], "1.");
    assert_eq!(
        json["unplaced"],
        serde_json::json!(["A passage the import could not place, kept whole."])
    );
}
