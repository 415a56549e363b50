//! Drafting checks: what a careful drafter looks for before a text goes out. Openers,
//! consistent endings, items under a lead-in, brackets and quotes, doubled spaces, mixed
//! spellings and empty parts.

use std::collections::HashMap;

use crate::model::{Declaration, Numbering, Section, TextRef};
use crate::numbering::label;
use crate::safe_text::{is_hostile, visible};

/// One thing a drafter should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The text the finding is about.
    pub at: TextRef,
    /// What is wrong, naming the paragraph as a drafter would ("operative paragraph (c)").
    pub message: String,
}

/// Runs every check over `declaration`, in reading order.
pub fn check(declaration: &Declaration) -> Vec<Finding> {
    let mut findings = Vec::new();
    let name = |at: TextRef| describe(at, declaration.numbering);
    check_empty_parts(declaration, &mut findings);
    check_cover_note(declaration, &mut findings);
    check_clauses_added_twice(declaration, &mut findings);
    check_preamble(declaration, &mut findings);
    check_operative(declaration, &mut findings);
    for (at, text) in declaration.texts() {
        for message in text_findings(text) {
            findings.push(Finding {
                at,
                message: format!("{}: {message}", name(at)),
            });
        }
    }
    findings.extend(mixed_spellings(declaration));
    let reading_order: HashMap<TextRef, usize> = declaration
        .texts()
        .iter()
        .enumerate()
        .map(|(position, (at, _))| (*at, position))
        .collect();
    findings.sort_by_key(|finding| reading_order.get(&finding.at).copied().unwrap_or(0));
    findings
}

/// How a drafter names a piece of text.
pub fn describe(at: TextRef, numbering: Numbering) -> String {
    match at {
        TextRef::Header(field) => format!("the cover note's {field}"),
        TextRef::Title(i) => format!("title line {}", i + 1),
        TextRef::Opening => "the opening".into(),
        TextRef::Chapeau => "the chapeau".into(),
        TextRef::Closing => "the closing".into(),
        TextRef::Paragraph(Section::Preamble, i) => format!("preambular paragraph {}", i + 1),
        TextRef::Paragraph(Section::Operative, i) => match label(numbering, i) {
            label if label.is_empty() => format!("operative paragraph {}", i + 1),
            label => format!("operative paragraph {label}"),
        },
        TextRef::Item(Section::Preamble, i, j) => {
            format!("item {} of preambular paragraph {}", j + 1, i + 1)
        }
        TextRef::Unplaced(i) => format!("unplaced passage {}", i + 1),
        TextRef::Item(Section::Operative, i, j) => match label(numbering, i) {
            label if label.is_empty() => format!("item {} of operative paragraph {}", j + 1, i + 1),
            label => format!("item {} of {label}", j + 1),
        },
    }
}

fn check_empty_parts(declaration: &Declaration, findings: &mut Vec<Finding>) {
    let mut report = |at: TextRef, message: &str| {
        findings.push(Finding {
            at,
            message: message.to_string(),
        });
    };
    for (at, text) in declaration.texts() {
        let is_required_part = matches!(
            at,
            TextRef::Title(_) | TextRef::Paragraph(..) | TextRef::Item(..)
        );
        if is_required_part && text.trim().is_empty() {
            report(
                at,
                &format!("{} is empty", describe(at, declaration.numbering)),
            );
        }
    }
    if declaration.opening.trim().is_empty() {
        report(
            TextRef::Opening,
            "the declaration has no opening (\"We, Ministers ...\")",
        );
    }
    if !declaration.operative.is_empty() && declaration.chapeau.trim().is_empty() {
        report(
            TextRef::Chapeau,
            "the operative part has no chapeau to introduce it",
        );
    }
    for (i, passage) in declaration.unplaced.iter().enumerate() {
        report(
            TextRef::Unplaced(i),
            &format!(
                "text the import could not place: \"{}\"; move it into a part of the declaration, or delete it",
                shorten(passage.trim(), 60)
            ),
        );
    }
    if declaration.closing.trim().is_empty() {
        report(
            TextRef::Closing,
            "the declaration has no closing (follow-up and mandate)",
        );
    }
}

/// The punctuation mark a text ends with, ignoring emphasis markers and closing quotes.
fn ending(text: &str) -> Option<char> {
    text.trim_end()
        .trim_end_matches(['*', '”', '’', '"', ')', ']'])
        .trim_end()
        .chars()
        .last()
        .filter(|c| matches!(c, ',' | ';' | '.' | ':'))
}

fn shown(ending: Option<char>) -> String {
    ending.map_or("no punctuation mark".into(), |c| format!("\"{c}\""))
}

/// Flags the texts whose ending differs from the one most of them use (ties go to the first).
fn flag_inconsistent_endings(
    endings: &[(TextRef, Option<char>)],
    what: &str,
    numbering: Numbering,
    findings: &mut Vec<Finding>,
) {
    let mut counts: HashMap<Option<char>, usize> = HashMap::new();
    for (_, end) in endings {
        *counts.entry(*end).or_default() += 1;
    }
    let Some(usual) = endings.iter().map(|(_, end)| *end).max_by_key(|end| {
        (
            counts[end],
            std::cmp::Reverse(endings.iter().position(|(_, e)| e == end)),
        )
    }) else {
        return;
    };
    for (at, end) in endings {
        if *end != usual {
            findings.push(Finding {
                at: *at,
                message: format!(
                    "{} ends with {} while {what} end with {}",
                    describe(*at, numbering),
                    shown(*end),
                    shown(usual)
                ),
            });
        }
    }
}

/// A Council document goes out with a number and a date.
fn check_cover_note(declaration: &Declaration, findings: &mut Vec<Finding>) {
    let header = &declaration.header;
    if header.number.is_none() {
        findings.push(Finding {
            at: TextRef::Header("number"),
            message: "the cover note has no document number (e.g. 6093/09)".into(),
        });
    }
    if header.date.is_none() {
        findings.push(Finding {
            at: TextRef::Header("date"),
            message: "the cover note has no date (e.g. 2009-02-11)".into(),
        });
    }
}

/// The same library clause twice is almost always a slip of the hand.
fn check_clauses_added_twice(declaration: &Declaration, findings: &mut Vec<Finding>) {
    let mut first: HashMap<&str, TextRef> = HashMap::new();
    for section in [Section::Preamble, Section::Operative] {
        for (i, paragraph) in declaration.paragraphs(section).iter().enumerate() {
            let Some(clause) = paragraph.clause.as_deref() else {
                continue;
            };
            let at = TextRef::Paragraph(section, i);
            match first.get(clause) {
                None => {
                    first.insert(clause, at);
                }
                Some(&earlier) => findings.push(Finding {
                    at,
                    message: format!(
                        "{} is the library clause {clause} again, as {}: delete one of them",
                        describe(at, declaration.numbering),
                        describe(earlier, declaration.numbering)
                    ),
                }),
            }
        }
    }
}

fn check_preamble(declaration: &Declaration, findings: &mut Vec<Finding>) {
    let numbering = declaration.numbering;
    let mut endings = Vec::new();
    for (i, paragraph) in declaration.preamble.iter().enumerate() {
        let at = TextRef::Paragraph(Section::Preamble, i);
        if !opens_with_participle_or_adjective(&paragraph.text) {
            let first = paragraph.text.split_whitespace().next().unwrap_or("");
            findings.push(Finding {
                at,
                message: format!(
                    "{} opens with \"{first}\": preambular paragraphs open with a participle or adjective (\"Recognising\", \"Aware that\")",
                    describe(at, numbering)
                ),
            });
        }
        match ending(&paragraph.text) {
            end @ Some(',' | ';') => endings.push((at, end)),
            end => findings.push(Finding {
                at,
                message: format!(
                    "{} ends with {}: preambular paragraphs end with \",\" or \";\"",
                    describe(at, numbering),
                    shown(end)
                ),
            }),
        }
    }
    flag_inconsistent_endings(
        &endings,
        "the other preambular paragraphs",
        numbering,
        findings,
    );
}

fn check_operative(declaration: &Declaration, findings: &mut Vec<Finding>) {
    let numbering = declaration.numbering;
    let paragraphs = &declaration.operative;
    if !paragraphs.is_empty()
        && !declaration.chapeau.trim().is_empty()
        && ending(&declaration.chapeau) != Some(':')
    {
        findings.push(Finding {
            at: TextRef::Chapeau,
            message: format!(
                "the chapeau ends with {}: it introduces the operative part and ends with \":\"",
                shown(ending(&declaration.chapeau))
            ),
        });
    }
    let mut plain_endings = Vec::new();
    let mut inner_item_endings = Vec::new();
    let mut last_item_endings = Vec::new();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let at = TextRef::Paragraph(Section::Operative, i);
        let is_last = i + 1 == paragraphs.len();
        if paragraph.items.is_empty() {
            if is_last {
                if ending(&paragraph.text) != Some('.') {
                    findings.push(Finding {
                        at,
                        message: format!(
                            "{} is the last operative paragraph and ends with {}, not \".\"",
                            describe(at, numbering),
                            shown(ending(&paragraph.text))
                        ),
                    });
                }
            } else {
                plain_endings.push((at, ending(&paragraph.text)));
            }
            continue;
        }
        if ending(&paragraph.text) != Some(':') {
            findings.push(Finding {
                at,
                message: format!(
                    "{} has items but ends with {}, not \":\"",
                    describe(at, numbering),
                    shown(ending(&paragraph.text))
                ),
            });
        }
        let last = paragraph.items.len() - 1;
        for (j, item) in paragraph.items.iter().enumerate() {
            let item_at = TextRef::Item(Section::Operative, i, j);
            if j < last {
                inner_item_endings.push((item_at, ending(item)));
            } else if is_last && ending(item) != Some('.') {
                findings.push(Finding {
                    at: item_at,
                    message: format!(
                        "{} closes the operative part and ends with {}, not \".\"",
                        describe(item_at, numbering),
                        shown(ending(item))
                    ),
                });
            } else if !is_last {
                last_item_endings.push((item_at, ending(item)));
            }
        }
    }
    flag_inconsistent_endings(
        &plain_endings,
        "the other operative paragraphs",
        numbering,
        findings,
    );
    flag_inconsistent_endings(&inner_item_endings, "the other items", numbering, findings);
    flag_inconsistent_endings(
        &last_item_endings,
        "the other lists' last items",
        numbering,
        findings,
    );
}

/// Openers that are adjectives rather than participles.
const ADJECTIVE_OPENERS: &[&str] = &[
    "aware",
    "conscious",
    "mindful",
    "cognisant",
    "cognizant",
    "desirous",
    "keen",
    "eager",
    "anxious",
    "confident",
    "certain",
    "sure",
    "alert",
    "grateful",
    "appreciative",
    "unanimous",
];

/// Whether the text opens as a preambular paragraph should: "Recognising", "Gathered",
/// "Aware that", or an adverb before one of those ("Deeply concerned").
pub fn opens_with_participle_or_adjective(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .take(2)
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
        })
        .collect();
    let is_opener = |word: &str| {
        (word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed")))
            || ADJECTIVE_OPENERS.contains(&word)
    };
    match words.as_slice() {
        [first, ..] if is_opener(first) => true,
        [first, second] => {
            (first.ends_with("ly") || first == "also" || first == "further") && is_opener(second)
        }
        _ => false,
    }
}

/// Checks that look at one text alone: brackets, quotes, doubled spaces.
fn text_findings(text: &str) -> Vec<String> {
    let mut messages = Vec::new();
    for (open, close) in [('(', ')'), ('[', ']'), ('{', '}'), ('“', '”')] {
        let opened = text.matches(open).count();
        let closed = text.matches(close).count();
        if opened != closed {
            messages.push(format!(
                "unbalanced \"{open}{close}\": {opened} opening, {closed} closing"
            ));
        }
    }
    if text.matches('"').count() % 2 == 1 {
        messages.push("an odd number of straight quotation marks (\")".into());
    }
    for bracketed in square_bracketed(text) {
        messages.push(format!(
            "text in square brackets, still under negotiation: {bracketed}"
        ));
    }
    let mut controls: Vec<char> = text.chars().filter(|&c| is_hostile(c)).collect();
    controls.sort_unstable();
    controls.dedup();
    if !controls.is_empty() {
        let named: Vec<String> = controls
            .iter()
            .map(|&c| format!("U+{:04X} (shown as {})", c as u32, visible(&c.to_string())))
            .collect();
        messages.push(format!(
            "control characters that are not text and could drive a terminal: {}; retype the passage without them",
            named.join(", ")
        ));
    }
    if let Some(at) = text.trim().find("  ") {
        let before: String = text.trim()[..at]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        messages.push(format!("doubled space after \"{before}\""));
    }
    messages
}

/// The square-bracketed passages of a text, outermost only, shortened for a one-line report.
/// Every passage in square brackets across the draft (text under negotiation, or a
/// placeholder of the skeleton left unfilled), in reading order: what circulating asks about.
pub fn bracketed_passages(declaration: &Declaration) -> Vec<String> {
    declaration
        .texts()
        .into_iter()
        .flat_map(|(_, text)| square_bracketed(text))
        .collect()
}

/// "3 passages in square brackets ([title], [place], [dates] ...)", or nothing.
pub fn bracketed_note(declaration: &Declaration) -> Option<String> {
    let passages = bracketed_passages(declaration);
    let shown: Vec<String> = passages
        .iter()
        .take(3)
        .map(|p| shorten(&visible(p), 30))
        .collect();
    match passages.len() {
        0 => None,
        1 => Some(format!("1 passage in square brackets ({})", shown[0])),
        n => Some(format!(
            "{n} passages in square brackets ({}{})",
            shown.join(", "),
            if n > 3 { ", ..." } else { "" }
        )),
    }
}

fn square_bracketed(text: &str) -> Vec<String> {
    let mut passages = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    passages.push(shorten(&text[start..=i], 60));
                }
            }
            _ => {}
        }
    }
    passages
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        text.to_string()
    } else {
        let kept: String = text.chars().take(limit - 1).collect();
        format!("{kept}…")
    }
}

/// A spelling that comes in two accepted forms; a draft should use one.
struct SpellingFamily {
    /// What the family is called in messages.
    name: &'static str,
    /// Which form a lower-case word is in, if it belongs to the family.
    form_of: fn(&str) -> Option<&'static str>,
}

/// Word stems that take both -ise and -ize endings in English.
const ISE_STEMS: &[&str] = &[
    "recogn",
    "organ",
    "priorit",
    "emphas",
    "mobil",
    "real",
    "util",
    "stabil",
    "modern",
    "harmon",
    "minim",
    "maxim",
    "categor",
    "character",
    "final",
    "formal",
    "global",
    "institutional",
    "legal",
    "regular",
    "operational",
    "capital",
    "digital",
    "criminal",
    "author",
    "special",
    "standard",
    "summar",
    "civil",
    "critic",
    "familiar",
    "optim",
    "central",
    "decentral",
    "normal",
    "revital",
    "industrial",
    "democrat",
    "sensit",
    "memor",
    "symbol",
    "marginal",
    "rational",
    "immun",
    "visual",
    "internal",
    "external",
    "local",
    "galvan",
    "sympath",
    "apolog",
    "agon",
    "subsid",
    "synerg",
    "jeopard",
    "capital",
    "hospital",
];

fn ise_or_ize(word: &str) -> Option<&'static str> {
    const ENDINGS: &[&str] = &["e", "es", "ed", "ing", "ation", "ations", "er", "ers"];
    for (form, letter) in [("-ise", "is"), ("-ize", "iz")] {
        for end in ENDINGS {
            let suffix = format!("{letter}{end}");
            if let Some(stem) = word.strip_suffix(&suffix)
                && ISE_STEMS.contains(&stem)
            {
                return Some(form);
            }
        }
    }
    None
}

fn hyphenated_co(word: &str) -> Option<&'static str> {
    if word.starts_with("co-operat") || word.starts_with("co-ordinat") {
        Some("co-operation")
    } else if word.starts_with("cooperat") || word.starts_with("coordinat") {
        Some("cooperation")
    } else {
        None
    }
}

fn our_or_or(word: &str) -> Option<&'static str> {
    const PAIRS: &[(&str, &str)] = &[
        ("labour", "labor"),
        ("favour", "favor"),
        ("behaviour", "behavior"),
        ("neighbour", "neighbor"),
        ("honour", "honor"),
        ("endeavour", "endeavor"),
        ("centre", "center"),
    ];
    PAIRS.iter().find_map(|(british, american)| {
        if word.starts_with(british) {
            Some("British (labour, centre)")
        } else if word.starts_with(american) {
            Some("American (labor, center)")
        } else {
            None
        }
    })
}

const SPELLING_FAMILIES: &[SpellingFamily] = &[
    SpellingFamily {
        name: "-ise/-ize",
        form_of: ise_or_ize,
    },
    SpellingFamily {
        name: "co-operation/cooperation",
        form_of: hyphenated_co,
    },
    SpellingFamily {
        name: "British/American",
        form_of: our_or_or,
    },
];

/// Flags every use of the less common form of a spelling family the draft uses both ways.
/// The words of `text`, less those that belong to a name: a capitalised word that does not
/// open a sentence ("International Labour Organization", "Organization for Security and
/// Co-operation in Europe") is spelt as its owner spells it, whatever the draft's own usage.
fn words_outside_names(text: &str) -> impl Iterator<Item = &str> {
    let mut opens_sentence = true;
    text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter_map(move |piece| {
            let word = piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
            let after = &piece[word.len()..];
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let kept = (!word.is_empty() && (opens_sentence || !capitalised)).then_some(word);
            if !word.is_empty() {
                opens_sentence = false;
            }
            if after.contains(['.', ';', ':', '!', '?']) {
                opens_sentence = true;
            }
            kept
        })
}

fn mixed_spellings(declaration: &Declaration) -> Vec<Finding> {
    let texts = declaration.texts();
    let mut findings = Vec::new();
    for family in SPELLING_FAMILIES {
        let mut uses: Vec<(TextRef, &'static str, String)> = Vec::new();
        for (at, text) in &texts {
            for word in words_outside_names(text) {
                let lower = word.to_lowercase();
                if let Some(form) = (family.form_of)(&lower) {
                    uses.push((*at, form, word.to_string()));
                }
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, form, _) in &uses {
            *counts.entry(form).or_default() += 1;
        }
        if counts.len() < 2 {
            continue;
        }
        let usual = uses
            .iter()
            .map(|(_, form, _)| *form)
            .max_by_key(|form| {
                (
                    counts[form],
                    std::cmp::Reverse(uses.iter().position(|(_, f, _)| f == form)),
                )
            })
            .expect("at least two uses");
        let example = &uses
            .iter()
            .find(|(_, form, _)| *form == usual)
            .expect("usual form is used")
            .2;
        for (at, form, word) in &uses {
            if *form != usual {
                findings.push(Finding {
                    at: *at,
                    message: format!(
                        "{}: mixed {} spelling: \"{word}\" here, but the draft mostly writes {usual} (\"{example}\")",
                        describe(*at, declaration.numbering),
                        family.name
                    ),
                });
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn paragraph(text: &str, items: &[&str]) -> Paragraph {
        Paragraph {
            id: text.chars().take(8).collect(),
            text: text.into(),
            items: items.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    fn clean() -> Declaration {
        let header = crate::model::Header {
            number: Some("6093/09".parse().unwrap()),
            date: Some(jiff::civil::date(2009, 2, 11)),
            ..Default::default()
        };
        Declaration {
            header,
            opening: "We, Ministers".into(),
            chapeau: "To this end we agree:".into(),
            closing: "We mandate our senior officials.".into(),
            preamble: vec![
                paragraph("Recognising the role of partnerships,", &[]),
                paragraph("Aware that labour shortages are acute,", &[]),
                paragraph("Deeply concerned by smuggling,", &[]),
            ],
            operative: vec![
                paragraph("We will organise dialogues.", &[]),
                paragraph(
                    "We will act by:",
                    &["prioritising return,", "cooperating closely."],
                ),
                paragraph("We will report.", &[]),
            ],
            ..Default::default()
        }
    }

    fn messages(declaration: &Declaration) -> Vec<String> {
        check(declaration).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn a_clean_draft_has_no_findings() {
        assert_eq!(messages(&clean()), Vec::<String>::new());
    }

    #[test]
    fn openers_and_preamble_endings() {
        let mut d = clean();
        d.preamble[0].text = "We recall the role of partnerships,".into();
        d.preamble[1].text = "Aware that labour shortages are acute;".into();
        d.preamble[2].text = "Deeply concerned by smuggling.".into();
        assert_eq!(
            messages(&d),
            [
                "preambular paragraph 1 opens with \"We\": preambular paragraphs open with a participle or adjective (\"Recognising\", \"Aware that\")",
                "preambular paragraph 2 ends with \";\" while the other preambular paragraphs end with \",\"",
                "preambular paragraph 3 ends with \".\": preambular paragraphs end with \",\" or \";\"",
            ]
        );
    }

    #[test]
    fn operative_endings_items_and_the_final_full_stop() {
        let mut d = clean();
        d.operative[0].text = "We will organise dialogues;".into();
        d.operative.insert(0, paragraph("We will meet.", &[]));
        d.operative[2].text = "We will act as follows".into();
        d.operative[3].text = "We will report,".into();
        assert_eq!(
            messages(&d),
            [
                "operative paragraph (b) ends with \";\" while the other operative paragraphs end with \".\"",
                "operative paragraph (c) has items but ends with no punctuation mark, not \":\"",
                "operative paragraph (d) is the last operative paragraph and ends with \",\", not \".\"",
            ]
        );
    }

    #[test]
    fn the_last_item_of_a_list_is_compared_with_the_other_lists() {
        let mut d = clean();
        d.operative = vec![
            paragraph("We act by:", &["one,", "two."]),
            paragraph("We act by:", &["one,", "two."]),
            paragraph("We act by:", &["one,", "two,"]),
            paragraph("We end.", &[]),
        ];
        assert_eq!(
            messages(&d),
            ["item 2 of (c) ends with \",\" while the other lists' last items end with \".\""]
        );
    }

    #[test]
    fn brackets_quotes_and_spaces() {
        let mut d = clean();
        d.operative[0].text = "We will [organise] dialogues (twice.".into();
        d.operative[2].text = "We will report  “soon.".into();
        assert_eq!(
            messages(&d),
            [
                "operative paragraph (a): unbalanced \"()\": 1 opening, 0 closing",
                "operative paragraph (a): text in square brackets, still under negotiation: [organise]",
                "operative paragraph (c): unbalanced \"“”\": 1 opening, 0 closing",
                "operative paragraph (c): doubled space after \"report\"",
            ]
        );
    }

    #[test]
    fn mixed_spellings_flag_the_minority_form() {
        let mut d = clean();
        d.operative[0].text = "We will organize co-operation and cooperation and mobilise.".into();
        assert_eq!(
            messages(&d),
            [
                "operative paragraph (a): mixed -ise/-ize spelling: \"organize\" here, but the draft mostly writes -ise (\"Recognising\")",
                "operative paragraph (a): mixed co-operation/cooperation spelling: \"co-operation\" here, but the draft mostly writes cooperation (\"cooperation\")",
            ]
        );
    }

    #[test]
    fn unplaced_text_is_reported() {
        let mut d = clean();
        d.unplaced = vec!["stray words".into()];
        assert_eq!(
            messages(&d),
            [
                "text the import could not place: \"stray words\"; move it into a part of the declaration, or delete it"
            ]
        );
    }

    #[test]
    fn missing_parts_are_reported() {
        let mut d = clean();
        d.chapeau.clear();
        d.closing.clear();
        d.titles = vec!["".into()];
        assert_eq!(
            messages(&d),
            [
                "title line 1 is empty",
                "the operative part has no chapeau to introduce it",
                "the declaration has no closing (follow-up and mandate)",
            ]
        );
    }

    #[test]
    fn names_keep_their_owners_spelling() {
        let mut d = clean();
        d.operative[0].text = "We will organise dialogues with the International Labour Organization and the Organization for Security and Co-operation in Europe.".into();
        d.operative[2].text = "Organize the follow-up.".into();
        assert_eq!(
            messages(&d),
            [
                "operative paragraph (c): mixed -ise/-ize spelling: \"Organize\" here, but the draft mostly writes -ise (\"Recognising\")"
            ],
            "a word opening a sentence is the draft's own"
        );
    }

    #[test]
    fn a_missing_number_or_date_and_a_clause_added_twice_are_reported() {
        let mut d = clean();
        d.header.number = None;
        d.header.date = None;
        d.operative[0].clause = Some("dialogues".into());
        d.operative[2].clause = Some("dialogues".into());
        assert_eq!(
            messages(&d),
            [
                "the cover note has no document number (e.g. 6093/09)",
                "the cover note has no date (e.g. 2009-02-11)",
                "operative paragraph (c) is the library clause dialogues again, as operative paragraph (a): delete one of them",
            ]
        );
    }
}
