//! Plain-text declarations in: the structure of a text received from PDF or Word is
//! recognised (cover note, titles, opening, preamble, chapeau, operative paragraphs and their
//! items, closing) and nothing is lost: what cannot be placed is kept as unplaced text.
//!
//! The importer reads in three passes: page furniture is removed line by line, the cover
//! note and the titles are read line by line, and the declaration is read as blocks
//! (paragraphs joined across hard-wrapped lines).

use std::collections::{HashMap, HashSet};

use crate::cover_note::{DocumentNumber, FIELDS, Field, Place, read_long_date};
use crate::diagnostic::Problem;
use crate::model::{Declaration, Header, Numbering, Paragraph, Section, TextRef};
use crate::numbering;
use jiff::civil::Date;

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The declaration found.
    pub declaration: Declaration,
    /// Things the drafter should look at, with the input line they concern.
    pub warnings: Vec<Warning>,
    /// How many lines of page furniture (running heads, footers, page numbers) were left out.
    pub furniture: usize,
    /// The input line each piece of text starts on, so that checks point into the input.
    pub lines: HashMap<TextRef, usize>,
}

/// A remark about one line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The 1-based input line.
    pub line: usize,
    /// What the drafter should know.
    pub message: String,
}

/// One input line, with its number and indentation.
#[derive(Debug, Clone)]
struct SourceLine {
    number: usize,
    indent: usize,
    text: String,
}

impl SourceLine {
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Reads a plain-text declaration.
///
/// A text in which no declaration can be found is a [`Problem`] at its first line.
pub fn import(source: &str) -> Result<Imported, Problem> {
    if source.trim().is_empty() {
        return Err(Problem::new(
            0..0,
            "the text is empty",
            "give chapeau a plain-text declaration (titles, \"We, ...\", paragraphs)",
        ));
    }
    let (lines, furniture) = without_furniture(source);
    let mut reader = Reader {
        lines,
        at: 0,
        warnings: Vec::new(),
        found_at: HashMap::new(),
        ids: HashSet::new(),
    };
    let mut declaration = Declaration::default();
    if reader.looks_like_cover_note() {
        declaration.header = reader.cover_note();
    }
    declaration.titles = reader.titles();
    reader.body(&mut declaration);
    let found_anything = declaration.header != Header::default()
        || !declaration.titles.is_empty()
        || !declaration.opening.is_empty()
        || !declaration.operative.is_empty()
        || declaration
            .preamble
            .iter()
            .any(|p| opens_preamble_paragraph(&p.text));
    if !found_anything {
        return Err(Problem::new(
            0..0,
            "no declaration found: no titles, no \"We, ...\" opening, no paragraphs",
            "check that the file is the text of a declaration; a draft in TOML opens as it is",
        ));
    }
    Ok(Imported {
        declaration,
        warnings: reader.warnings,
        furniture,
        lines: reader.found_at,
    })
}

impl Imported {
    /// What was found, in one line: "a cover note, 3 title lines, 1 opening, 17 preambular,
    /// ...; 4 lines of page furniture left out".
    pub fn summary(&self) -> String {
        let d = &self.declaration;
        let items: usize = d
            .preamble
            .iter()
            .chain(&d.operative)
            .map(|p| p.items.len())
            .sum();
        let cover = if d.header == Default::default() {
            "no cover note"
        } else {
            "a cover note"
        };
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        format!(
            "{cover}, {} title line{}, {} opening, {} preambular, {} chapeau, {} operative ({items} items), {} closing, {} unplaced; {} line{} of page furniture left out",
            d.titles.len(),
            plural(d.titles.len()),
            usize::from(!d.opening.is_empty()),
            d.preamble.len(),
            usize::from(!d.chapeau.is_empty()),
            d.operative.len(),
            usize::from(!d.closing.is_empty()),
            d.unplaced.len(),
            self.furniture,
            plural(self.furniture),
        )
    }
}

/// The input without page furniture: page numbers, running heads and footers such as
/// "6093/1/09 REV 1 JV/ml 2" or "DG H 1 B LIMITE EN", and LIMITE repeated on later pages.
fn without_furniture(source: &str) -> (Vec<SourceLine>, usize) {
    let mut lines = Vec::new();
    let mut furniture = 0;
    let mut seen_marking = false;
    for (i, raw) in source.lines().enumerate() {
        let raw: std::borrow::Cow<str> = if raw.contains('\t') {
            raw.replace('\t', "    ").into()
        } else {
            raw.into()
        };
        let raw = raw.trim_end();
        let text = raw.trim_start();
        let plain = text.trim_matches('*').trim();
        let is_marking = plain == "LIMITE";
        let is_furniture = is_page_number(plain)
            || is_running_head(plain)
            || is_page_footer(plain)
            || (is_marking && seen_marking);
        seen_marking |= is_marking;
        if is_furniture {
            furniture += 1;
            continue;
        }
        lines.push(SourceLine {
            number: i + 1,
            indent: raw.len() - text.len(),
            text: text.to_string(),
        });
    }
    (lines, furniture)
}

fn is_page_number(text: &str) -> bool {
    let inner = text.trim_matches(|c: char| c == '-' || c == ' ');
    !inner.is_empty()
        && inner.len() <= 3
        && inner.bytes().all(|b| b.is_ascii_digit())
        && !text.ends_with('.')
}

/// Running heads and footers of Council documents end with the language code, "EN".
fn is_running_head(text: &str) -> bool {
    if !text.ends_with("EN") {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || *words.last().unwrap_or(&"") != "EN" {
        return false;
    }
    let has_number = words
        .iter()
        .any(|w| DocumentNumber::read_printed(w).is_some() || w.contains('/'));
    let shouting = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    has_number || shouting
}

/// The other line of a Council footer: "7000/09 ADD 1 JV/ml 2", the number and the page.
fn is_page_footer(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    if !text.ends_with(|c: char| c.is_ascii_digit())
        || DocumentNumber::read_printed(first).is_none()
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 3
        && full_document_number(text).is_none()
        && DocumentNumber::read_printed(words[0]).is_some()
        && words
            .last()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a line is written in capitals (titles, the issuing body, markings).
fn is_upper_case(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase())
}

struct Reader {
    lines: Vec<SourceLine>,
    at: usize,
    warnings: Vec<Warning>,
    found_at: HashMap<TextRef, usize>,
    /// The ids given so far, so that none is given twice.
    ids: HashSet<String>,
}

impl Reader {
    fn peek(&self) -> Option<&SourceLine> {
        self.lines.get(self.at)
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(SourceLine::is_blank) {
            self.at += 1;
        }
    }

    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }

    /// A Council cover note opens with the body, a document number or the from/to fields.
    fn looks_like_cover_note(&self) -> bool {
        self.lines
            .iter()
            .filter(|l| !l.is_blank())
            .take(12)
            .any(|line| {
                let text = line.text.trim_matches('*');
                text.contains("COUNCIL OF")
                    || text.starts_with("from:")
                    || text
                        .split_whitespace()
                        .next()
                        .and_then(DocumentNumber::read_printed)
                        .is_some()
            })
    }

    /// Reads the cover note up to the cover text included.
    fn cover_note(&mut self) -> Header {
        let mut header = Header::default();
        let mut fields_seen = false;
        let mut previous: Option<(usize, String)> = None;
        loop {
            self.skip_blank();
            let Some(line) = self.peek().cloned() else {
                break;
            };
            let start = self.at;
            let group = self.bold_group();
            let text = group.trim().to_string();
            // Each part of the cover note is taken once; anything repeated or not recognised
            // is kept in the cover text, so that no word is lost.
            let taken = if let Some((field, name, value)) = labelled_field(&text) {
                fields_seen = true;
                let value = self.field_value(value);
                let taken = if field.stored {
                    field.is_empty(&header) && (field.read)(&mut header, &value).is_ok()
                } else {
                    let first = previous.is_none();
                    if first {
                        previous = Some((line.number, value.clone()));
                    }
                    first
                };
                if !taken {
                    let whole = format!("{} {value}", &text[..name.len()]);
                    self.warn(
                        line.number,
                        format!("{name} given twice; the second is kept in the cover text"),
                    );
                    append_line(&mut header.cover, &whole);
                }
                true
            } else if fields_seen {
                // The cover text follows the fields; the titles follow the cover text.
                if is_upper_case(&text) {
                    self.at = start;
                    break;
                }
                let rest = self.paragraph_lines();
                append_line(&mut header.cover, &text);
                append_line(&mut header.cover, &rest);
                continue;
            } else if let Some((place, date, language)) = place_and_date(&text) {
                header.language = language.unwrap_or(header.language);
                header.date.is_none() && {
                    header.date = Some(date);
                    set_once(&mut header.place, place)
                }
            } else if let Some(language) = language_mark(&text) {
                set_once(&mut header.language, language)
            } else if let Some((number, revision, addendum)) = full_document_number(&text) {
                header.revision = revision;
                if let Some(addendum) = addendum {
                    self.warn(line.number, format!("\"{addendum}\" is read as part of the number; chapeau prints the base number and revision"));
                }
                header.number.is_none() && {
                    header.number = Some(number);
                    true
                }
            } else if matches!(
                text.as_str(),
                "LIMITE" | "RESTREINT UE" | "PUBLIC" | "CONFIDENTIEL UE"
            ) {
                set_once(&mut header.classification, text.clone())
            } else if text.ends_with("NOTE") && is_upper_case(&text) {
                set_once(
                    &mut header.kind,
                    text.trim_start_matches("REVISED ").to_string(),
                )
            } else if group.lines().all(is_subject_code) {
                header
                    .codes
                    .extend(group.lines().map(|code| code.trim().to_string()));
                true
            } else if is_upper_case(&text) {
                set_once(
                    &mut header.body,
                    text.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            } else {
                false
            };
            if !taken {
                self.warn(
                    line.number,
                    format!("not recognised in the cover note, kept in the cover text: {text}"),
                );
                append_line(&mut header.cover, &text);
            }
        }
        // "No. prev. doc." is derived from the number and revision; one that says otherwise
        // is kept in the cover text.
        if let Some((line, previous)) = previous
            && header.previous_number().as_deref() != Some(previous.trim())
        {
            self.warn(line, format!("No. prev. doc. {previous} does not follow from the number; kept in the cover text"));
            append_line(&mut header.cover, &format!("No. prev. doc.: {previous}"));
        }
        header
    }

    /// The next non-blank lines up to a blank line, with `**` markers around them removed:
    /// PDF conversions set "COUNCIL OF / THE EUROPEAN UNION" in bold over two lines.
    fn bold_group(&mut self) -> String {
        let first = &self.lines[self.at].text;
        if !first.starts_with("**") || first.ends_with("**") && first.len() > 2 {
            self.at += 1;
            return first.trim_matches('*').trim().to_string();
        }
        let mut group = Vec::new();
        while let Some(line) = self.peek() {
            if line.is_blank() {
                break;
            }
            let ends = line.text.ends_with("**");
            group.push(line.text.trim_matches('*').trim().to_string());
            self.at += 1;
            if ends {
                break;
            }
        }
        group.join("\n")
    }

    /// A field's value and its continuation lines (indented, up to a blank line or field).
    fn field_value(&mut self, first: &str) -> String {
        let mut value = first.trim().to_string();
        while let Some(line) = self.peek() {
            if line.is_blank()
                || line.indent == 0
                    && line.text.contains(':')
                    && line.text.split(':').next().is_some_and(|k| k.len() < 16)
            {
                break;
            }
            append_line(&mut value, &line.text);
            self.at += 1;
        }
        value
    }

    /// The lines of one paragraph, joined, up to a blank line.
    fn paragraph_lines(&mut self) -> String {
        let mut text = String::new();
        while let Some(line) = self.peek() {
            if line.is_blank() {
                break;
            }
            append_line(&mut text, &line.text);
            self.at += 1;
        }
        text
    }

    /// Consecutive upper-case lines: the titles.
    fn titles(&mut self) -> Vec<String> {
        self.skip_blank();
        let mut titles = Vec::new();
        while let Some(line) = self.peek() {
            if line.is_blank() {
                if titles.is_empty() {
                    self.at += 1;
                    continue;
                }
                break;
            }
            let text = line.text.trim_matches('*').trim();
            if !is_upper_case(text) || text.ends_with([',', ';', ':']) {
                break;
            }
            let (number, title) = (line.number, text.to_string());
            self.found_at.insert(TextRef::Title(titles.len()), number);
            titles.push(title);
            self.at += 1;
        }
        titles
    }

    /// The declaration after the titles, read as blocks.
    fn body(&mut self, declaration: &mut Declaration) {
        let blocks = self.blocks();
        let mut blocks = blocks.into_iter().peekable();
        if let Some(first) = blocks.peek()
            && first.kind == BlockKind::Plain
            && first.text.starts_with("We")
            && (first.text.starts_with("We,") || !ends_like_preamble(&first.text))
        {
            let opening = blocks.next().expect("peeked");
            self.found_at.insert(TextRef::Opening, opening.line);
            declaration.opening = opening.text;
        }
        let blocks: Vec<Block> = blocks.collect();
        let numbering = blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Label(label) if label.ends_with('.') => Some(Numbering::Numbers),
            BlockKind::Label(_) => Some(Numbering::Letters),
            _ => None,
        });
        let first_label = blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Label(_)));
        let first_operative = first_label.or_else(|| {
            // Unnumbered declarations: the operative part starts with "We agree", "We will".
            blocks.iter().position(|b| {
                b.kind == BlockKind::Plain
                    && b.text.starts_with("We ")
                    && !ends_like_preamble(&b.text)
            })
        });
        let (before, after) = blocks.split_at(first_operative.unwrap_or(blocks.len()));
        let mut before = before.to_vec();
        if first_operative.is_some()
            && let Some(last) = before.last()
            && last.kind == BlockKind::Plain
            && last.text.ends_with(':')
        {
            let chapeau = before.pop().expect("checked last");
            self.found_at.insert(TextRef::Chapeau, chapeau.line);
            declaration.chapeau = chapeau.text;
        }
        for block in before {
            self.place_item_or_paragraph(&mut declaration.preamble, block, "preamble");
        }
        declaration.numbering = numbering.unwrap_or(if first_operative.is_some() {
            Numbering::None
        } else {
            Numbering::Letters
        });
        let mut expected = 0;
        let mut operative_ended = false;
        for block in after.iter().cloned() {
            if operative_ended {
                self.keep_unplaced(declaration, block);
                continue;
            }
            match &block.kind {
                BlockKind::Label(label)
                    if roman_label(label).is_some()
                        && *label != numbering::label(declaration.numbering, expected)
                        && !declaration.operative.is_empty() =>
                {
                    self.push_item(&mut declaration.operative, Section::Operative, block);
                }
                BlockKind::Label(label) => {
                    let wanted = numbering::label(declaration.numbering, expected);
                    if *label != wanted {
                        self.warn(block.line, format!("paragraph labelled {label} where {wanted} was expected; labels are renumbered by position"));
                    }
                    expected += 1;
                    self.push_paragraph(&mut declaration.operative, Section::Operative, block);
                }
                BlockKind::Item if !declaration.operative.is_empty() => {
                    self.push_item(&mut declaration.operative, Section::Operative, block);
                }
                BlockKind::Item => self.keep_unplaced(declaration, block),
                BlockKind::Plain
                    if declaration.numbering == Numbering::None
                        && block.text.starts_with("We ") =>
                {
                    expected += 1;
                    self.push_paragraph(&mut declaration.operative, Section::Operative, block);
                }
                BlockKind::Plain => {
                    if declaration.closing.is_empty() && !declaration.operative.is_empty() {
                        self.found_at.insert(TextRef::Closing, block.line);
                        declaration.closing = block.text;
                        operative_ended = true;
                    } else {
                        self.keep_unplaced(declaration, block);
                    }
                }
            }
        }
    }

    fn place_item_or_paragraph(
        &mut self,
        paragraphs: &mut Vec<Paragraph>,
        block: Block,
        part: &str,
    ) {
        match block.kind {
            BlockKind::Item if !paragraphs.is_empty() => {
                self.push_item(paragraphs, Section::Preamble, block)
            }
            _ => {
                if !opens_preamble_paragraph(&block.text) {
                    self.warn(block.line, format!("kept in the {part}, though it does not open like a preambular paragraph"));
                }
                self.push_paragraph(paragraphs, Section::Preamble, block);
            }
        }
    }

    /// A new paragraph of `section`, with an id of its own ("recognising-k3f9qm2x") and its
    /// input line.
    fn push_paragraph(&mut self, paragraphs: &mut Vec<Paragraph>, section: Section, block: Block) {
        let index = paragraphs.len();
        self.found_at
            .insert(TextRef::Paragraph(section, index), block.line);
        let id = crate::identity::new_id(
            crate::identity::first_word(&block.text),
            section.short_name(),
            |id| self.ids.contains(id),
        );
        self.ids.insert(id.clone());
        paragraphs.push(Paragraph {
            id,
            text: block.text,
            ..Default::default()
        });
    }

    /// An item of the last paragraph of `section`.
    fn push_item(&mut self, paragraphs: &mut [Paragraph], section: Section, block: Block) {
        let index = paragraphs.len() - 1;
        let last = &mut paragraphs[index];
        self.found_at
            .insert(TextRef::Item(section, index, last.items.len()), block.line);
        last.items.push(block.text);
    }

    fn keep_unplaced(&mut self, declaration: &mut Declaration, block: Block) {
        self.warn(block.line, "could not be placed; kept as unplaced text for you to move or delete (chapeau check lists it)");
        self.found_at
            .insert(TextRef::Unplaced(declaration.unplaced.len()), block.line);
        declaration.unplaced.push(block.text);
    }

    /// The rest of the input as blocks: labelled paragraphs, items and plain paragraphs,
    /// each joined across hard-wrapped lines.
    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks: Vec<Block> = Vec::new();
        let mut previous: Option<SourceLine> = None;
        while let Some(line) = self.peek().cloned() {
            self.at += 1;
            if line.is_blank() {
                previous = None;
                continue;
            }
            let (kind, text) = classify(&line.text);
            // A line goes on the block before it unless a blank line, or a label or item
            // marker after a finished line, starts a new one. A dash on a line indented
            // deeper than the item it follows is a word that wrapping put first.
            let continues = match (&previous, blocks.last()) {
                (Some(before), Some(block)) => {
                    kind == BlockKind::Plain
                        || block.kind == BlockKind::Item && line.indent > block.indent + 1
                        || !before
                            .text
                            .trim_end_matches('*')
                            .ends_with(['.', ',', ';', ':'])
                }
                _ => false,
            };
            if continues {
                let last = blocks.last_mut().expect("checked above");
                append_line(&mut last.text, &line.text);
            } else {
                blocks.push(Block {
                    kind,
                    text,
                    line: line.number,
                    indent: line.indent,
                });
            }
            previous = Some(line);
        }
        blocks
    }
}

/// What a block is, from how its first line starts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum BlockKind {
    /// An operative paragraph with its label: "(a)", "12.".
    Label(String),
    /// A sub-item: "- ", "– ", "• ", "(i) ".
    Item,
    /// Anything else.
    Plain,
}

#[derive(Debug, Clone)]
struct Block {
    kind: BlockKind,
    text: String,
    line: usize,
    indent: usize,
}

/// Reads the start of a line: PDF noise first ("- (a)**"), then a label or an item marker.
fn classify(line: &str) -> (BlockKind, String) {
    let stripped = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("-"))
        .unwrap_or(line)
        .trim_start();
    if let Some((label, rest)) = letter_label(stripped).or_else(|| number_label(stripped)) {
        return (
            BlockKind::Label(label),
            rest.trim_start_matches("**").trim().to_string(),
        );
    }
    for marker in ["- ", "– ", "— ", "• ", "* ", "-"] {
        if let Some(rest) = line.strip_prefix(marker)
            && !rest.trim().is_empty()
        {
            return (BlockKind::Item, rest.trim().to_string());
        }
    }
    if let Some((_, rest)) = roman_label(line) {
        return (BlockKind::Item, rest.trim().to_string());
    }
    (BlockKind::Plain, line.trim().to_string())
}

/// "(a) rest" or "(aa)** rest", but not roman numerals past (i) that are items.
fn letter_label(text: &str) -> Option<(String, &str)> {
    let inner_end = text.strip_prefix('(')?.find(')')? + 1;
    let inner = &text[1..inner_end];
    let is_letters =
        !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_lowercase());
    let is_roman_only = inner.len() > 1 && inner.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    (is_letters && !is_roman_only).then(|| (format!("({inner})"), &text[inner_end + 1..]))
}

/// "12. rest", up to "9999. " for the longest action plans.
fn number_label(text: &str) -> Option<(String, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && digits <= 4 && text[digits..].starts_with(". "))
        .then(|| (text[..=digits].to_string(), &text[digits + 1..]))
}

/// "(ii) rest": a roman-numbered sub-item.
fn roman_label(text: &str) -> Option<(String, &str)> {
    let inner_end = text.strip_prefix('(')?.find(')')? + 1;
    let inner = &text[1..inner_end];
    let is_roman = !inner.is_empty() && inner.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
    is_roman.then(|| (format!("({inner})"), &text[inner_end + 1..]))
}

/// Appends a hard-wrapped line to the text before it, mending words hyphenated at the line
/// end. In place, so that a paragraph of any length is joined in linear time.
fn append_line(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let mut before = text.chars().rev();
    let hyphenated = before.next() == Some('-')
        && before.next().is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        text.pop();
    } else if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

/// A labelled cover note field, "from: the Presidency": the field, its printed name
/// ("from:", "Subject:", in any case in the text) and the value that follows.
fn labelled_field(text: &str) -> Option<(&'static Field, &'static str, &str)> {
    FIELDS.iter().find_map(|field| {
        let Place::Labelled(name) = field.place else {
            return None;
        };
        let head = text.get(..name.len())?;
        head.eq_ignore_ascii_case(name)
            .then(|| (field, name, &text[name.len()..]))
    })
}

/// Fills an empty part; says whether it was empty (a filled part is never overwritten).
fn set_once(part: &mut String, value: String) -> bool {
    let empty = part.is_empty();
    if empty {
        *part = value;
    }
    empty
}

fn is_subject_code(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(words.as_slice(), [code, number]
        if code.len() >= 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && number.bytes().all(|b| b.is_ascii_digit()))
}

/// "(OR. en)" anywhere in a line.
fn language_mark(text: &str) -> Option<String> {
    let start = text.find("(OR. ")? + 5;
    let end = start + text[start..].find(')')?;
    Some(text[start..end].trim().to_string())
}

/// "Brussels, 11 February 2009 (OR. en)" -> place, date, language.
fn place_and_date(text: &str) -> Option<(String, Date, Option<String>)> {
    let (place, rest) = text.split_once(", ")?;
    let date = read_long_date(rest)?;
    Some((place.trim().to_string(), date, language_mark(text)))
}

/// "6093/1/09 REV 1", also over two lines and with ADD n / COR n.
fn full_document_number(text: &str) -> Option<(DocumentNumber, u32, Option<String>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (number, mut revision) = DocumentNumber::read_printed(words.first()?)?;
    let mut addendum = None;
    let mut rest = &words[1..];
    while let [kind, n, tail @ ..] = rest {
        let n: u32 = n.parse().ok()?;
        match *kind {
            "REV" => revision = Some(n),
            "ADD" | "COR" => addendum = Some(format!("{kind} {n}")),
            _ => return None,
        }
        rest = tail;
    }
    rest.is_empty()
        .then(|| (number, revision.unwrap_or(0), addendum))
}

/// Whether a paragraph ends as a preambular one does, with "," or ";".
fn ends_like_preamble(text: &str) -> bool {
    text.trim_end().ends_with([',', ';'])
}

/// Whether a paragraph opens as preambular paragraphs do (a participle or adjective), or at
/// least ends like one.
fn opens_preamble_paragraph(text: &str) -> bool {
    crate::check::opens_with_participle_or_adjective(text) || ends_like_preamble(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_survive_pdf_noise() {
        assert_eq!(
            classify("- (a)** This approach").0,
            BlockKind::Label("(a)".into())
        );
        assert_eq!(classify("- (a)** This approach").1, "This approach");
        assert_eq!(classify("(aa) Text").0, BlockKind::Label("(aa)".into()));
        assert_eq!(classify("12. We agree").0, BlockKind::Label("12.".into()));
        assert_eq!(classify("(ii) an item").0, BlockKind::Item);
        assert_eq!(classify("- intensifying cooperation").0, BlockKind::Item);
        assert_eq!(classify("• an item").0, BlockKind::Item);
        assert_eq!(classify("Aware that").0, BlockKind::Plain);
    }

    #[test]
    fn hard_wrapped_and_hyphenated_lines_are_mended() {
        let joined = |before: &str, line: &str| {
            let mut text = before.to_string();
            append_line(&mut text, line);
            text
        };
        assert_eq!(joined("the manage-", "ment of"), "the management of");
        assert_eq!(joined("south-", "Eastern"), "south- Eastern");
        assert_eq!(joined("of the", "Union"), "of the Union");
        assert_eq!(joined("", "  Union "), "Union");
    }

    #[test]
    fn document_numbers_with_revisions_and_addenda() {
        let read = |text: &str| {
            full_document_number(text)
                .map(|(number, revision, addendum)| (number.to_string(), revision, addendum))
        };
        assert_eq!(read("6093/1/09 REV 1"), Some(("6093/09".into(), 1, None)));
        assert_eq!(read("6093/09"), Some(("6093/09".into(), 0, None)));
        assert_eq!(
            read("6093/09 ADD 1"),
            Some(("6093/09".into(), 0, Some("ADD 1".into())))
        );
        assert_eq!(read("6093/09 ADD x"), None);
        assert_eq!(read("LIMITE"), None);
    }

    #[test]
    fn page_furniture_is_recognised() {
        for line in [
            "12",
            "- 3 -",
            "6093/1/09 REV 1 JV/ml 2 DG H 1 B LIMITE EN",
            "DG H 1 B LIMITE EN",
        ] {
            assert!(is_page_number(line) || is_running_head(line), "{line}");
        }
        for line in ["12. We agree", "Delegations EN", "LIMITE"] {
            assert!(!is_page_number(line) && !is_running_head(line), "{line}");
        }
    }
}
