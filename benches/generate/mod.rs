//! Large texts for measuring speed: a Council-style declaration of any length, built from the
//! words of the bundled clause library, and a revision of it made by a known edit script, so
//! that a redline can be scored against the truth.

#![allow(dead_code)] // each bench uses part of this

use chapeau::library::ClauseLibrary;
use chapeau::model::{Declaration, Numbering, Paragraph};

/// A small deterministic generator (a linear congruential one): the same texts on every
/// machine and every run, with no dependency.
pub struct Dice(u64);

impl Dice {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Dice {
        Dice(
            seed.wrapping_mul(2862933555777941757)
                .wrapping_add(3037000493),
        )
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The words of the bundled library, the vocabulary of generated paragraphs.
pub fn vocabulary() -> Vec<String> {
    let library = ClauseLibrary::bundled();
    let mut words: Vec<String> = library
        .clauses()
        .iter()
        .flat_map(|clause| clause.text.split_whitespace())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|word| word.len() > 1)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A paragraph of about `length` words, opening like an operative paragraph and ending ";".
fn paragraph_text(dice: &mut Dice, words: &[String], length: usize) -> String {
    let mut text = String::from("We will");
    for n in 0..length {
        text.push(' ');
        text.push_str(&words[dice.below(words.len())]);
        if n % 13 == 12 {
            text.push(',');
        }
    }
    text.push(';');
    text
}

/// A declaration of about `words` words in numbered operative paragraphs.
pub fn declaration(words: usize, seed: u64) -> Declaration {
    let vocabulary = vocabulary();
    let mut dice = Dice::new(seed);
    let mut declaration = Declaration {
        numbering: Numbering::Numbers,
        titles: vec![
            "BUILDING MIGRATION PARTNERSHIPS".into(),
            "ACTION PLAN".into(),
        ],
        opening: "We, Ministers responsible for migration,".into(),
        chapeau: "To this end we agree:".into(),
        closing: "We mandate our senior officials to follow up this action plan.".into(),
        ..Declaration::default()
    };
    let mut total = 0;
    while total < words {
        let length = 30 + dice.below(60);
        let n = declaration.operative.len();
        declaration.operative.push(Paragraph {
            id: format!("para-{n}"),
            clause: None,
            text: paragraph_text(&mut dice, &vocabulary, length),
            items: Vec::new(),
        });
        total += length + 2;
    }
    declaration
}

/// What an edit script did, paragraph by paragraph: the truth a redline is scored against.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Truth {
    /// Ids of the paragraphs inserted.
    pub inserted: Vec<String>,
    /// Ids of the paragraphs deleted.
    pub deleted: Vec<String>,
    /// Ids of the paragraphs moved (their words unchanged).
    pub moved: Vec<String>,
    /// Ids of the paragraphs whose words changed (where they stood), with the words changed.
    pub amended: Vec<(String, usize)>,
    /// Ids of the paragraphs left as they were (their label may have changed).
    pub unchanged: Vec<String>,
    /// Of the unchanged, those whose label changed with the renumbering.
    pub relabelled: Vec<String>,
}

/// A revision of `old`: words substituted in scattered paragraphs, paragraphs inserted,
/// deleted and moved (each paragraph touched by one edit at most), and the renumbering that
/// follows.
pub fn revision(old: &Declaration, seed: u64) -> (Declaration, Truth) {
    let vocabulary = vocabulary();
    let mut dice = Dice::new(seed);
    let count = old.operative.len();
    let share = |per_thousand: usize| (count * per_thousand / 1000).max(1);
    let mut touched = vec![false; count];
    let pick = |dice: &mut Dice, touched: &mut Vec<bool>| loop {
        let i = dice.below(count);
        if !touched[i] {
            touched[i] = true;
            return i;
        }
    };
    let amended: Vec<usize> = (0..share(50))
        .map(|_| pick(&mut dice, &mut touched))
        .collect();
    let deleted: Vec<usize> = (0..share(12))
        .map(|_| pick(&mut dice, &mut touched))
        .collect();
    let moved: Vec<usize> = (0..share(8))
        .map(|_| pick(&mut dice, &mut touched))
        .collect();

    let mut truth = Truth::default();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut moving: Vec<Paragraph> = Vec::new();
    for (i, paragraph) in old.operative.iter().enumerate() {
        let mut paragraph = paragraph.clone();
        if deleted.contains(&i) {
            truth.deleted.push(paragraph.id);
            continue;
        }
        if moved.contains(&i) {
            truth.moved.push(paragraph.id.clone());
            moving.push(paragraph);
            continue;
        }
        if amended.contains(&i) {
            let mut words: Vec<String> = paragraph.text.split(' ').map(String::from).collect();
            let changes = 1 + dice.below(3);
            for _ in 0..changes {
                let at = 2 + dice.below(words.len() - 3);
                words[at] = format!("{}ly", vocabulary[dice.below(vocabulary.len())]);
            }
            paragraph.text = words.join(" ");
            truth.amended.push((paragraph.id.clone(), changes));
        }
        paragraphs.push(paragraph);
    }
    // Moved paragraphs go far from where they stood, each to a place of its own.
    for paragraph in moving {
        let at = dice.below(paragraphs.len());
        paragraphs.insert(at, paragraph);
    }
    for n in 0..share(12) {
        let at = dice.below(paragraphs.len());
        let length = 30 + dice.below(60);
        let id = format!("new{n}");
        truth.inserted.push(id.clone());
        paragraphs.insert(
            at,
            Paragraph {
                id,
                clause: None,
                text: paragraph_text(&mut dice, &vocabulary, length),
                items: Vec::new(),
            },
        );
    }
    let old_position: std::collections::HashMap<&str, usize> = old
        .operative
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let id = paragraph.id.as_str();
        let changed = truth.amended.iter().any(|(a, _)| a == id)
            || truth.moved.iter().any(|m| m == id)
            || truth.inserted.iter().any(|n| n == id);
        if !changed {
            truth.unchanged.push(id.to_string());
            if old_position[id] != i {
                truth.relabelled.push(id.to_string());
            }
        }
    }
    let mut new = old.clone();
    new.operative = paragraphs;
    (new, truth)
}

/// A library of `count` clauses in TOML, made from the bundled clauses with fresh ids.
pub fn library_file(count: usize) -> String {
    let library = ClauseLibrary::bundled();
    let clauses = library.clauses();
    let mut file = String::new();
    for n in 0..count {
        let clause = &clauses[n % clauses.len()];
        let section = match clause.section {
            chapeau::model::Section::Preamble => "preamble",
            chapeau::model::Section::Operative => "operative",
        };
        let quoted = |text: &str| toml::Value::String(text.to_string()).to_string();
        let items: Vec<String> = clause.items.iter().map(|item| quoted(item)).collect();
        let tags: Vec<String> = clause.tags.iter().map(|tag| quoted(tag)).collect();
        file.push_str(&format!(
            "[[clause]]\nid = \"{}-{n}\"\nsection = \"{section}\"\ntext = {}\nitems = [{}]\ntags = [{}]\nsource = {}\n\n",
            clause.id,
            quoted(&clause.text),
            items.join(", "),
            tags.join(", "),
            quoted(&clause.source),
        ));
    }
    file
}
