//! The review dock: the pain-point table, the priority matrix and the customer data share one
//! panel under the map, so none ever covers the map or the inspector. With several open, a
//! tab strip picks the one in front; the one opened last comes to the front. Which tab is in
//! front is view state, kept in egui's memory.

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
    /// The customer data: funnel, trends and imports.
    Data,
}

impl DockTab {
    /// Every view, in the order of the tab strip.
    pub const ALL: [DockTab; 3] = [DockTab::Table, DockTab::Matrix, DockTab::Data];

    /// The message key of the view's title.
    fn title_key(self) -> &'static str {
        match self {
            DockTab::Table => "review-title",
            DockTab::Matrix => "matrix-title",
            DockTab::Data => "data-title",
        }
    }
}

/// What the dock remembers between frames: the tab in front, and which views were open (in
/// the order of [`DockTab::ALL`]).
#[derive(Clone, Copy, Debug, Default)]
struct DockMemory {
    front: DockTab,
    was_open: [bool; 3],
}

/// Which view the dock shows this frame (`None` when none is open); `open` says which views
/// are open, in the order of [`DockTab::ALL`]. With several open, first draws the tab strip
/// that switches between them.
pub fn dock_tabs_ui(ui: &mut Ui, lang: Lang, open: [bool; 3]) -> Option<DockTab> {
    let id = egui::Id::unique("journeymap-review-dock");
    let mut memory = ui
        .data(|d| d.get_temp::<DockMemory>(id))
        .unwrap_or_default();
    let front = front_tab(&mut memory, open);
    ui.data_mut(|d| d.insert_temp(id, memory));
    if open.iter().filter(|o| **o).count() > 1 {
        ui.horizontal(|ui| {
            for (tab, _) in DockTab::ALL.into_iter().zip(open).filter(|(_, o)| *o) {
                let text = RichText::new(tr(lang, tab.title_key())).heading();
                if ui.selectable_label(memory.front == tab, text).clicked() {
                    memory.front = tab;
                }
            }
        });
        ui.data_mut(|d| d.insert_temp(id, memory));
        ui.separator();
        return Some(memory.front);
    }
    if let Some(tab) = front
        && tab != DockTab::Table
    {
        // The table has its own heading; the others' is the dock's.
        ui.heading(tr(lang, tab.title_key()));
    }
    front
}

/// The tab in front: the view just opened (the first of them, if several), else the one in
/// front before if still open, else the first one open.
fn front_tab(memory: &mut DockMemory, open: [bool; 3]) -> Option<DockTab> {
    let opened = (DockTab::ALL
        .into_iter()
        .zip(open.into_iter().zip(memory.was_open)))
    .find(|(_, (now, before))| *now && !*before)
    .map(|(tab, _)| tab);
    memory.was_open = open;
    if let Some(tab) = opened {
        memory.front = tab;
    }
    let is_open = |tab: DockTab| DockTab::ALL.iter().zip(open).any(|(t, o)| *t == tab && o);
    if !is_open(memory.front) {
        memory.front = DockTab::ALL.into_iter().find(|t| is_open(*t))?;
    }
    Some(memory.front)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_opened_last_comes_to_the_front() {
        let mut memory = DockMemory::default();
        let (t, m, d) = (DockTab::Table, DockTab::Matrix, DockTab::Data);
        assert_eq!(front_tab(&mut memory, [false, false, false]), None);
        assert_eq!(front_tab(&mut memory, [true, false, false]), Some(t));
        assert_eq!(front_tab(&mut memory, [true, true, false]), Some(m));
        // Stays in front while both stay open.
        assert_eq!(front_tab(&mut memory, [true, true, false]), Some(m));
        // Closing the matrix shows the table again; reopening it brings it forward.
        assert_eq!(front_tab(&mut memory, [true, false, false]), Some(t));
        assert_eq!(front_tab(&mut memory, [true, true, false]), Some(m));
        // Closing the table leaves the matrix.
        assert_eq!(front_tab(&mut memory, [false, true, false]), Some(m));
        assert_eq!(front_tab(&mut memory, [true, true, false]), Some(t));
        // The customer data comes forward when opened, and leaves the first open when closed.
        assert_eq!(front_tab(&mut memory, [true, true, true]), Some(d));
        assert_eq!(front_tab(&mut memory, [true, true, false]), Some(t));
        assert_eq!(front_tab(&mut memory, [false, false, true]), Some(d));
    }
}
