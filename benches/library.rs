//! A library of 10,000 clauses (generated from the bundled one): loading it, and filtering it
//! as the drafter types a query, one keystroke at a time. Targets: under 100 ms to load,
//! under 5 ms per keystroke.

#[path = "generate/mod.rs"]
mod generate;

use chapeau::library::{ClauseLibrary, LibrarySource};
use criterion::{Criterion, criterion_group, criterion_main};

const CLAUSES: usize = 10_000;

/// A folder holding the generated library as one file.
fn library_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("generated.toml"),
        generate::library_file(CLAUSES),
    )
    .unwrap();
    folder
}

fn sources(folder: &std::path::Path) -> Vec<LibrarySource> {
    vec![
        LibrarySource::Bundled,
        LibrarySource::Folder(folder.to_path_buf()),
    ]
}

fn load(c: &mut Criterion) {
    let folder = library_folder();
    let sources = sources(folder.path());
    let library = ClauseLibrary::load(&sources).unwrap();
    assert!(library.clauses().len() >= CLAUSES, "every clause loads");
    assert!(library.first_malformed().is_none());
    c.bench_function("load a 10,000-clause library", |b| {
        b.iter(|| ClauseLibrary::load(std::hint::black_box(&sources)).unwrap())
    });
}

/// Each prefix of a query, as the filter sees it while the drafter types: each keystroke
/// refines the search of the one before, as the screen does.
fn filter(c: &mut Criterion) {
    let folder = library_folder();
    let library = ClauseLibrary::load(&sources(folder.path())).unwrap();
    let query = "return readmission";
    let prefixes: Vec<&str> = (1..=query.len()).map(|end| &query[..end]).collect();
    assert!(!library.search(query).is_empty());
    let mut group = c.benchmark_group("filter 10,000 clauses");
    group.throughput(criterion::Throughput::Elements(prefixes.len() as u64));
    group.bench_function("typing \"return readmission\", per keystroke", |b| {
        b.iter(|| {
            let mut found = chapeau::library::Found::default();
            for prefix in &prefixes {
                found = library.refine(&found, std::hint::black_box(prefix));
            }
            found
        })
    });
    group.finish();
    let fresh = ClauseLibrary::load(&sources(folder.path())).unwrap();
    c.bench_function(
        "the first keystroke after loading (prepares the search)",
        |b| {
            b.iter_batched_ref(
                || fresh.clone(),
                |library| library.search_positions("r"),
                criterion::BatchSize::LargeInput,
            )
        },
    );
}

criterion_group!(benches, load, filter);
criterion_main!(benches);
