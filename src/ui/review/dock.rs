//! The review dock: the pain-point table and the priority matrix share one panel under the
//! map, so neither ever covers the map or the inspector. With both open, a tab strip picks
//! the one in front; the one opened last comes to the front. Which tab is in front is view
//! state, kept in egui's memory.

use egui::{RichText, Ui};

use crate::ui::kit::i18n::{Lang, tr};

/// A view of the review dock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DockTab {
    /// The pain-point review table.
    #[default]
    Table,
    /// The opportunities' priority matrix.
    Matrix,
}

/// What the dock remembers between frames: the tab in front, and which views were open.
#[derive(Clone, Copy, Debug, Default)]
struct DockMemory {
    front: DockTab,
    was_open: (bool, bool),
}

/// Which view the dock shows this frame (`None` when neither is open); with both open, first
/// draws the tab strip that switches between them.
pub fn dock_tabs_ui(
    ui: &mut Ui,
    lang: Lang,
    show_table: bool,
    show_matrix: bool,
) -> Option<DockTab> {
    let id = egui::Id::unique("journeymap-review-dock");
    let mut memory = ui
        .data(|d| d.get_temp::<DockMemory>(id))
        .unwrap_or_default();
    let front = front_tab(&mut memory, show_table, show_matrix);
    ui.data_mut(|d| d.insert_temp(id, memory));
    if show_table && show_matrix {
        ui.horizontal(|ui| {
            for (tab, key) in [
                (DockTab::Table, "review-title"),
                (DockTab::Matrix, "matrix-title"),
            ] {
                let text = RichText::new(tr(lang, key)).heading();
                if ui.selectable_label(memory.front == tab, text).clicked() {
                    memory.front = tab;
                }
            }
        });
        ui.data_mut(|d| d.insert_temp(id, memory));
        ui.separator();
        return Some(memory.front);
    }
    if front == Some(DockTab::Matrix) {
        // The table has its own heading; the matrix's is the dock's.
        ui.heading(tr(lang, "matrix-title"));
    }
    front
}

/// The tab in front: the view just opened, else the one in front before if still open, else
/// the one open.
fn front_tab(memory: &mut DockMemory, show_table: bool, show_matrix: bool) -> Option<DockTab> {
    let (had_table, had_matrix) = memory.was_open;
    if show_matrix && !had_matrix {
        memory.front = DockTab::Matrix;
    }
    if show_table && !had_table {
        memory.front = DockTab::Table;
    }
    memory.was_open = (show_table, show_matrix);
    memory.front = match (show_table, show_matrix) {
        (true, false) => DockTab::Table,
        (false, true) => DockTab::Matrix,
        (false, false) => return None,
        (true, true) => memory.front,
    };
    Some(memory.front)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_opened_last_comes_to_the_front() {
        let mut memory = DockMemory::default();
        assert_eq!(front_tab(&mut memory, false, false), None);
        assert_eq!(front_tab(&mut memory, true, false), Some(DockTab::Table));
        assert_eq!(front_tab(&mut memory, true, true), Some(DockTab::Matrix));
        // Stays in front while both stay open.
        assert_eq!(front_tab(&mut memory, true, true), Some(DockTab::Matrix));
        // Closing the matrix shows the table again; reopening it brings it forward.
        assert_eq!(front_tab(&mut memory, true, false), Some(DockTab::Table));
        assert_eq!(front_tab(&mut memory, true, true), Some(DockTab::Matrix));
        // Closing the table leaves the matrix.
        assert_eq!(front_tab(&mut memory, false, true), Some(DockTab::Matrix));
        assert_eq!(front_tab(&mut memory, true, true), Some(DockTab::Table));
    }
}
