//! The Council cover note: its typed fields, read once where text comes in (a draft file, the
//! form, an import), and [`FIELDS`], the one table of its fields that the draft file, the
//! form, the redline, the writers and the importer all iterate. A new field is one row.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The cover note block that opens a Council document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The issuing body, e.g. "COUNCIL OF THE EUROPEAN UNION".
    pub body: String,
    /// Where the note is issued, e.g. "Brussels".
    pub place: String,
    /// The date of issue, printed as "11 February 2009".
    pub date: Option<Date>,
    /// The language the text was drafted in, e.g. `en` for "(OR. en)".
    pub language: String,
    /// The base document number, e.g. "6093/09"; revisions derive "6093/1/09 REV 1".
    pub number: Option<DocumentNumber>,
    /// Which revision this text is: 0 is the original, n is "REV n".
    pub revision: u32,
    /// The distribution marking, e.g. "LIMITE"; printed on the first page of every export.
    pub classification: String,
    /// Subject file codes with running numbers, e.g. "ASIM 12".
    pub codes: Vec<String>,
    /// The kind of document, e.g. "NOTE"; a revision prints "REVISED NOTE".
    pub kind: String,
    /// The sender, e.g. "the Presidency".
    pub from: String,
    /// The addressees, e.g. "delegations".
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The cover text: "Delegations will find attached ...".
    pub cover: String,
}

impl Header {
    /// The document number as printed on this revision ("6093/1/09 REV 1"), or nothing.
    pub fn printed_number(&self) -> String {
        self.number
            .as_ref()
            .map_or_else(String::new, |number| number.printed(self.revision))
    }

    /// The number of the revision this one replaces, printed as "No. prev. doc.".
    pub fn previous_number(&self) -> Option<String> {
        let number = self.number.as_ref()?;
        (self.revision > 0).then(|| number.printed(self.revision - 1))
    }

    /// The kind as printed: a revision of a "NOTE" is a "REVISED NOTE".
    pub fn printed_kind(&self) -> String {
        let kind = self.kind.trim();
        if self.revision > 0 && !kind.is_empty() && !kind.starts_with("REVISED ") {
            format!("REVISED {kind}")
        } else {
            kind.to_string()
        }
    }

    /// The date as printed, "11 February 2009", or nothing.
    pub fn printed_date(&self) -> String {
        self.date.map(long_date).unwrap_or_default()
    }
}

/// A Council document number: a serial and a two-digit year, "6093/09".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentNumber {
    /// The running serial, e.g. "6093".
    pub serial: String,
    /// The two-digit year, e.g. "09".
    pub year: String,
}

impl DocumentNumber {
    /// The number as printed on revision `revision`: "6093/09", then "6093/1/09 REV 1".
    pub fn printed(&self, revision: u32) -> String {
        if revision == 0 {
            format!("{}/{}", self.serial, self.year)
        } else {
            format!(
                "{}/{}/{} REV {}",
                self.serial, revision, self.year, revision
            )
        }
    }

    /// Reads the number word of a printed document, "6093/09" or "6093/1/09": the base
    /// number and the revision the middle part names, if any.
    pub fn read_printed(word: &str) -> Option<(DocumentNumber, Option<u32>)> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let number = |serial: &str, year: &str| DocumentNumber {
            serial: serial.to_string(),
            year: year.to_string(),
        };
        match word.trim().split('/').collect::<Vec<_>>().as_slice() {
            [serial, year] if digits(serial) && year.len() == 2 && digits(year) => {
                Some((number(serial, year), None))
            }
            [serial, revision, year]
                if digits(serial) && digits(revision) && year.len() == 2 && digits(year) =>
            {
                Some((number(serial, year), revision.parse().ok()))
            }
            _ => None,
        }
    }
}

impl FromStr for DocumentNumber {
    type Err = String;

    /// Reads a base number written `SERIAL/YY`.
    fn from_str(text: &str) -> Result<DocumentNumber, String> {
        match DocumentNumber::read_printed(text) {
            Some((number, None)) => Ok(number),
            _ => Err(format!(
                "`{}` is not a base document number SERIAL/YY",
                text.trim()
            )),
        }
    }
}

impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.serial, self.year)
    }
}

/// The English month names of Council dates.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads a date written `YYYY-MM-DD`, refusing days that do not exist (2009-02-30).
pub fn read_date(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let Some(name) = usize::try_from(month - 1).ok().and_then(|m| MONTHS.get(m)) else {
        return Err(format!(
            "`{text}` has no month {month}: months run from 01 to 12"
        ));
    };
    Date::new(year, month as i8, day as i8).map_err(|_| {
        let days = Date::new(year, month as i8, 1).map_or(31, |first| first.days_in_month());
        format!("`{text}` is not a day of the calendar: {name} {year} has {days} days")
    })
}

/// The date as Council documents print it: "11 February 2009".
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[usize::from(date.month().unsigned_abs()) - 1],
        date.year()
    )
}

/// Reads a date printed the Council way, "11 February 2009" (words after the year ignored).
pub fn read_long_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year, ..] = words.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    Date::new(
        year.parse().ok()?,
        i8::try_from(month).ok()?,
        day.parse().ok()?,
    )
    .ok()
}

/// How a field is written in a draft file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Text in double quotes.
    Text,
    /// A list of texts, `["ASIM 12", "RELEX 104"]`.
    List,
    /// A whole number, written bare.
    Count,
}

/// The value of a field as a draft file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A list of texts.
    List(Vec<String>),
    /// A whole number.
    Count(u32),
}

impl Value {
    /// Whether the value says nothing, so that the key is left out of the file.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Text(text) => text.is_empty(),
            Value::List(list) => list.is_empty(),
            Value::Count(n) => *n == 0,
        }
    }
}

/// Where a field is printed in the Council layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On a line of its own, as printed.
    Line,
    /// Each value on a line of its own.
    Lines,
    /// On the line of the place and date: "Brussels, 11 February 2009".
    PlaceAndDate,
    /// At the end of that line: "(OR. en)".
    AfterDate,
    /// After a name in the field column: "from:", "Subject:".
    Labelled(&'static str),
    /// The cover text under the block.
    CoverText,
    /// Not printed by itself (the revision is part of the number).
    Nowhere,
}

/// One field of the cover note: everything any reader or writer needs to know of it.
pub struct Field {
    /// The key in the draft file's `[header]` and in JSON.
    pub key: &'static str,
    /// The name drafters see, in the form and the redline.
    pub label: &'static str,
    /// Whether the drafter writes it; a derived field ("No. prev. doc.") is only printed.
    pub stored: bool,
    /// How the value is typed, shown beside the label in the form: "YYYY-MM-DD".
    pub format: &'static str,
    /// How the value is written in a draft file.
    pub shape: Shape,
    /// Whether the form gives the field several lines.
    pub long: bool,
    /// Where the Council layout prints it.
    pub place: Place,
    /// What to do when the value cannot be read.
    pub help: &'static str,
    /// The value as the drafter types it in the form.
    pub text: fn(&Header) -> String,
    /// Reads typed text into the header, or says why it cannot.
    pub read: fn(&mut Header, &str) -> Result<(), String>,
    /// The value as a draft file holds it.
    pub value: fn(&Header) -> Value,
    /// Sets the value a draft file holds, exactly, or says why it cannot be used.
    pub set: fn(&mut Header, Value) -> Result<(), String>,
    /// The value as printed: derived numbers and kinds, the long date.
    pub printed: fn(&Header) -> String,
    /// The value the redline counts as a drafter's change: what the drafter wrote, not what
    /// a revision derives from it (the base number, not "6093/1/09 REV 1"); `None` for a
    /// value only derived (the revision, "No. prev. doc."). A changed printed value is shown
    /// either way.
    pub compared: Option<fn(&Header) -> String>,
    /// Its name and printed value in JSON, beside the value as stored, when they differ.
    pub json_printed: Option<&'static str>,
    /// Whether it is stored in JSON under its key (a printed value may take its place).
    pub json_stored: Option<&'static str>,
}

impl Field {
    /// The label with the format, as the form shows it: "Date (YYYY-MM-DD)".
    pub fn form_label(&self) -> String {
        if self.format.is_empty() {
            self.label.to_string()
        } else {
            format!("{} ({})", self.label, self.format)
        }
    }

    /// Whether the value in `header` is empty.
    pub fn is_empty(&self, header: &Header) -> bool {
        (self.value)(header).is_empty()
    }
}

fn read_date_into(h: &mut Header, text: &str) -> Result<(), String> {
    h.date = match text.trim() {
        "" => None,
        text => Some(read_date(text)?),
    };
    Ok(())
}

fn read_number_into(h: &mut Header, text: &str) -> Result<(), String> {
    h.number = match text.trim() {
        "" => None,
        text => Some(text.parse()?),
    };
    Ok(())
}

/// Sets a field from the text a draft file holds through the field's reader.
fn set_text(
    read: fn(&mut Header, &str) -> Result<(), String>,
    h: &mut Header,
    value: Value,
) -> Result<(), String> {
    match value {
        Value::Text(text) => read(h, &text),
        Value::List(_) | Value::Count(_) => Err("expected text".into()),
    }
}

macro_rules! text_field {
    ($key:literal, $label:literal, $name:ident, $place:expr, $long:expr) => {
        Field {
            key: $key,
            label: $label,
            stored: true,
            format: "",
            shape: Shape::Text,
            long: $long,
            place: $place,
            help: "",
            text: |h| h.$name.clone(),
            read: |h, text| {
                h.$name = text.to_string();
                Ok(())
            },
            value: |h| Value::Text(h.$name.clone()),
            set: |h, value| {
                set_text(
                    |h, text| {
                        h.$name = text.to_string();
                        Ok(())
                    },
                    h,
                    value,
                )
            },
            printed: |h| h.$name.trim().to_string(),
            compared: Some(|h| h.$name.clone()),
            json_printed: None,
            json_stored: Some($key),
        }
    };
}

/// Every field of the cover note, in the order of the draft file and of the Council layout.
pub static FIELDS: [Field; 14] = [
    text_field!("body", "Body", body, Place::Line, false),
    text_field!("place", "Place", place, Place::PlaceAndDate, false),
    Field {
        key: "date",
        label: "Date",
        stored: true,
        format: "YYYY-MM-DD",
        shape: Shape::Text,
        long: false,
        place: Place::PlaceAndDate,
        help: "write the date as year-month-day, e.g. date = \"2009-02-11\"; it is printed \"11 February 2009\"",
        text: |h| h.date.map(|d| d.to_string()).unwrap_or_default(),
        read: read_date_into,
        value: |h| Value::Text(h.date.map(|d| d.to_string()).unwrap_or_default()),
        set: |h, value| set_text(read_date_into, h, value),
        printed: Header::printed_date,
        compared: Some(|h| h.date.map(|d| d.to_string()).unwrap_or_default()),
        json_printed: Some("date_printed"),
        json_stored: Some("date"),
    },
    Field {
        printed: |h| match h.language.trim() {
            "" => String::new(),
            language => format!("(OR. {language})"),
        },
        ..text_field!("language", "Language", language, Place::AfterDate, false)
    },
    Field {
        key: "number",
        label: "Number",
        stored: true,
        format: "e.g. 6093/09",
        shape: Shape::Text,
        long: false,
        place: Place::Line,
        help: "write the base number, e.g. number = \"6093/09\"; revisions are derived: revision = 1 prints \"6093/1/09 REV 1\"",
        text: |h| h.number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
        read: read_number_into,
        value: |h| Value::Text(h.number.as_ref().map(|n| n.to_string()).unwrap_or_default()),
        set: |h, value| set_text(read_number_into, h, value),
        printed: Header::printed_number,
        compared: Some(|h| h.number.as_ref().map(|n| n.to_string()).unwrap_or_default()),
        json_printed: Some("number"),
        json_stored: Some("base_number"),
    },
    Field {
        key: "revision",
        label: "Revision",
        stored: true,
        format: "0 = original",
        shape: Shape::Count,
        long: false,
        place: Place::Nowhere,
        help: "write the revision as a whole number: 0 for the original, 1 for REV 1",
        text: |h| h.revision.to_string(),
        read: |h, text| {
            h.revision = match text.trim() {
                "" => 0,
                text => text
                    .parse()
                    .map_err(|_| format!("`{text}` is not a revision number: write 0, 1, 2 ..."))?,
            };
            Ok(())
        },
        value: |h| Value::Count(h.revision),
        set: |h, value| match value {
            Value::Count(n) => {
                h.revision = n;
                Ok(())
            }
            _ => Err("expected a whole number".into()),
        },
        printed: |h| h.revision.to_string(),
        compared: None,
        json_printed: None,
        json_stored: Some("revision"),
    },
    text_field!(
        "classification",
        "Marking",
        classification,
        Place::Line,
        false
    ),
    Field {
        key: "codes",
        label: "Codes",
        stored: true,
        format: "separated by ;",
        shape: Shape::List,
        long: false,
        place: Place::Lines,
        help: "",
        text: |h| h.codes.join("; "),
        read: |h, text| {
            h.codes = text
                .split(';')
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(String::from)
                .collect();
            Ok(())
        },
        value: |h| Value::List(h.codes.clone()),
        set: |h, value| match value {
            Value::List(codes) => {
                h.codes = codes;
                Ok(())
            }
            _ => Err("expected a list".into()),
        },
        printed: |h| h.codes.join(", "),
        compared: Some(|h| h.codes.join(", ")),
        json_printed: None,
        json_stored: Some("codes"),
    },
    Field {
        printed: Header::printed_kind,
        compared: Some(|h| h.kind.clone()),
        json_printed: Some("kind"),
        json_stored: None,
        ..text_field!("kind", "Kind", kind, Place::Line, false)
    },
    text_field!("from", "From", from, Place::Labelled("from:"), false),
    text_field!("to", "To", to, Place::Labelled("to:"), false),
    Field {
        key: "previous_number",
        label: "No. prev. doc.",
        stored: false,
        format: "",
        shape: Shape::Text,
        long: false,
        place: Place::Labelled("No. prev. doc.:"),
        help: "",
        text: |h| h.previous_number().unwrap_or_default(),
        read: |_, _| Ok(()),
        value: |h| Value::Text(h.previous_number().unwrap_or_default()),
        set: |_, _| Ok(()),
        printed: |h| h.previous_number().unwrap_or_default(),
        compared: None,
        json_printed: Some("previous_number"),
        json_stored: None,
    },
    text_field!(
        "subject",
        "Subject",
        subject,
        Place::Labelled("Subject:"),
        true
    ),
    text_field!("cover", "Cover text", cover, Place::CoverText, true),
];

/// The fields a drafter writes, in order: what the draft file and the form hold.
pub fn stored_fields() -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(|field| field.stored)
}

/// The field stored under `key` in a draft file.
pub fn field(key: &str) -> Option<&'static Field> {
    stored_fields().find(|field| field.key == key)
}

/// A draft file holds the cover note as its stored fields, empty ones left out.
impl Serialize for Header {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for field in stored_fields() {
            match (field.value)(self) {
                value if value.is_empty() => {}
                Value::Text(text) => map.serialize_entry(field.key, &text)?,
                Value::List(list) => map.serialize_entry(field.key, &list)?,
                Value::Count(n) => map.serialize_entry(field.key, &n)?,
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        read_date(text).unwrap()
    }

    #[test]
    fn revisions_print_the_council_way() {
        let number: DocumentNumber = "6093/09".parse().unwrap();
        assert_eq!(number.printed(0), "6093/09");
        assert_eq!(number.printed(1), "6093/1/09 REV 1");
        assert_eq!(number.printed(12), "6093/12/09 REV 12");
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in [
            "6093",
            "6093/2009",
            "60a3/09",
            "/09",
            "6093/1/09 REV 1",
            "6093/1/09",
        ] {
            assert!(bad.parse::<DocumentNumber>().is_err(), "{bad}");
        }
        assert_eq!(
            DocumentNumber::read_printed("6093/1/09").map(|(n, r)| (n.to_string(), r)),
            Some(("6093/09".to_string(), Some(1)))
        );
    }

    #[test]
    fn a_revised_note_names_its_predecessor() {
        let header = Header {
            number: Some("6093/09".parse().unwrap()),
            revision: 2,
            kind: "NOTE".into(),
            ..Default::default()
        };
        assert_eq!(header.printed_number(), "6093/2/09 REV 2");
        assert_eq!(header.previous_number().as_deref(), Some("6093/1/09 REV 1"));
        assert_eq!(header.printed_kind(), "REVISED NOTE");
        let original = Header {
            revision: 0,
            ..header
        };
        assert_eq!(original.previous_number(), None);
        assert_eq!(original.printed_kind(), "NOTE");
    }

    #[test]
    fn dates_print_in_long_form_and_impossible_days_are_refused() {
        assert_eq!(long_date(date("2009-02-11")), "11 February 2009");
        assert_eq!(
            read_long_date("11 February 2009 (OR. en)"),
            Some(date("2009-02-11"))
        );
        assert!(read_date("2008-02-29").is_ok());
        assert!(
            read_date("2009-02-30")
                .unwrap_err()
                .contains("February 2009 has 28 days")
        );
        assert!(read_date("2009-13-01").unwrap_err().contains("no month 13"));
        for bad in [
            "2009-02-29",
            "2009-13-01",
            "2009-2-11",
            "11 February 2009",
            "20090211",
            "",
        ] {
            assert!(read_date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_stored_field_reads_back_what_it_writes() {
        let header = Header {
            body: "COUNCIL".into(),
            place: "Brussels".into(),
            date: Some(date("2009-02-11")),
            language: "en".into(),
            number: Some("6093/09".parse().unwrap()),
            revision: 1,
            classification: "LIMITE".into(),
            codes: vec!["ASIM 12".into(), "RELEX 104".into()],
            kind: "NOTE".into(),
            from: "the Presidency".into(),
            to: "delegations".into(),
            subject: "Conference".into(),
            cover: "Delegations will find attached the draft.".into(),
        };
        let mut read = Header::default();
        for field in stored_fields() {
            (field.read)(&mut read, &(field.text)(&header)).unwrap();
        }
        assert_eq!(read, header);
        let keys: Vec<&str> = stored_fields().map(|f| f.key).collect();
        assert_eq!(keys.len(), 13, "every stored field is a row: {keys:?}");
    }

    #[test]
    fn a_field_that_cannot_be_read_says_what_to_write() {
        let mut header = Header::default();
        let date = field("date").unwrap();
        assert!(
            (date.read)(&mut header, "11 Feb")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
        let number = field("number").unwrap();
        let error = (number.read)(&mut header, "6093/1/09 REV 1").unwrap_err();
        assert!(error.contains("is not a base document number"), "{error}");
        assert!(number.help.contains("revision = 1"));
        assert!(field("previous_number").is_none(), "derived, never stored");
    }
}
