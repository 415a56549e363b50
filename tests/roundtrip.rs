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
            date: date.map_or(String::new(), |(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            number: number.map_or(String::new(), |(serial, year)| {
                format!("{serial}/{year:02}")
            }),
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
    fn save_then_load_is_the_identity(declaration in declaration()) {
        let saved = to_toml(&declaration);
        let loaded = parse(Path::new("draft.toml"), &saved)
            .map_err(|diagnostic| TestCaseError::fail(format!("{diagnostic}\n{saved}")))?;
        prop_assert_eq!(loaded.declaration, declaration);
    }
}
