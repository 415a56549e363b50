//! The parts of the drafting screen, each owning its state, drawing itself and offering its
//! commands (the hint bar shows them, with their keys from the keymap), as gitui's
//! components do. [`super::app::App`] holds them and routes actions to them.

pub mod changes;
pub mod cover_form;
pub mod editor;
pub mod findings;
pub mod help;
pub mod library;
pub mod outline;
pub mod question;

use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::theme::Theme;

/// What every part draws with: the colours, the keys to name, and whether it has the focus.
pub struct Look<'a> {
    /// Colours, or none.
    pub theme: &'a Theme,
    /// The keys, for every key a part names.
    pub keymap: &'a Keymap,
    /// Whether the part has the keyboard.
    pub focused: bool,
}

/// A part of the screen that takes keys.
pub trait Component {
    /// The keymap context of its keys.
    fn context(&self) -> Context;

    /// The commands it offers now, in the order the hint bar shows them.
    fn commands(&self) -> Vec<Action>;
}

/// A rectangle of `width`×`height` centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
