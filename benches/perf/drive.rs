//! Drives the app headless, as the window would: one `egui::Context`, `JourneyApp::ui` and
//! `ctx.tessellate` per frame on a 1600 × 1000 screen, with keys and pointer events fed in
//! `RawInput`. Each frame's CPU time (run + tessellate) is returned: the thread's CPU clock,
//! so that the time the thread waits for a core on a busy machine is not counted (the wall
//! clock where there is no such clock).

use std::time::{Duration, Instant};

use egui::emath::TSTransform;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, Vec2, vec2};
use journeymap::model::Id;
use journeymap::ui::JourneyApp;

/// The screen of every frame, in points.
pub const SCREEN: Vec2 = vec2(1600.0, 1000.0);

/// An app in a headless egui context, and the UI clock.
pub struct Driver {
    ctx: egui::Context,
    /// The app.
    pub app: JourneyApp,
    time: f64,
    pointer: Option<Pos2>,
}

const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

impl Driver {
    /// A fresh context (bundled fonts, emoji) showing `app`; no frame drawn yet.
    pub fn new(app: JourneyApp) -> Self {
        let ctx = egui::Context::default();
        journeymap::ui::setup_context(&ctx);
        Self {
            ctx,
            app,
            time: 0.0,
            pointer: None,
        }
    }

    /// One frame with `events`; its CPU time.
    pub fn frame_with(&mut self, events: Vec<Event>) -> Duration {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        self.time += 1.0 / 60.0;
        let app = &mut self.app;
        let start = Instant::now();
        let cpu_start = thread_cpu_time();
        let out = self.ctx.run_ui(input, |ui| app.ui(ui));
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(primitives);
        match (cpu_start, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => start.elapsed(),
        }
    }

    /// One frame with no input.
    pub fn frame(&mut self) -> Duration {
        self.frame_with(Vec::new())
    }

    /// `n` frames with no input: their times.
    pub fn frames(&mut self, n: usize) -> Vec<Duration> {
        (0..n).map(|_| self.frame()).collect()
    }

    /// Presses and releases Ctrl + `key` in one frame.
    pub fn ctrl_key(&mut self, key: Key) -> Duration {
        let event = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: CTRL,
        };
        self.frame_with(vec![
            Event::ModifiersChanged(CTRL),
            event(true),
            event(false),
            Event::ModifiersChanged(Modifiers::NONE),
        ])
    }

    /// Presses and releases `key` (no modifier) in one frame.
    pub fn key(&mut self, key: Key) -> Duration {
        let event = |pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        self.frame_with(vec![event(true), event(false)])
    }

    /// The text of a card in the document.
    pub fn card_text(&self, id: &Id) -> Option<String> {
        Some(self.app.document()?.map().card(id)?.text.clone())
    }

    /// A frame where the pointer moves to `to`.
    pub fn move_to(&mut self, to: Pos2) -> Duration {
        self.pointer = Some(to);
        self.frame_with(vec![Event::PointerMoved(to)])
    }

    /// A frame where the primary button goes down (`pressed`) or up where the pointer is.
    pub fn button(&mut self, pressed: bool) -> Duration {
        let pos = self.pointer.unwrap_or(Pos2::ZERO);
        self.frame_with(vec![Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }])
    }

    /// The canvas on screen as last drawn.
    pub fn canvas(&self) -> Rect {
        self.app
            .view()
            .last_canvas()
            .unwrap_or(Rect::from_min_size(Pos2::ZERO, SCREEN))
    }

    /// Map to screen, as last drawn.
    pub fn to_screen(&self) -> TSTransform {
        self.app.view().screen_from_map(self.canvas())
    }

    /// Pans (keeping the zoom) so that the map point `at` is at the centre of the canvas.
    pub fn centre_on(&mut self, at: Pos2) {
        let canvas = self.canvas();
        let view = self.app.view_mut();
        view.offset = canvas.size() / 2.0 - at.to_vec2() * view.zoom;
    }

    /// Drags from `from` to `to` (screen) over `steps` frames after the press, then lets go:
    /// the times of the frames while moving.
    pub fn drag(&mut self, from: Pos2, to: Pos2, steps: usize) -> Vec<Duration> {
        self.move_to(from);
        self.button(true);
        let mut times = Vec::with_capacity(steps);
        for i in 1..=steps {
            #[expect(clippy::cast_precision_loss, reason = "few steps")]
            let t = i as f32 / steps as f32;
            times.push(self.move_to(from + (to - from) * t));
        }
        self.button(false);
        self.frame();
        times
    }

    /// The screen centres of up to `n` cards wholly inside the canvas, away from the sticky
    /// headers and lane labels, spread over what is visible.
    pub fn visible_cards(&self, n: usize) -> Vec<(Id, Pos2)> {
        let Some(layout) = self.app.layout() else {
            return Vec::new();
        };
        let canvas = self.canvas();
        let inner =
            Rect::from_min_max(canvas.min + vec2(240.0, 160.0), canvas.max - vec2(8.0, 8.0));
        let to_screen = self.to_screen();
        let shown: Vec<(Id, Pos2)> = layout
            .cards
            .iter()
            .map(|c| (c.id.clone(), to_screen * c.rect))
            .filter(|(_, r)| inner.contains_rect(*r))
            .map(|(id, r)| (id, r.center()))
            .collect();
        let every = (shown.len() / n.max(1)).max(1);
        shown.into_iter().step_by(every).take(n).collect()
    }

    /// A curve point of the layout: (curve, step, map position, y of +2, y of −2).
    pub fn a_curve_point(&self) -> Option<(Id, Id, Pos2, f32, f32)> {
        let layout = self.app.layout()?;
        let curve = layout.curves.first()?;
        let point = curve.points.get(curve.points.len() / 2)?;
        Some((
            curve.id.clone(),
            point.step.clone(),
            point.pos,
            curve.y_range.0,
            curve.y_range.1,
        ))
    }

    /// The score of a curve point in the document.
    pub fn score(&self, curve: &Id, step: &Id) -> Option<f32> {
        let curve = self.app.map()?.curve(curve)?;
        Some(curve.points.iter().find(|p| &p.step == step)?.score)
    }

    /// Where a card is in the document: (step, lane, index among the cards).
    pub fn card_place(&self, id: &Id) -> Option<(Id, Id, usize)> {
        let map = self.app.map()?;
        let index = map.cards.iter().position(|c| &c.id == id)?;
        let card = &map.cards[index];
        Some((card.step.clone(), card.lane.clone(), index))
    }
}

/// The CPU time of this thread so far (POSIX `CLOCK_THREAD_CPUTIME_ID`).
#[cfg(unix)]
#[allow(unsafe_code, reason = "clock_gettime has no safe wrapper in std")]
pub fn thread_cpu_time() -> Option<Duration> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut t) };
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u32::try_from(t.tv_nsec).ok()?;
    (status == 0).then(|| Duration::new(secs, nanos))
}

/// The CPU time of this thread: not measured here (the wall clock is used).
#[cfg(not(unix))]
pub fn thread_cpu_time() -> Option<Duration> {
    None
}
