//! Saving over a draft that is already there: the new text is merged into the old file, so
//! that comments (a delegation's reservation beside a paragraph), quoting and layout survive,
//! and a paragraph's comments move with it.

use crate::model::Declaration;

use super::to_toml;

/// The TOML of `declaration`, written over `existing`: values that did not change keep their
/// spelling, every comment stays with the key or paragraph it was written beside, and
/// paragraphs are matched by id wherever they moved.
pub fn to_toml_keeping(existing: &str, declaration: &Declaration) -> String {
    let Ok(mut document) = existing.parse::<toml_edit::DocumentMut>() else {
        return to_toml(declaration);
    };
    let fresh: toml_edit::DocumentMut = to_toml(declaration).parse().expect("our own TOML parses");
    merge_table(document.as_table_mut(), fresh.as_table());
    renumber_tables(document.as_table_mut());
    document.to_string()
}

/// Sets the print order of every table, nested ones included, to the order of the keys, so
/// that moved paragraphs print where they now stand and each table's children follow it.
fn renumber_tables(root: &mut toml_edit::Table) {
    fn visit(table: &mut toml_edit::Table, position: &mut isize) {
        for (_, item) in table.iter_mut() {
            match item {
                toml_edit::Item::Table(child) => {
                    child.set_position(Some(*position));
                    *position += 1;
                    visit(child, position);
                }
                toml_edit::Item::ArrayOfTables(children) => {
                    for child in children.iter_mut() {
                        child.set_position(Some(*position));
                        *position += 1;
                        visit(child, position);
                    }
                }
                _ => {}
            }
        }
    }
    visit(root, &mut 0);
}

/// Makes `old` say what `new` says, keeping `old`'s comments and spelling where it can.
fn merge_table(old: &mut toml_edit::Table, new: &toml_edit::Table) {
    use toml_edit::Item;
    // A key the new text leaves out is empty now; one that was written out empty, or as the
    // default, still says the same and keeps its comments.
    old.retain(|key, item| new.contains_key(key) || says_nothing(key, item));
    for (key, new_item) in new.iter() {
        let Some(old_item) = old.get_mut(key) else {
            old.insert(key, new_item.clone());
            continue;
        };
        match (old_item, new_item) {
            (Item::Table(old_table), Item::Table(new_table)) => merge_table(old_table, new_table),
            (Item::ArrayOfTables(old_tables), Item::ArrayOfTables(new_tables)) => {
                let id = |table: &toml_edit::Table| {
                    table.get("id").and_then(Item::as_str).map(String::from)
                };
                let old_by_id: std::collections::HashMap<String, &toml_edit::Table> = old_tables
                    .iter()
                    .filter_map(|old| Some((id(old)?, old)))
                    .collect();
                let mut merged = toml_edit::ArrayOfTables::new();
                for new_table in new_tables.iter() {
                    let mut table = match id(new_table).and_then(|id| old_by_id.get(&id)) {
                        Some(old_table) => (*old_table).clone(),
                        None => new_table.clone(),
                    };
                    merge_table(&mut table, new_table);
                    merged.push(table);
                }
                *old_tables = merged;
            }
            (Item::Value(old_value), Item::Value(new_value)) => {
                if !same_value(old_value, new_value) {
                    let decor = old_value.decor().clone();
                    *old_value = new_value.clone();
                    *old_value.decor_mut() = decor;
                }
            }
            (old_item, new_item) => *old_item = new_item.clone(),
        }
    }
}

/// Whether a value is what leaving the key out means: empty, zero, or letters numbering.
fn says_nothing(key: &str, item: &toml_edit::Item) -> bool {
    match item.as_value() {
        Some(toml_edit::Value::String(s)) => {
            s.value().is_empty() || key == "numbering" && s.value() == "letters"
        }
        Some(toml_edit::Value::Array(a)) => a.is_empty(),
        Some(toml_edit::Value::Integer(i)) => *i.value() == 0,
        _ => false,
    }
}

/// Whether two TOML values mean the same, however they are spelled ('x' and "x").
fn same_value(a: &toml_edit::Value, b: &toml_edit::Value) -> bool {
    if let (Some(a), Some(b)) = (a.as_str(), b.as_str()) {
        return a == b;
    }
    let read = |value: &toml_edit::Value| {
        let bare = value.clone().decorated("", "");
        toml::from_str::<toml::Table>(&format!("v = {bare}")).ok()
    };
    read(a).is_some() && read(a) == read(b)
}
