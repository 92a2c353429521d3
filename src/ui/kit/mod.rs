//! The UI's toolkit: design tokens (colours, sizes), the bundled fonts, colour emoji and the
//! translations.
//! Everything else in the UI builds on these; nothing here knows the app, the canvas or panels.

pub mod emoji;
pub mod fonts;
pub mod i18n;
pub mod labels;
pub mod theme;
pub mod widgets;

#[cfg(test)]
pub(crate) mod testing;
