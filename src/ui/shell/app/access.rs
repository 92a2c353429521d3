//! Read access to the app's state, for the shell's tests, the benchmark and the CLI.

use std::path::Path;

use super::{JourneyApp, Prefs};
use crate::edit::Document;
use crate::layout::{LayoutMetrics, MapLayout};
use crate::model::JourneyMap;
use crate::ui::canvas::EditorState;

impl JourneyApp {
    /// The preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The open map, if any.
    pub fn map(&self) -> Option<&JourneyMap> {
        self.open.as_ref().map(|o| o.doc.map())
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.open.as_ref().map(|o| &o.doc)
    }

    /// The file of the open map.
    pub fn path(&self) -> Option<&Path> {
        self.open.as_ref().and_then(|o| o.path.as_deref())
    }

    /// The canvas's pan and zoom.
    pub fn view(&self) -> &crate::ui::canvas::paint::CanvasView {
        &self.editor.view
    }

    /// The canvas's pan and zoom, to change from outside a frame (the benchmark pans to what
    /// it drags).
    pub fn view_mut(&mut self) -> &mut crate::ui::canvas::paint::CanvasView {
        &mut self.editor.view
    }

    /// The open map's layout as last drawn.
    pub fn layout(&self) -> Option<&MapLayout> {
        self.open
            .as_ref()
            .and_then(|o| o.layout.as_ref())
            .map(|laid| &laid.layout)
    }

    /// The layout's metrics (card font size, column width).
    pub fn metrics(&self) -> &LayoutMetrics {
        &self.metrics
    }

    /// The editor's view state (selection, editing).
    pub fn editor(&self) -> &EditorState {
        &self.editor
    }

    /// Whether the window may close now (no unsaved changes, or the user said so).
    pub fn close_allowed(&self) -> bool {
        self.allow_close
    }
}
