//! Everything printed that is derived from position or revision: paragraph labels, document
//! numbers, the document kind and the "No. prev. doc." reference.

use crate::model::{Header, Numbering};

/// The label of the operative paragraph at `index` (0-based): `(a)`, `(aa)`, `1.`.
pub fn label(numbering: Numbering, index: usize) -> String {
    match numbering {
        Numbering::Letters => format!("({})", letters(index)),
        Numbering::Numbers => format!("{}.", index + 1),
        Numbering::None => String::new(),
    }
}

/// Bijective base-26 letters: 0 -> a, 25 -> z, 26 -> aa, 27 -> ab.
fn letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
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
    /// Reads a base number written `SERIAL/YY`; `None` when it is not of that shape.
    pub fn parse(text: &str) -> Option<DocumentNumber> {
        let (serial, year) = text.trim().split_once('/')?;
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        (all_digits(serial) && year.len() == 2 && all_digits(year)).then(|| DocumentNumber {
            serial: serial.to_string(),
            year: year.to_string(),
        })
    }

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
}

impl Header {
    /// The document number as printed, or the raw text when it is not a Council number.
    pub fn printed_number(&self) -> String {
        match DocumentNumber::parse(&self.number) {
            Some(number) => number.printed(self.revision),
            None => self.number.trim().to_string(),
        }
    }

    /// The number of the revision this one replaces, printed as "No. prev. doc.".
    pub fn previous_number(&self) -> Option<String> {
        let number = DocumentNumber::parse(&self.number)?;
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
}

/// The English month names used in Council dates.
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

/// A calendar date, read from `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    /// The year, e.g. 2009.
    pub year: u32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl CalendarDate {
    /// Reads `YYYY-MM-DD`, refusing days that do not exist (2009-02-30).
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let mut parts = text.trim().split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let date = CalendarDate {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
            day: day.parse().ok()?,
        };
        let exists =
            (1..=12).contains(&date.month) && (1..=date.days_in_month()).contains(&date.day);
        exists.then_some(date)
    }

    fn days_in_month(&self) -> u32 {
        match self.month {
            2 if self.year.is_multiple_of(4)
                && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The date as Council documents print it: "11 February 2009".
    pub fn long_form(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_past_z_like_spreadsheet_columns() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .iter()
            .map(|&i| label(Numbering::Letters, i))
            .collect();
        assert_eq!(
            labels,
            [
                "(a)", "(b)", "(z)", "(aa)", "(ab)", "(az)", "(ba)", "(zz)", "(aaa)"
            ]
        );
    }

    #[test]
    fn numbers_count_from_one() {
        assert_eq!(label(Numbering::Numbers, 0), "1.");
        assert_eq!(label(Numbering::Numbers, 9), "10.");
    }

    #[test]
    fn revisions_print_the_council_way() {
        let number = DocumentNumber::parse("6093/09").unwrap();
        assert_eq!(number.printed(0), "6093/09");
        assert_eq!(number.printed(1), "6093/1/09 REV 1");
        assert_eq!(number.printed(12), "6093/12/09 REV 12");
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in ["6093", "6093/2009", "60a3/09", "/09", "6093/1/09 REV 1"] {
            assert_eq!(DocumentNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_revised_note_names_its_predecessor() {
        let header = Header {
            number: "6093/09".into(),
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
        assert_eq!(
            CalendarDate::parse("2009-02-11").unwrap().long_form(),
            "11 February 2009"
        );
        assert!(CalendarDate::parse("2008-02-29").is_some());
        for bad in [
            "2009-02-29",
            "2009-13-01",
            "2009-2-11",
            "11 February 2009",
            "",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
    }
}
