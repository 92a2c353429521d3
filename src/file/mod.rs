//! The `.ron` file format: versioned, pretty, stable, and careful with the user's work.
//!
//! * **Saving** writes a temporary file beside the target and syncs it, copies the previous
//!   version to a second one (the next `NAME.ron.bak`) and syncs that, then renames the new file
//!   over the target and the copy over the `.bak`, so a crash or a full disk at any moment leaves
//!   either the old file or the new one, never half (`tests/kill_save.rs` kills it 200 times to
//!   check). A symbolic link is written through to its target; a read-only file is refused.
//! * **Loading** is read (with a size limit) → parse (with a recursion limit) → migrate older
//!   format versions → [`restore`](crate::model::restore), which repairs and returns warnings.
//!   Every failure is one line naming the file and, where there is one, the line and column.

mod load;
mod position;
pub mod samples;
mod save;
mod stamp;
mod unknown;

pub use load::{LoadError, Loaded, MAX_FILE_BYTES, from_ron_str, load};
pub use save::{SaveError, save, to_ron_string, write_atomically};
pub use stamp::{DiskState, FileStamp};
pub use unknown::UnknownField;

/// How deep RON nesting may go; real maps need about ten levels.
pub const RECURSION_LIMIT: usize = 64;

/// The backup path kept beside `path` when saving over it: `NAME.ron.bak`.
pub fn backup_path(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}
