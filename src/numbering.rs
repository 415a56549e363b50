//! Paragraph labels, derived from position: `(a)`, `(aa)`, `1.`. (What the cover note derives
//! from the revision, the printed number and kind, is in [`crate::cover_note`].)

use crate::model::Numbering;

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
}
