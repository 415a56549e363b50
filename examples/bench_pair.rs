//! Writes a pair of large declarations for `scripts/bench-compare`: a Council-style text of
//! about WORDS words (numbered operative paragraphs) and a revision of it made by a known edit
//! script, as drafts (`old.toml`, `new.toml`), as printed texts with one paragraph per line
//! (`old.txt`, `new.txt`), the truth (`truth.json`), and a library of 10,000 clauses
//! (`library/generated.toml`).
//!
//!   cargo run --release --example bench_pair -- FOLDER [WORDS]

#[path = "../benches/generate/mod.rs"]
mod generate;

use chapeau::export::{Format, export};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = std::path::PathBuf::from(args.next().unwrap_or_else(|| "bench-pair".into()));
    let words: usize = args.next().map_or(Ok(100_000), |w| w.parse())?;
    std::fs::create_dir_all(&folder)?;
    let old = generate::declaration(words, 2009);
    let (new, truth) = generate::revision(&old, 2010);
    for (name, draft) in [("old", &old), ("new", &new)] {
        std::fs::write(
            folder.join(format!("{name}.toml")),
            chapeau::draft_file::to_toml(draft),
        )?;
        std::fs::write(
            folder.join(format!("{name}.txt")),
            export(draft, Format::Text, 1_000_000),
        )?;
    }
    std::fs::create_dir_all(folder.join("library"))?;
    std::fs::write(
        folder.join("library/generated.toml"),
        generate::library_file(10_000),
    )?;
    let order = |d: &chapeau::model::Declaration| -> Vec<String> {
        d.operative.iter().map(|p| p.id.clone()).collect()
    };
    let report = serde_json::json!({
        "words": old.operative.iter().map(|p| p.text.split_whitespace().count()).sum::<usize>(),
        "paragraphs": old.operative.len(),
        "truth": truth,
        "old_order": order(&old),
        "new_order": order(&new),
    });
    std::fs::write(
        folder.join("truth.json"),
        serde_json::to_string_pretty(&report)?,
    )?;
    println!(
        "wrote {} ({} words, {} paragraphs; {} inserted, {} deleted, {} moved, {} amended, {} relabelled)",
        folder.display(),
        report["words"],
        report["paragraphs"],
        truth.inserted.len(),
        truth.deleted.len(),
        truth.moved.len(),
        truth.amended.len(),
        truth.relabelled.len()
    );
    Ok(())
}
