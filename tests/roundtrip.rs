//! Property: whatever a drafter writes, saving a draft and reading it back gives the same
//! declaration, word for word.

use std::path::Path;

use chapeau::draft_file::{parse, to_toml};
use chapeau::model::{Declaration, Header, Numbering, Paragraph};
use proptest::prelude::*;

/// Any text a paragraph may hold: not blank, any characters including quotes, backslashes,
/// line breaks and non-Latin scripts.
fn paragraph_text() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("a paragraph has words", |text| !text.trim().is_empty())
}

fn paragraphs(prefix: &'static str) -> impl Strategy<Value = Vec<Paragraph>> {
    prop::collection::vec(
        (
            paragraph_text(),
            prop::collection::vec(paragraph_text(), 0..3),
            prop::option::of("[a-z]{1,8}(-[a-z0-9]{1,5})?"),
        ),
        0..5,
    )
    .prop_map(move |specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(i, (text, items, clause))| Paragraph {
                id: format!("{prefix}{i}"),
                clause,
                text,
                items,
            })
            .collect()
    })
}

fn header() -> impl Strategy<Value = Header> {
    (
        any::<String>(),
        prop::option::of((1990u32..2100, 1u32..=12, 1u32..=28)),
        prop::option::of((1u32..99999, 0u32..100)),
        0u32..30,
        prop::collection::vec(any::<String>(), 0..3),
        any::<String>(),
    )
        .prop_map(|(body, date, number, revision, codes, subject)| Header {
            body,
            date: date.map(|(y, m, d)| {
                chapeau::cover_note::read_date(&format!("{y:04}-{m:02}-{d:02}")).unwrap()
            }),
            number: number.map(|(serial, year)| format!("{serial}/{year:02}").parse().unwrap()),
            revision,
            codes,
            subject,
            cover: "Delegations will find attached ...".into(),
            ..Default::default()
        })
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        prop_oneof![
            Just(Numbering::Letters),
            Just(Numbering::Numbers),
            Just(Numbering::None)
        ],
        prop::collection::vec(any::<String>(), 0..3),
        any::<String>(),
        any::<String>(),
        header(),
        paragraphs("p"),
        paragraphs("o"),
    )
        .prop_map(
            |(numbering, titles, opening, chapeau, header, preamble, operative)| Declaration {
                unplaced: chapeau.lines().map(String::from).collect(),
                revisions: Vec::new(),
                numbering,
                titles,
                opening,
                chapeau,
                closing: "We mandate our senior officials.".into(),
                header,
                preamble,
                operative,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn save_then_load_is_the_identity(declaration in declaration(), circulations in 0usize..3) {
        let mut declaration = declaration;
        for n in 0..circulations {
            declaration.circulate(chapeau::cover_note::read_date(&format!("2009-02-1{n}")).unwrap());
            declaration.opening.push_str(" and more");
        }
        let saved = to_toml(&declaration);
        let loaded = parse(Path::new("draft.toml"), &saved)
            .map_err(|diagnostic| TestCaseError::fail(format!("{diagnostic}\n{saved}")))?;
        prop_assert_eq!(loaded.declaration, declaration);
    }
}

/// Edits a drafter makes between two saves.
#[derive(Debug, Clone)]
enum Edit {
    Move(usize, usize),
    Delete(usize),
    Insert(usize, String),
    Rewrite(usize, String),
    Chapeau(String),
    Numbering(Numbering),
    Items(usize, Vec<String>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..40, 0usize..40).prop_map(|(a, b)| Edit::Move(a, b)),
        (0usize..40).prop_map(Edit::Delete),
        (0usize..40, paragraph_text()).prop_map(|(i, t)| Edit::Insert(i, t)),
        (0usize..40, paragraph_text()).prop_map(|(i, t)| Edit::Rewrite(i, t)),
        any::<String>().prop_map(Edit::Chapeau),
        prop_oneof![
            Just(Numbering::Letters),
            Just(Numbering::Numbers),
            Just(Numbering::None)
        ]
        .prop_map(Edit::Numbering),
        (0usize..40, prop::collection::vec(paragraph_text(), 0..3))
            .prop_map(|(i, items)| Edit::Items(i, items)),
    ]
}

fn apply(declaration: &mut Declaration, edit: Edit, fresh: &mut usize) {
    let operative = &mut declaration.operative;
    let n = operative.len();
    match edit {
        Edit::Move(a, b) if n > 0 => {
            let paragraph = operative.remove(a % n);
            operative.insert(b % n, paragraph);
        }
        Edit::Delete(i) if n > 0 => {
            operative.remove(i % n);
        }
        Edit::Insert(i, text) => {
            *fresh += 1;
            operative.insert(
                i % (n + 1),
                Paragraph {
                    id: format!("new-{fresh}"),
                    text,
                    ..Default::default()
                },
            );
        }
        Edit::Rewrite(i, text) if n > 0 => operative[i % n].text = text,
        Edit::Items(i, items) if n > 0 => operative[i % n].items = items,
        Edit::Chapeau(text) => declaration.chapeau = text,
        Edit::Numbering(numbering) => declaration.numbering = numbering,
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Saving over the example (with its comments) after any edits reads back as the edited
    /// declaration, and keeps the comments of the file's opening lines.
    #[test]
    fn saving_over_a_draft_reads_back_as_what_was_saved(edits in prop::collection::vec(edit(), 0..12)) {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/prague-2009.toml");
        let existing = std::fs::read_to_string(path).unwrap();
        let mut declaration = parse(Path::new(path), &existing).unwrap().declaration;
        let mut fresh = 0;
        for edit in edits {
            apply(&mut declaration, edit, &mut fresh);
        }
        let saved = chapeau::draft_file::to_toml_keeping(&existing, &declaration);
        let loaded = parse(Path::new("draft.toml"), &saved)
            .map_err(|diagnostic| TestCaseError::fail(format!("{diagnostic}\n{saved}")))?;
        prop_assert_eq!(loaded.declaration, declaration);
        let first_comment = existing.lines().next().unwrap();
        prop_assert!(saved.contains(first_comment));
    }
}
