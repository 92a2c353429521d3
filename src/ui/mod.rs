//! The egui application.

/// Opens the editor window.
pub fn run(_file: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    Ok(())
}
