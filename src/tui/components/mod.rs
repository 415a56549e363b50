//! The parts of the drafting screen, each owning its state, drawing itself and offering its
//! commands (the hint bar shows them, with their keys from the keymap), as gitui's
//! components do. [`super::app::App`] holds them and routes actions to them.

pub mod library;
pub mod outline;

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
