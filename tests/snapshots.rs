//! Snapshot images of the key screens, in light and dark, with Vietnamese content, rendered
//! by `egui_kittest` with wgpu (software rendering on machines without a GPU).
//!
//! The images live in `tests/snapshots/`. After a deliberate change to what a screen looks
//! like, run `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`, look at the new images (and the
//! `.diff.png` files kittest writes on failure), and commit them.
//!
//! Nothing in an image may depend on the day, the clock, the machine or the user: every app is
//! built by [`snapshot_app`] with "today" pinned and the preferences given (no recent files),
//! and maps are opened by a relative path.

mod common;

use egui::Theme;
use egui_kittest::kittest::Queryable as _;
use journeymap::model::template::Lang;
use journeymap::ui::{JourneyApp, Prefs};

/// "Today" for every snapshot: the review-due badge depends on the date, and an image must not
/// change because the calendar did. The juicer sample was reviewed on 2026-11-03 with a
/// six-month cadence, so on this day it shows no badge.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// The app as every snapshot builds it: today pinned, the preferences given (never the
/// machine's), and `open` (or the start screen).
fn snapshot_app(open: Option<&std::path::Path>, prefs: Prefs) -> JourneyApp {
    open.map_or_else(|| JourneyApp::new(None, None), JourneyApp::with_file)
        .with_today(TODAY)
        .with_prefs(prefs)
}

/// Whether wgpu finds any adapter with kittest's own setup (the check egui-wgpu makes before it
/// gives up with "No adapter found"). Without one, kittest's renderer panics while it is built,
/// so this is asked before rendering.
fn render_adapter_exists() -> bool {
    static EXISTS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *EXISTS.get_or_init(|| {
        let setup = egui_kittest::wgpu::default_wgpu_setup();
        let backends = match &setup {
            egui_wgpu::WgpuSetup::CreateNew(new) => new.instance_descriptor.backends,
            egui_wgpu::WgpuSetup::Existing(_) => egui_wgpu::wgpu::Backends::all(),
        };
        let instance = pollster::block_on(setup.new_instance());
        !pollster::block_on(instance.enumerate_adapters(backends)).is_empty()
    })
}

/// Whether this is a CI run (`.ci/run` sets `CI=true`; so do the usual CI services).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Compares (or, with `UPDATE_SNAPSHOTS=1`, writes) a snapshot. Only on a machine with no
/// render adapter at all (no Vulkan or GL driver: `apt-get install mesa-vulkan-drivers` gives a
/// software one), and only outside CI, is the comparison skipped, with a message; every other
/// failure, render errors included, fails the test.
fn snapshot(h: &mut egui_kittest::Harness<'static, JourneyApp>, name: &str) {
    if !render_adapter_exists() {
        assert!(
            !in_ci(),
            "snapshot {name}: no render adapter, and CI must render the snapshots \
             (install mesa-vulkan-drivers)"
        );
        eprintln!("snapshot {name} skipped: no render adapter on this machine");
        return;
    }
    if let Err(err) = h.try_snapshot(name) {
        panic!("snapshot {name}: {err}");
    }
}

/// A workshop's projector.
const PROJECTOR: [f32; 2] = [1280.0, 720.0];

fn vietnamese_ui() -> Prefs {
    Prefs {
        lang: Lang::Vi,
        ..Prefs::default()
    }
}

fn themes() -> [(Theme, &'static str); 2] {
    [(Theme::Light, "light"), (Theme::Dark, "dark")]
}

#[test]
fn start_screen() {
    for (theme, name) in themes() {
        let app = snapshot_app(None, vietnamese_ui());
        let mut h = common::harness(app, theme);
        h.run();
        snapshot(&mut h, &format!("start_screen_{name}"));
    }
}

#[test]
fn editor_with_a_vietnamese_sample() {
    // Relative, as a user would type it: the status bar shows the path, and the snapshot must
    // not depend on where the repository is checked out.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(
            Some(path),
            Prefs {
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        let mut h = common::harness(app, theme);
        h.run();
        snapshot(&mut h, &format!("editor_sample_{name}"));
    }
}

#[test]
fn inspector_on_a_pain_point() {
    // Relative, as a user would type it: the status bar shows the path, and the snapshot must
    // not depend on where the repository is checked out.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(Some(path), vietnamese_ui());
        let mut h = common::harness(app, theme);
        h.run();
        let card = h
            .get_by_label_contains("Chatbot chỉ trả lời theo kịch bản")
            .rect()
            .center();
        common::click_at(&mut h, card, egui::Modifiers::NONE);
        snapshot(&mut h, &format!("inspector_pain_point_{name}"));
    }
}

#[test]
fn two_curves_with_pain_markers() {
    // The juicer sample has an as-is and a to-be curve, a pain point pinned to the lowest
    // point and one pinned to a touchpoint; the lowest point is hovered, so its
    // moment-of-pain tooltip shows.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(
            Some(path),
            Prefs {
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        let mut h = common::harness(app, theme);
        h.run();
        let point = h
            .get_by_label("Điểm cảm xúc: Hiện tại, Quyết định › Hỏi tư vấn")
            .rect()
            .center();
        h.hover_at(point);
        // The tooltip waits for the pointer to rest, then fades in.
        h.run_steps(30);
        snapshot(&mut h, &format!("curves_and_pain_markers_{name}"));
    }
}

#[test]
fn pain_point_review_table() {
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(
            Some(path),
            Prefs {
                show_review: true,
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        // On a workshop's projector: every heading and cell whole, or cut with "…".
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        h.get_by_label("Phiếu bầu").click();
        h.run();
        snapshot(&mut h, &format!("review_table_{name}"));
    }
}

#[test]
fn opportunity_priority_matrix() {
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(
            Some(path),
            Prefs {
                show_matrix: true,
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        // On a workshop's projector: docked under the map, labels inside their quadrants.
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        snapshot(&mut h, &format!("priority_matrix_{name}"));
    }
}

#[test]
fn a_vietnamese_sample_on_a_projector_in_normal_and_workshop_view() {
    // As it opens on a 1280×720 projector: readable card text from the left, the empty
    // inspector folded into a strip; then the workshop view from the toolbar.
    let path = std::path::Path::new("samples/may-ep-trai-cay.ron");
    for (theme, name) in themes() {
        let app = snapshot_app(Some(path), vietnamese_ui());
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        snapshot(&mut h, &format!("projector_sample_{name}"));
        h.get_by_label("🖥 Hội thảo").click();
        h.run();
        assert!(
            h.state().prefs().workshop(),
            "the toolbar turned the workshop view on"
        );
        snapshot(&mut h, &format!("projector_workshop_{name}"));
    }
}

#[test]
fn customer_data_funnel_and_trends() {
    // The Zalo sample with its demo data imported twice: the customer data docked under the
    // map on a projector, the funnel, the flagged touchpoint's monthly conversion and the
    // imports side by side, numbers with decimal commas.
    for (theme, name) in themes() {
        let app = JourneyApp::new(
            Some(journeymap::ui::OpenMap::unsaved(common::zalo_with_data())),
            None,
        )
        .with_today(TODAY)
        .with_prefs(Prefs {
            show_data: true,
            show_inspector: false,
            ..vietnamese_ui()
        });
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        snapshot(&mut h, &format!("funnel_{name}"));
    }
}

/// `map` (the Zalo sample with its demo data), opened unsaved with `prefs`.
fn zalo_with_data_app(map: journeymap::model::JourneyMap, prefs: Prefs) -> JourneyApp {
    JourneyApp::new(Some(journeymap::ui::OpenMap::unsaved(map)), None)
        .with_today(TODAY)
        .with_prefs(prefs)
}

#[test]
fn customer_data_overlays_on_a_projector() {
    // Badges with their changes, the weak touchpoint's flag, the cards tinted by conversion
    // (chosen in View → Data on the map) with the legend, at 1280×720.
    for (theme, name) in themes() {
        let app = zalo_with_data_app(
            common::zalo_with_data(),
            Prefs {
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        h.get_by_label("Xem").click();
        h.run();
        h.get_by_label("Số liệu trên bản đồ").click();
        h.run();
        h.get_by_label("Chuyển đổi").click();
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
        snapshot(&mut h, &format!("overlays_{name}"));
    }
}

#[test]
fn measured_and_assumed_emotion_curves() {
    // The emotion lane scrolled into view: the assumed curve, the measured one (dashed) with
    // its legend row, and the step where they part by more than a point highlighted (one
    // assumption made wrong: the demo data alone agrees with the curve within a point).
    for (theme, name) in themes() {
        let app = zalo_with_data_app(
            common::zalo_with_a_wrong_assumption(),
            Prefs {
                show_inspector: false,
                ..vietnamese_ui()
            },
        );
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        // Up by the height of the lanes above the emotion lane, at the zoom the map opened with.
        let layout = h.state().layout().expect("a map is open");
        let first = layout.lanes[0].row.top();
        let emotions = layout
            .lanes
            .iter()
            .find(|l| l.kind == journeymap::model::LaneKind::Emotions)
            .expect("the sample has an emotion lane")
            .row
            .top();
        let rise = (emotions - first) * h.state().view().zoom;
        let at = egui::pos2(640.0, 400.0);
        h.event(egui::Event::PointerMoved(at));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -rise),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(30);
        // The divergent step's tooltip: both values.
        let band = h
            .get_all_by_label_contains("lệch hơn một điểm")
            .next()
            .expect("a divergent step")
            .rect()
            .center();
        h.hover_at(band);
        h.run_steps(30);
        snapshot(&mut h, &format!("measured_vs_assumed_{name}"));
    }
}

#[test]
fn presentation_title_and_stage_slides_on_a_projector() {
    // F5 on the Zalo sample with its customer data at 1280×720: the title slide (title,
    // persona, goals), then the second stage fitted with 14 px card text, the others dimmed,
    // the curves, pain markers and badges drawn, the stage's name and progress underneath.
    for (theme, name) in themes() {
        let app = zalo_with_data_app(common::zalo_with_data(), vietnamese_ui());
        let mut h = common::harness_sized(app, theme, PROJECTOR);
        h.run();
        h.key_press(egui::Key::F5);
        h.run();
        snapshot(&mut h, &format!("presentation_title_{name}"));
        while !matches!(
            h.state().presentation().map(|p| p.slide),
            Some(journeymap::ui::present::model::Slide::Stage { stage: 1, .. })
        ) {
            h.key_press(egui::Key::ArrowRight);
            h.run();
        }
        snapshot(&mut h, &format!("presentation_stage_{name}"));
    }
}

#[test]
fn a_big_map_at_fit_zoom_draws_card_text_as_bars() {
    // Level of detail: the benchmark's 1,200 generated cards fitted whole on a projector,
    // every card's text far below a readable size, so each line is a soft bar; fills, colours
    // and severity chips keep the map's shape.
    use journeymap::model::synth::{SynthSize, synth_map};
    let map = synth_map(SynthSize::LARGE);
    let app = JourneyApp::new(Some(journeymap::ui::OpenMap::unsaved(map)), None)
        .with_today(TODAY)
        .with_prefs(Prefs {
            show_inspector: false,
            ..vietnamese_ui()
        });
    let mut h = common::harness_sized(app, Theme::Light, PROJECTOR);
    h.run();
    common::fit_whole(&mut h);
    snapshot(&mut h, "level_of_detail_large_map_light");
}
