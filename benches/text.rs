//! The longest texts drafters handle, about 100,000 words: exporting a draft, importing the
//! printed text back, and the redline of a declaration against a revision of it.

#[path = "generate/mod.rs"]
mod generate;

use chapeau::export::{Format, export};
use chapeau::redline::{redline, render};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

const WORDS: usize = 100_000;

fn export_and_import(c: &mut Criterion) {
    let draft = generate::declaration(WORDS, 2009);
    let printed = export(&draft, Format::Text, 80);
    let imported = chapeau::import::import(&printed).unwrap().declaration;
    assert_eq!(
        imported.operative.len(),
        draft.operative.len(),
        "imports whole"
    );
    let mut group = c.benchmark_group("100,000 words");
    group.sample_size(20);
    group.bench_function("export as text", |b| {
        b.iter(|| export(std::hint::black_box(&draft), Format::Text, 80))
    });
    group.bench_function("export as JSON", |b| {
        b.iter(|| export(std::hint::black_box(&draft), Format::Json, 80))
    });
    group.bench_function("import the printed text", |b| {
        b.iter(|| chapeau::import::import(std::hint::black_box(&printed)).unwrap())
    });
    group.bench_function("save as TOML", |b| {
        b.iter(|| chapeau::draft_file::to_toml(std::hint::black_box(&draft)))
    });
    let saved = chapeau::draft_file::to_toml(&draft);
    group.bench_function("load the TOML", |b| {
        b.iter(|| {
            chapeau::draft_file::parse(std::path::Path::new("d.toml"), std::hint::black_box(&saved))
                .unwrap()
        })
    });
    group.finish();
}

fn tracked_changes(c: &mut Criterion) {
    let old = generate::declaration(WORDS, 2009);
    let (new, truth) = generate::revision(&old, 2010);
    let changes = redline(&old, &new, chapeau::redline::Pairing::ById);
    let summary = render::summary(&changes);
    let expected = format!(
        "{} inserted, {} deleted, {} moved, {} amended",
        truth.inserted.len(),
        truth.deleted.len(),
        truth.moved.len(),
        truth.amended.len()
    );
    assert!(
        summary.starts_with(&expected),
        "{summary} is the truth: {expected}"
    );
    let mut group = c.benchmark_group("100,000 words");
    group.sample_size(20);
    group.bench_function("redline against a revision", |b| {
        b.iter(|| {
            redline(
                std::hint::black_box(&old),
                std::hint::black_box(&new),
                chapeau::redline::Pairing::ById,
            )
        })
    });
    group.bench_function("redline as JSON", |b| b.iter(|| render::json(&changes)));
    group.finish();
}

/// One paragraph of 1, 2 and 4 MB, loaded, exported and imported back, and two such
/// paragraphs with no word in common compared: the same throughput at every size is what
/// linear time looks like (the tests read such inputs whole, but only a
/// measurement can say how long they take).
fn one_long_paragraph(c: &mut Criterion) {
    let mut group = c.benchmark_group("one paragraph");
    group.sample_size(10);
    for megabytes in [1, 2, 4] {
        let words = "cooperation on return and readmission, ".repeat(megabytes * 26_000);
        let source = format!(
            "chapeau = \"We agree:\"\n\n[[operative]]\nid = \"o1\"\ntext = \"We agree to {words}and to meet again.\"\n"
        );
        let draft = chapeau::draft_file::parse(std::path::Path::new("d.toml"), &source)
            .unwrap()
            .declaration;
        let printed = export(&draft, Format::Text, 100);
        group.throughput(criterion::Throughput::Bytes(source.len() as u64));
        let size = format!("{megabytes} MB");
        group.bench_with_input(BenchmarkId::new("load", &size), &source, |b, source| {
            b.iter(|| chapeau::draft_file::parse(std::path::Path::new("d.toml"), source).unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("export as text", &size),
            &draft,
            |b, draft| b.iter(|| export(draft, Format::Text, 100)),
        );
        group.bench_with_input(BenchmarkId::new("import", &size), &printed, |b, printed| {
            b.iter(|| chapeau::import::import(printed).unwrap())
        });
        let (old, new) = (
            words_with_no_word_in_common('a', megabytes),
            words_with_no_word_in_common('b', megabytes),
        );
        group.bench_with_input(
            BenchmarkId::new("word diff, no word in common", &size),
            &(old, new),
            |b, (old, new)| b.iter(|| chapeau::redline::words::diff(old, new)),
        );
    }
    group.finish();
}

/// About `megabytes` MB of words, each used once, none shared with another letter's: the
/// pair on which a word diff does the most work.
fn words_with_no_word_in_common(letter: char, megabytes: usize) -> String {
    (0..megabytes * 125_000)
        .map(|i| format!("{letter}{i:06}"))
        .collect::<Vec<_>>()
        .join(" ")
}

criterion_group!(
    benches,
    export_and_import,
    tracked_changes,
    one_long_paragraph
);
criterion_main!(benches);
