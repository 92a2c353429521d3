//! The application frame: the app state and frame loop, menus, files and dialogs, prompts,
//! the start screen and recovery copies. The only room that knows every other one.

pub mod app;
pub mod export;
pub mod file_dialog;
pub mod import;
pub mod prefs;
pub mod prompts;
pub mod recovery;
pub mod start;
