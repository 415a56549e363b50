//! The longest texts drafters handle, about 100,000 words: exporting a draft, importing the
//! printed text back, and the redline of a declaration against a revision of it.

#[path = "generate/mod.rs"]
mod generate;

use chapeau::export::{Format, export};
use chapeau::redline::{redline, render};
use criterion::{Criterion, criterion_group, criterion_main};

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
    let changes = redline(&old, &new, true);
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
        b.iter(|| redline(std::hint::black_box(&old), std::hint::black_box(&new), true))
    });
    group.bench_function("redline as JSON", |b| b.iter(|| render::json(&changes)));
    group.finish();
}

criterion_group!(benches, export_and_import, tracked_changes);
criterion_main!(benches);
