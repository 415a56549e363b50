//! Scrolling, as a pure calculation: which row comes first on screen so that the selected
//! row is in view, moving as little as possible. The library list (rows of one line) and the
//! draft outline (entries of several lines, a blank line between them) both use it.

use super::action::Action;

/// The first row to show of a list whose row `i` takes `lines_of(i)` lines, with `gap` blank
/// lines between rows, on `height` lines, so that `selected` is in view: `top` itself when it
/// already is, else scrolled up to `selected` or down just far enough. A selected row taller
/// than the view comes first.
pub fn keep_in_view(
    top: usize,
    selected: usize,
    height: usize,
    gap: usize,
    lines_of: impl Fn(usize) -> usize,
) -> usize {
    let top = top.min(selected);
    let mut used = 0;
    let mut first_fitting = selected;
    for row in (top..=selected).rev() {
        used += lines_of(row) + gap;
        if used > height + gap {
            break;
        }
        first_fitting = row;
    }
    top.max(first_fitting)
}

/// The row a move lands on in a list of `last + 1` rows, from `selected`, a page being
/// `page` rows; moves stop at the ends.
pub fn moved(selected: usize, last: usize, action: Action, page: usize) -> usize {
    match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => selected,
    }
}

#[cfg(test)]
mod tests {
    use super::keep_in_view;

    #[test]
    fn moves_stop_at_the_ends() {
        use super::{Action, moved};
        assert_eq!(moved(0, 9, Action::Up, 5), 0);
        assert_eq!(moved(8, 9, Action::PageDown, 5), 9);
        assert_eq!(moved(8, 9, Action::PageUp, 5), 3);
        assert_eq!(moved(4, 9, Action::Last, 5), 9);
    }

    #[test]
    fn a_row_in_view_does_not_scroll() {
        assert_eq!(keep_in_view(3, 5, 10, 0, |_| 1), 3);
        assert_eq!(keep_in_view(3, 3, 10, 0, |_| 1), 3);
    }

    #[test]
    fn scrolls_up_to_a_row_above() {
        assert_eq!(keep_in_view(8, 2, 10, 0, |_| 1), 2);
    }

    #[test]
    fn scrolls_down_just_far_enough() {
        // Rows 0..=9 fill ten lines; row 10 needs the view to start at row 1.
        assert_eq!(keep_in_view(0, 10, 10, 0, |_| 1), 1);
        assert_eq!(keep_in_view(0, 25, 10, 0, |_| 1), 16);
    }

    #[test]
    fn tall_rows_and_gaps_are_counted() {
        // Rows of 3 lines with a blank line between: two fit on 7 lines (3 + 1 + 3).
        assert_eq!(keep_in_view(0, 1, 7, 1, |_| 3), 0);
        assert_eq!(keep_in_view(0, 2, 7, 1, |_| 3), 1);
        // A row taller than the view comes first.
        assert_eq!(
            keep_in_view(0, 4, 5, 1, |row| if row == 4 { 9 } else { 1 }),
            4
        );
    }
}
