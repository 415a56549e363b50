//! The HTML page: a standalone document in the Council layout (the cover note block, the
//! titles, labelled paragraphs hanging under their labels) with print styles, so that
//! printing from any browser gives a clean page. A redline adds what it is compared with, a
//! legend, and the summary with a link to each change; `export --format html` is the same page
//! for the draft itself.

use super::marks::{Marks, as_is, side};
use super::{Redline, Shown, compared_with, shown, summary};
use crate::export::layout::{Block, Role};
use crate::model::Declaration;
use crate::redline::words::{Span, SpanKind};

/// Text for HTML content (never an attribute value): hostile characters made
/// visible, markup characters escaped.
fn escaped(text: &str) -> String {
    as_is(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// HTML: `<ins>` and `<del>`; `**emphasis**` markers are left out, as the text export does.
const HTML: Marks = Marks {
    insert: ("<ins>", "</ins>"),
    delete: ("<del>", "</del>"),
    note: ("<span class=\"note\">", "</span>"),
    escape: |text| escaped(&text.replace("**", "")),
};

const STYLE: &str = r#"
@page { size: A4; margin: 2cm 2.2cm; }
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.45;
  max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
.cover { border-bottom: 1px solid #000; padding-bottom: 0.8em; margin-bottom: 1.5em; }
.cover p { margin: 0.15em 0; }
.cover .line { font-weight: bold; }
.fields { border-collapse: collapse; margin: 0.8em 0; }
.fields th { text-align: left; font-weight: normal; vertical-align: top; padding: 0 1em 0.2em 0;
  white-space: nowrap; }
.fields td { padding: 0 0 0.2em 0; }
.cover-text { margin-top: 0.8em; }
.declaration .title { text-align: center; font-weight: bold; margin: 0.1em 0; }
.titles { margin: 1.5em 0; }
.declaration p { margin: 0.8em 0; text-align: justify; }
.paragraph { display: grid; grid-template-columns: 3.2em 1fr; margin: 0.8em 0; }
.paragraph > p { margin: 0; }
.label { grid-column: 1; }
.body { grid-column: 2; }
.body p { margin: 0; }
.items { margin: 0.3em 0 0 0; padding-left: 1.2em; list-style: "– "; }
.changes { border: 1px solid #888; padding: 0.4em 1em; margin: 0 0 1.5em 0; font-size: 0.95em; }
.changes ol { margin: 0.3em 0; padding-left: 1.6em; }
ins { color: #05690f; text-decoration: underline; }
del { color: #b00020; text-decoration: line-through; }
.note { color: #6a1b9a; font-style: italic; }
:target { background: #fff8c4; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .changes { break-after: page; }
  p, .paragraph, .title { break-inside: avoid; }
  ins, del, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// What a redline adds to the page.
struct Changes {
    compared_with: String,
    summary: String,
    /// Each change: its number and how the index names it.
    index: Vec<(usize, String)>,
}

/// How the index of changes names one: its label or part, what happened, its first words.
fn index_entry(shown: &Shown) -> String {
    let what = shown.note.as_deref().unwrap_or("amended");
    let mut words: Vec<&str> = Vec::new();
    let new_side = side(&shown.spans, SpanKind::Insert);
    let old_side = side(&shown.spans, SpanKind::Delete);
    let text = if new_side.is_empty() {
        &old_side
    } else {
        &new_side
    };
    words.extend(text.split_whitespace().take(8));
    let start = words.join(" ").replace("**", "");
    let name = match (&shown.label, shown.role) {
        (Some(label), _) => label.clone(),
        (None, role) => role_name(role).to_string(),
    };
    format!("{name} {what} — {start}…")
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Cover | Role::Field | Role::CoverText => "cover note",
        Role::Title => "title",
        Role::Opening => "opening",
        Role::Preamble => "preambular paragraph",
        Role::Chapeau => "chapeau",
        Role::Operative => "operative paragraph",
        Role::Item => "item",
        Role::Closing => "closing",
        Role::Unplaced => "unplaced text",
    }
}

/// The words of a block, marked, with its note in front.
fn words(shown: &Shown) -> String {
    let note = shown
        .note
        .as_deref()
        .map(|n| HTML.note(n))
        .unwrap_or_default();
    format!("{note}{}", HTML.marked(&shown.spans))
}

/// ` id="change-3"` for a block that shows a change.
fn anchor(shown: &Shown) -> String {
    shown
        .change
        .map(|n| format!(" id=\"change-{n}\""))
        .unwrap_or_default()
}

fn cover_block(cover: &[Shown], out: &mut String) {
    out.push_str("<header class=\"cover\">\n");
    let mut in_fields = false;
    for line in cover {
        let is_field = line.role == Role::Field;
        if is_field != in_fields {
            out.push_str(if is_field {
                "<table class=\"fields\">\n"
            } else {
                "</table>\n"
            });
            in_fields = is_field;
        }
        match line.role {
            Role::Field => out.push_str(&format!(
                "<tr{}><th>{}</th><td>{}</td></tr>\n",
                anchor(line),
                escaped(line.label.as_deref().unwrap_or("")),
                words(line)
            )),
            Role::CoverText => out.push_str(&format!(
                "<p class=\"cover-text\"{}>{}</p>\n",
                anchor(line),
                words(line)
            )),
            _ => out.push_str(&format!(
                "<p class=\"line\"{}>{}</p>\n",
                anchor(line),
                words(line)
            )),
        }
    }
    if in_fields {
        out.push_str("</table>\n");
    }
    out.push_str("</header>\n");
}

fn changes_block(changes: &Changes, out: &mut String) {
    out.push_str("<section class=\"changes\">\n");
    out.push_str(&format!(
        "<p><strong>{}</strong></p>\n",
        escaped(&changes.compared_with)
    ));
    out.push_str(
        "<p class=\"legend\">Marks: <ins>inserted</ins> · <del>deleted</del> · <span class=\"note\">moved from (c)</span></p>\n",
    );
    out.push_str(&format!(
        "<p class=\"summary\">{}</p>\n",
        escaped(&changes.summary)
    ));
    if !changes.index.is_empty() {
        out.push_str("<ol>\n");
        for (n, name) in &changes.index {
            out.push_str(&format!(
                "<li><a href=\"#change-{n}\">{}</a></li>\n",
                escaped(name)
            ));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn declaration_block(body: &[Shown], out: &mut String) {
    out.push_str("<main class=\"declaration\">\n");
    let mut at = 0;
    while at < body.len() {
        let block = &body[at];
        let items: Vec<&Shown> = body[at + 1..]
            .iter()
            .take_while(|b| b.role == Role::Item)
            .collect();
        at += 1 + items.len();
        if block.role == Role::Title {
            if !block.joined {
                out.push_str("<div class=\"titles\">\n");
            }
            out.push_str(&format!(
                "<p class=\"title\"{}>{}</p>\n",
                anchor(block),
                words(block)
            ));
            if body.get(at).is_none_or(|next| next.role != Role::Title) {
                out.push_str("</div>\n");
            }
            continue;
        }
        let list = if items.is_empty() {
            String::new()
        } else {
            let rows: String = items
                .iter()
                .map(|item| format!("<li>{}</li>\n", words(item)))
                .collect();
            format!("<ul class=\"items\">\n{rows}</ul>\n")
        };
        let class = role_name(block.role).replace(' ', "-");
        match &block.label {
            Some(label) => out.push_str(&format!(
                "<div class=\"paragraph {class}\"{}><span class=\"label\">{}</span><div class=\"body\"><p>{}</p>\n{list}</div></div>\n",
                anchor(block),
                escaped(label),
                words(block)
            )),
            None => out.push_str(&format!(
                "<div class=\"{class}\"{}><p>{}</p>\n{list}</div>\n",
                anchor(block),
                words(block)
            )),
        }
    }
    out.push_str("</main>\n");
}

fn page(title: &str, cover: &[Shown], body: &[Shown], changes: Option<Changes>) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escaped(title)
    );
    cover_block(cover, &mut out);
    if let Some(changes) = &changes {
        changes_block(changes, &mut out);
    }
    declaration_block(body, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's title: the subject, else the first title line, else a plain name.
fn title_of(cover: &[Shown], body: &[Shown], fallback: &str) -> String {
    let subject = cover
        .iter()
        .find(|line| line.label.as_deref() == Some("Subject:"))
        .or_else(|| body.iter().find(|b| b.role == Role::Title))
        .map(|b| side(&b.spans, SpanKind::Insert).replace("**", ""));
    subject
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

/// The redline as a standalone HTML page.
pub fn redline(redline: &Redline) -> String {
    let (cover, body) = shown(redline);
    let index = cover
        .iter()
        .chain(&body)
        .filter_map(|b| b.change.map(|n| (n, index_entry(b))))
        .collect();
    let changes = Changes {
        compared_with: compared_with(redline),
        summary: summary(redline),
        index,
    };
    let title = format!(
        "{}: tracked changes",
        title_of(&cover, &body, "Declaration")
    );
    page(&title, &cover, &body, Some(changes))
}

/// A block of the layout as a block with nothing marked.
fn unmarked(block: &Block) -> Shown {
    Shown {
        role: block.role,
        label: block.label.clone(),
        note: None,
        spans: vec![Span {
            kind: SpanKind::Equal,
            text: block.text.clone(),
        }],
        joined: block.joined,
        change: None,
    }
}

/// The draft itself as the same page: `export --format html`.
pub fn document(declaration: &Declaration) -> String {
    let cover: Vec<Shown> = crate::export::layout::cover_note(declaration)
        .iter()
        .map(unmarked)
        .collect();
    let all = crate::export::layout::lay_out(declaration);
    let body: Vec<Shown> = all[cover.len()..].iter().map(unmarked).collect();
    let title = title_of(&cover, &body, "Declaration");
    page(&title, &cover, &body, None)
}
