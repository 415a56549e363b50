//! The README stays true: its key table lists every default key of the drafting screen.

use chapeau::tui::keymap::{Context, Keymap};

/// The key table as the README shows it, built from the keymap.
fn key_table() -> String {
    let keymap = Keymap::default();
    let mut table = String::from("| where | keys | what they do |\n| --- | --- | --- |\n");
    let contexts = Context::ALL;
    for context in contexts {
        let mut seen = Vec::new();
        for binding in keymap.bindings().iter().filter(|b| b.context == context) {
            if seen.contains(&binding.action) {
                continue;
            }
            seen.push(binding.action);
            let keys: Vec<String> = keymap
                .keys(context, binding.action)
                .iter()
                .map(|key| format!("`{key}`"))
                .collect();
            table.push_str(&format!(
                "| {} | {} | {} |\n",
                context.title(),
                keys.join(" "),
                binding.action.description()
            ));
        }
    }
    table
}

#[test]
fn the_readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = key_table();
    assert!(
        readme.contains(&table),
        "the README's key table is out of date; it should read:\n\n{table}"
    );
}

/// The README lists the keys of typed text as the help does.
#[test]
fn the_readme_lists_the_typing_keys() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut table = String::from("| typing keys | what they do |\n| --- | --- |\n");
    for (keys, description) in chapeau::tui::components::help::TYPING_KEYS {
        let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
        table.push_str(&format!("| {} | {description} |\n", keys.join(" ")));
    }
    assert!(
        readme.contains(&table),
        "the README's typing keys are out of date; they should read:\n\n{table}"
    );
}
