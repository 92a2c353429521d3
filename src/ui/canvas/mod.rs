//! The map surface: painting a `MapLayout` with pan and zoom (`paint`), direct manipulation of
//! cards, headers and text (`editor`), emotion curves (`curves`) and the selection. It returns
//! `EditCommand`s and never changes the document itself; it knows nothing of panels or shell.

pub mod curves;
pub mod editor;
pub mod paint;
pub mod selection;
