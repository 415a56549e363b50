//! Property: exporting a draft as text and importing the text gives back the declaration,
//! and exporting that again gives the same text, byte for byte.

use chapeau::export::{Format, export};
use chapeau::import::import;
use chapeau::model::{Declaration, Header, Numbering, Paragraph};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "migration",
    "partnership",
    "countries",
    "of",
    "origin,",
    "transit",
    "and",
    "destination",
    "the",
    "cooperation",
    "south-eastern",
    "“Global",
    "Approach”",
    "(Prague,",
    "27-28.4.09)",
    "2009,",
    "return;",
    "readmission",
    "labour",
    "mobility",
    "Member",
    "States",
    "EU",
    "brain",
    "drain",
    "co-operation",
    "well-functioning",
    "policies",
    "in",
    "full",
    "respect",
    "for",
    "human",
    "rights",
    "Frontex,",
    "remittances",
    "50%",
    "€5",
    "migrants’",
    "ICMPD",
    "UN",
];

fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|w| w.join(" "))
}

fn preambular() -> impl Strategy<Value = String> {
    (
        prop::sample::select(
            &[
                "Recognising",
                "Aware that",
                "Convinced that",
                "Gathered in",
                "Bearing in mind",
            ][..],
        ),
        words(3, 60),
        prop::sample::select(&[",", ";"][..]),
    )
        .prop_map(|(opener, body, end)| format!("{opener} {body}{end}"))
}

fn operative() -> impl Strategy<Value = (String, Vec<String>)> {
    prop_oneof![
        words(3, 70).prop_map(|body| (format!("We will strengthen {body}."), vec![])),
        (words(2, 20), prop::collection::vec(words(2, 40), 1..5)).prop_map(|(body, items)| {
            let last = items.len() - 1;
            let items = items
                .into_iter()
                .enumerate()
                .map(|(i, item)| format!("{item}{}", if i == last { "." } else { "," }))
                .collect();
            (format!("This partnership will address {body} by:"), items)
        }),
    ]
}

fn declaration() -> impl Strategy<Value = Declaration> {
    (
        prop_oneof![Just(Numbering::Letters), Just(Numbering::Numbers)],
        prop::collection::vec(preambular(), 1..25),
        prop::collection::vec(operative(), 1..30),
        words(3, 30),
        any::<bool>(),
        1u32..4,
    )
        .prop_map(
            |(numbering, preamble, operative, subject, cover_note, revision)| Declaration {
                numbering,
                titles: vec![
                    "MINISTERIAL CONFERENCE".into(),
                    "DRAFT JOINT DECLARATION".into(),
                ],
                opening: "We, Ministers responsible for migration from partner countries,".into(),
                chapeau: "To this end the Ministers agree:".into(),
                closing: "With regard to the follow-up, we mandate our senior officials to report."
                    .into(),
                header: if cover_note {
                    Header {
                        body: "COUNCIL OF THE EUROPEAN UNION".into(),
                        place: "Brussels".into(),
                        date: Some(chapeau::cover_note::read_date("2009-02-11").unwrap()),
                        language: "en".into(),
                        number: Some("6093/09".parse().unwrap()),
                        revision,
                        classification: "LIMITE".into(),
                        codes: vec!["ASIM 12".into(), "RELEX 104".into()],
                        kind: "NOTE".into(),
                        from: "the Presidency".into(),
                        to: "delegations".into(),
                        subject: format!("Ministerial Conference {subject}"),
                        cover:
                            "Delegations will find attached a new draft of the joint declaration."
                                .into(),
                    }
                } else {
                    Header::default()
                },
                preamble: preamble
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| Paragraph {
                        id: format!("p{}", i + 1),
                        text,
                        ..Default::default()
                    })
                    .collect(),
                operative: operative
                    .into_iter()
                    .enumerate()
                    .map(|(i, (text, items))| Paragraph {
                        id: format!("o{}", i + 1),
                        text,
                        items,
                        ..Default::default()
                    })
                    .collect(),
                unplaced: Vec::new(),
                revisions: Vec::new(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_is_the_identity(declaration in declaration(), width in 40usize..120) {
        let text = export(&declaration, Format::Text, width);
        let imported = import(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        // Each imported paragraph has an id of its own, drawn, never its position.
        let mut read = imported.declaration.clone();
        let mut ids = std::collections::HashSet::new();
        for (paragraph, original) in read
            .preamble
            .iter_mut()
            .chain(read.operative.iter_mut())
            .zip(declaration.preamble.iter().chain(&declaration.operative))
        {
            prop_assert!(!chapeau::identity::is_positional(&paragraph.id), "{}", paragraph.id);
            prop_assert!(ids.insert(paragraph.id.clone()), "{} twice", paragraph.id);
            paragraph.id = original.id.clone();
        }
        prop_assert_eq!(&read, &declaration, "{}", text);
        prop_assert_eq!(export(&imported.declaration, Format::Text, width), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any text, however broken, gives a declaration or a clear error: never a panic.
    #[test]
    fn import_never_panics(text in "(\\PC{0,40}\\n?){0,30}") {
        match import(&text) {
            Ok(imported) => prop_assert!(imported.warnings.iter().all(|w| w.line >= 1)),
            Err(error) => prop_assert!(!error.message.is_empty() && error.line_in(&text) >= 1),
        }
    }

    /// Text made of the pieces a declaration is made of, in any order, never panics and
    /// loses no word.
    #[test]
    fn import_keeps_every_word(lines in prop::collection::vec(prop::sample::select(&[
        "COUNCIL OF", "THE EUROPEAN UNION", "**6093/1/09", "REV 1**", "LIMITE", "from: x", "Subject: y",
        "", "", "TITLE", "We, Ministers,", "Aware that x,", "- (a)** We act.", "(b) We go:",
        "- item one,", "(ii) item two.", "12. We agree.", "With regard to this.", "7000/09 JV/ml 2",
        "To this end:", "stray words", "RECOGNISING that;", "No. prev. doc.: 6093/09", "No. prev. doc.: 1/99",
    ][..]), 1..40)) {
        let text = lines.join("\n");
        if let Ok(imported) = import(&text) {
            let exported = export(&imported.declaration, Format::Text, 80);
            let kept = |word: &str| exported.contains(word.trim_matches(|c: char| !c.is_alphanumeric()));
            for line in &lines {
                let is_furniture = *line == "7000/09 JV/ml 2";
                let is_label = |w: &str| w.trim_start_matches('-').trim_end_matches('*').starts_with('(') && w.trim_end_matches('*').ends_with(')');
                for word in line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic) && !is_label(w)) {
                    prop_assert!(is_furniture || kept(word), "lost {word:?} of {line:?}:\n{text}\n---\n{exported}");
                }
            }
        }
    }
}
