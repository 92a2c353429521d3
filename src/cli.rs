//! The command line: `journeymap [FILE]` opens the editor; subcommands work headless.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::file;
use crate::model::synth::{SynthSize, synth_map};
use crate::model::template::{self, Lang};

mod export_cmd;
pub mod profile;

/// A desktop editor for customer journey maps.
#[derive(Debug, Parser)]
#[command(name = "journeymap", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A map to open in the editor.
    pub file: Option<PathBuf>,
    /// Show where the time of each frame goes, in puffin's viewer (a build with
    /// `--features profile`).
    #[arg(long)]
    pub profile: bool,
    /// What to do instead of opening the editor.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check maps: exit 0 when all are fine, 1 with one line per problem otherwise.
    Check {
        /// The maps to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite maps in the canonical layout (repairing what `check` reports).
    Fmt {
        /// The maps to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the pain points and opportunities, ranked by severity × votes, with their stage
    /// and evidence.
    Report {
        /// The map.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// CSV only: leave out the byte order mark that tells Excel the file is UTF-8 (for
        /// tools that do not expect one).
        #[arg(long)]
        no_bom: bool,
    },
    /// List the built-in templates.
    Templates {
        /// Language of the names shown.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Write a new map from a template, or from a Mermaid `journey` (`--from`).
    New {
        /// Template id, as listed by `journeymap templates`.
        #[arg(long, short, required_unless_present = "from", conflicts_with = "from")]
        template: Option<String>,
        /// Make the map from a Mermaid `journey`: a `.mmd` file, or the first `mermaid` code
        /// block holding a journey in a Markdown file (`.md`). Sections become stages, tasks
        /// steps with a touchpoint card, actors the persona and an actions lane, scores the
        /// emotion curve; what the map cannot hold is printed on stderr with its line.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// Language of the map's stage and lane names.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// Title of the map (default: from the template).
        #[arg(long)]
        title: Option<String>,
        /// Where to write the map.
        #[arg(long, short)]
        output: PathBuf,
        /// Overwrite the output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Export the whole map; the output's extension is the format: `.md` (Markdown), `.csv`
    /// (one row per card, for Excel), `.mmd` (Mermaid `journey`), `.svg` (text as text),
    /// `.png` (with --scale or --dpi, and --theme), `.pdf` (with --page and --theme; with --deck
    /// the presentation as slides) or `.pptx` (a deck: a title slide and one slide per stage,
    /// the pain points and opportunities in the speaker notes).
    Export {
        /// The map.
        map: PathBuf,
        /// Where to write (overwritten if it exists); its extension chooses the format.
        #[arg(long, short)]
        output: PathBuf,
        /// PNG: pixels per point (1, 2, 3).
        #[arg(long, conflicts_with = "dpi", default_value_t = 1.0)]
        scale: f32,
        /// PNG: dots per inch, for print (300); instead of --scale.
        #[arg(long)]
        dpi: Option<f32>,
        /// Pictures: light or dark colours.
        #[arg(long, value_parser = ["light", "dark"], default_value = "light")]
        theme: String,
        /// A presentation: a title slide and one slide per stage (`.pptx` is always one).
        #[arg(long)]
        deck: bool,
        /// PDF: A4 or A3 landscape with the map fitted, or one long page the map's size.
        #[arg(long, value_parser = ["a4", "a3", "long"], default_value = "a4")]
        page: String,
    },
    /// Write a large synthetic map, for benchmarks and stress tests.
    Generate {
        /// Number of stages.
        #[arg(long, default_value_t = SynthSize::LARGE.stages)]
        stages: usize,
        /// Number of steps (columns) in all.
        #[arg(long, default_value_t = SynthSize::LARGE.steps)]
        steps: usize,
        /// Number of lanes (rows).
        #[arg(long, default_value_t = SynthSize::LARGE.lanes)]
        lanes: usize,
        /// Number of cards.
        #[arg(long, default_value_t = SynthSize::LARGE.cards)]
        cards: usize,
        /// Where to write the map.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Import customer data (CSV/TSV or an Excel workbook) into a map: its numbers per
    /// touchpoint and stage, shown on the map as overlays. Prints a summary: rows read, rows
    /// skipped with reasons, matched and unmatched touchpoints.
    Import {
        /// The map.
        map: PathBuf,
        /// The data file (not needed with `--emit-sql`).
        #[arg(required_unless_present = "emit_sql")]
        data: Option<PathBuf>,
        /// The sheet of a workbook (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Which column plays a role, by its header as written: `--map "customer=Mã khách
        /// hàng"`. Roles: customer, timestamp, touchpoint, stage, converted, csat, nps,
        /// channel. Unmapped roles are guessed from the headers (or taken from the map's last
        /// import).
        #[arg(long = "map", value_name = "ROLE=COLUMN")]
        columns: Vec<String>,
        /// The field delimiter (default: detected).
        #[arg(long)]
        delimiter: Option<char>,
        /// The text encoding, e.g. `windows-1258` (default: detected).
        #[arg(long)]
        encoding: Option<String>,
        /// Dates such as 03/04/2026 are month first (default: day first).
        #[arg(long)]
        month_first: bool,
        /// Where to write the map (default: the map itself).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Change nothing: print the per-touchpoint table as CSV on stdout instead.
        #[arg(long)]
        dry_run: bool,
        /// With `--dry-run`: the per-touchpoint or the per-stage table.
        #[arg(long, value_enum, default_value_t = ByArg::Touchpoint, requires = "dry_run")]
        by: ByArg,
        /// Print one SQL query that computes the same numbers where the data lives; its
        /// result, exported as CSV, imports as a pre-aggregated table.
        #[arg(long, value_enum, value_name = "DIALECT")]
        emit_sql: Option<SqlDialect>,
        /// With `--emit-sql`: the table holding the events.
        #[arg(long, default_value = "events", requires = "emit_sql")]
        table: String,
    },
    /// Write a synthetic customer-data export for a map: events at its touchpoint cards, for
    /// the import benchmark and demos. The same map, rows and seed give the same file.
    GenerateEvents {
        /// The map whose stages and touchpoint cards the events walk.
        #[arg(long)]
        map: PathBuf,
        /// Number of event rows.
        #[arg(long, default_value_t = 1_000_000)]
        rows: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How the file is laid out.
        #[arg(long, value_enum, default_value_t = EventsStyle::Plain)]
        style: EventsStyle,
        /// Where to write the export.
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// Which table `journeymap import --dry-run` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// `touchpoint,events,customers,conversion_rate,csat,nps`.
    Touchpoint,
    /// `stage,customers,continuation`.
    Stage,
}

/// The SQL dialects of `journeymap import --emit-sql`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SqlDialect {
    /// DuckDB.
    Duckdb,
    /// PostgreSQL.
    Postgres,
    /// Google BigQuery.
    Bigquery,
}

/// The layout of `journeymap generate-events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EventsStyle {
    /// A warehouse export: comma-separated, English headers, ISO timestamps, 1/0 flags.
    Plain,
    /// A Vietnamese CRM report: UTF-8 with BOM, a title block above the header, semicolons,
    /// Vietnamese headers, `dd/mm/yyyy HH:MM` dates and có/không flags.
    CrmVi,
}

/// The format of `journeymap report`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    /// Markdown tables.
    Md,
    /// CSV (UTF-8 with a byte order mark, RFC 4180), one row per pain point and per
    /// opportunity; cells that a spreadsheet would run as a formula start with `'`.
    Csv,
}

/// A content language on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Vietnamese.
    Vi,
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::En => Self::En,
            LangArg::Vi => Self::Vi,
        }
    }
}

/// Runs the program with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None if cli.profile => profile::start()
            .and_then(|_profiler| crate::ui::run(cli.file.as_deref()).map(|()| ExitCode::SUCCESS)),
        None => crate::ui::run(cli.file.as_deref()).map(|()| ExitCode::SUCCESS),
        Some(command) => run_command(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("journeymap: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a headless command, writing to stdout.
pub fn run_command(command: Command) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Check { files } => Ok(check(&files, &mut out)?),
        Command::Fmt { files } => {
            let mut failed = false;
            for path in &files {
                match file::load(path) {
                    Ok(loaded) => {
                        for field in &loaded.unknown {
                            writeln!(
                                out,
                                "{}:{}:{}: {field}; kept as written",
                                path.display(),
                                field.line,
                                field.column
                            )?;
                        }
                        for w in &loaded.warnings {
                            writeln!(out, "{}: repaired: {w}", path.display())?;
                        }
                        if let Err(err) = file::save(path, &loaded.map) {
                            writeln!(out, "{err}")?;
                            failed = true;
                        }
                    }
                    Err(err) => {
                        writeln!(out, "{err}")?;
                        failed = true;
                    }
                }
            }
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Report {
            file,
            format,
            no_bom,
        } => {
            let loaded = file::load(&file)?;
            for field in &loaded.unknown {
                eprintln!(
                    "journeymap: {}:{}: {field}; not in the report",
                    file.display(),
                    field.line
                );
            }
            for w in &loaded.warnings {
                eprintln!("journeymap: {}: repaired: {w}", file.display());
            }
            let text = match format {
                ReportFormat::Md => crate::analysis::report::to_markdown(&loaded.map),
                ReportFormat::Csv => crate::analysis::report::to_csv(&loaded.map, !no_bom)?,
            };
            out.write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { lang } => {
            let lang = Lang::from(lang);
            for t in template::templates() {
                let stages: Vec<_> = t.stages.iter().map(|s| s.name.get(lang)).collect();
                writeln!(
                    out,
                    "{:<18} {:<34} {}",
                    t.id,
                    t.name.get(lang),
                    stages.join(" → ")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            template: id,
            lang,
            title,
            output,
            force,
            from,
        } => {
            if let Some(from) = from {
                let mut made = export_cmd::read_mermaid(&from)?;
                export_cmd::print_warnings(&from, &made);
                if let Some(title) = title {
                    made.map.title = crate::model::nfc(&title);
                }
                write_new(&output, &made.map, force)?;
                writeln!(
                    out,
                    "wrote {} ({} stages, {} steps, {} warnings)",
                    output.display(),
                    made.map.stages.len(),
                    made.map.step_count(),
                    made.warnings.len()
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            let id = id.unwrap_or_default();
            let Some(template) = template::find(&id) else {
                let ids: Vec<_> = template::templates()
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect();
                bail!("no template \"{id}\"; choose one of: {}", ids.join(", "));
            };
            let mut map = template.instantiate(lang.into());
            if let Some(title) = title {
                map.title = crate::model::nfc(&title);
            }
            write_new(&output, &map, force)?;
            writeln!(out, "wrote {}", output.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            map,
            output,
            scale,
            dpi,
            theme,
            deck,
            page,
        } => {
            let picture = export_cmd::Picture {
                scale,
                dpi,
                dark: theme == "dark",
                deck,
                page: crate::export::pdf::PdfPage::parse(&page).unwrap_or_default(),
            };
            export_cmd::export(&map, &output, &picture, &mut out)
        }
        Command::Generate {
            stages,
            steps,
            lanes,
            cards,
            output,
        } => {
            let map = synth_map(SynthSize {
                stages,
                steps,
                lanes,
                cards,
            });
            write_new(&output, &map, true)?;
            writeln!(
                out,
                "wrote {} ({} stages, {} steps, {} lanes, {} cards)",
                output.display(),
                map.stages.len(),
                map.step_count(),
                map.lanes.len(),
                map.cards.len()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            map,
            data,
            sheet,
            columns,
            delimiter,
            encoding,
            month_first,
            output,
            dry_run,
            by,
            emit_sql,
            table,
        } => {
            let loaded = file::load(&map)
                .with_context(|| format!("cannot read the map {}", map.display()))?;
            let columns = parse_columns(&columns)?;
            if let Some(dialect) = emit_sql {
                let dialect = match dialect {
                    SqlDialect::Duckdb => crate::analysis::metrics_sql::Dialect::DuckDb,
                    SqlDialect::Postgres => crate::analysis::metrics_sql::Dialect::Postgres,
                    SqlDialect::Bigquery => crate::analysis::metrics_sql::Dialect::BigQuery,
                };
                // The mapping given, else the one of the map's last import.
                let saved = loaded
                    .map
                    .metrics
                    .import
                    .as_ref()
                    .map(|s| s.columns.clone());
                let columns = if columns.is_empty() {
                    saved.unwrap_or_default()
                } else {
                    columns
                };
                let stages: Vec<&str> = loaded.map.stages.iter().map(|s| s.name.as_str()).collect();
                let Some(sql) =
                    crate::analysis::metrics_sql::emit_sql(dialect, &table, &columns, &stages)
                else {
                    bail!(
                        "--emit-sql needs the customer and touchpoint columns: \
                         --map customer=COLUMN --map touchpoint=COLUMN"
                    );
                };
                write!(out, "{sql}")?;
                return Ok(ExitCode::SUCCESS);
            }
            let Some(data) = data else {
                bail!("name the data file to import");
            };
            // The map's last mapping, with what the command line says on top.
            let mut settings = loaded.map.metrics.import.clone().unwrap_or_default();
            for (role, column) in columns {
                settings.columns.retain(|(r, _)| *r != role);
                settings.columns.push((role, column));
            }
            if sheet.is_some() {
                settings.sheet = sheet;
            }
            if delimiter.is_some() {
                settings.delimiter = delimiter;
            }
            if encoding.is_some() {
                settings.encoding = encoding;
            }
            settings.month_first |= month_first;
            let today = jiff::Zoned::now().date().to_string();
            let input = crate::import::Input::Path(data.clone());
            let progress = crate::import::Progress::new();
            let imported =
                crate::import::import_snapshot(&loaded.map, &input, settings, &today, &progress)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", data.display()))?;
            let mut report = String::new();
            import_summary(&mut report, &imported);
            if dry_run {
                // The table on stdout, everything else on stderr.
                eprint!("{report}");
                let table = match by {
                    ByArg::Touchpoint => {
                        crate::analysis::metrics::touchpoint_table_csv(&imported.snapshot)
                    }
                    ByArg::Stage => crate::analysis::metrics::stage_table_csv(&imported.snapshot),
                };
                write!(out, "{table}")?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut doc = crate::edit::Document::new(loaded.map, true);
            doc.apply(crate::edit::EditCommand::AddMetricSnapshot(Box::new(
                imported.snapshot,
            )))
            .map_err(|e| anyhow::anyhow!("cannot add the data to the map: {e:?}"))?;
            let target = output.as_deref().unwrap_or(&map);
            file::save(target, doc.map())
                .with_context(|| format!("cannot write {}", target.display()))?;
            write!(out, "{report}")?;
            writeln!(out, "wrote {}", target.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::GenerateEvents {
            map,
            rows,
            seed,
            style,
            output,
        } => {
            let loaded = file::load(&map)
                .with_context(|| format!("cannot read the map {}", map.display()))?;
            let written = write_events(&loaded.map, rows, seed, style, &output)
                .with_context(|| format!("cannot write {}", output.display()))?;
            if written == 0 {
                bail!(
                    "{} has no touchpoint cards: the events would name none",
                    map.display()
                );
            }
            writeln!(out, "wrote {} ({written} events)", output.display())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The summary of an import: rows read and skipped (with reasons), matched and unmatched
/// touchpoints.
fn import_summary(out: &mut String, imported: &crate::import::Imported) {
    use std::fmt::Write as _;
    let s = &imported.summary;
    let _ = writeln!(
        out,
        "read {} rows of {} ({} skipped)",
        s.source.rows_read, s.source.file_name, s.skips.total
    );
    for count in &s.skips.counts {
        let column = count
            .column
            .as_deref()
            .map(|c| format!(" in {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  skipped {} rows: {}{column} (first on line {})",
            count.count, count.key, count.first_line
        );
    }
    for skip in s.skips.kept.iter().take(10) {
        let _ = writeln!(out, "  {skip}");
    }
    let ignored = &s.skips.ignored;
    if ignored.total > 0 {
        let _ = writeln!(
            out,
            "ignored {} values out of range (their rows were used)",
            ignored.total
        );
        for skip in ignored.kept.iter().take(10) {
            let _ = writeln!(out, "  {}", skip.ignored_text());
        }
    }
    let m = &imported.matching;
    let _ = writeln!(
        out,
        "touchpoints: {} matched, {} unmatched",
        m.matched.len(),
        m.unmatched.len()
    );
    for value in &m.unmatched {
        let _ = writeln!(out, "  unmatched: {value}");
    }
}

/// `--map ROLE=COLUMN` arguments as (role, column) pairs.
fn parse_columns(args: &[String]) -> anyhow::Result<Vec<(crate::model::Role, String)>> {
    use crate::model::Role;
    let mut columns: Vec<(Role, String)> = Vec::new();
    for arg in args {
        let Some((role, column)) = arg.split_once('=') else {
            bail!("--map {arg}: write it as ROLE=COLUMN, e.g. --map \"customer=Mã khách hàng\"");
        };
        let Some(role) = Role::from_name(role.trim()) else {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            bail!(
                "--map {arg}: no role {role:?}; the roles are {}",
                names.join(", ")
            );
        };
        if columns.iter().any(|(r, _)| *r == role) {
            bail!("--map {arg}: the role {} is mapped twice", role.name());
        }
        columns.push((role, crate::model::nfc(column.trim())));
    }
    Ok(columns)
}

/// Writes `rows` synthetic events of `map` to `path` in `style`; returns how many.
fn write_events(
    map: &crate::model::JourneyMap,
    rows: usize,
    seed: u64,
    style: EventsStyle,
    path: &Path,
) -> anyhow::Result<usize> {
    use crate::model::synth_events::synth_events;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let vi = style == EventsStyle::CrmVi;
    if vi {
        file.write_all(b"\xEF\xBB\xBF")?;
        writeln!(file, "Báo cáo hành trình khách hàng – {}", map.title)?;
        writeln!(file, "Xuất từ CRM, dữ liệu thử")?;
        writeln!(file)?;
    }
    let mut csv = csv::WriterBuilder::new()
        .delimiter(if vi { b';' } else { b',' })
        .from_writer(file);
    csv.write_record(if vi {
        [
            "Mã khách hàng",
            "Thời gian",
            "Điểm chạm",
            "Giai đoạn",
            "Chuyển đổi",
            "CSAT",
            "NPS",
            "Kênh",
        ]
    } else {
        [
            "customer_id",
            "event_time",
            "touchpoint",
            "stage",
            "converted",
            "csat",
            "nps",
            "channel",
        ]
    })?;
    let mut written = 0;
    for e in synth_events(map, rows, seed) {
        let (customer, time, converted) = if vi {
            (
                format!("KH{:06}", e.customer),
                e.time.strftime("%d/%m/%Y %H:%M").to_string(),
                if e.converted { "có" } else { "không" },
            )
        } else {
            (
                format!("C{:07}", e.customer),
                e.time.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
                if e.converted { "1" } else { "0" },
            )
        };
        let csat = e.csat.map(|v| v.to_string()).unwrap_or_default();
        let nps = e.nps.map(|v| v.to_string()).unwrap_or_default();
        csv.write_record([
            customer.as_str(),
            time.as_str(),
            e.touchpoint.as_str(),
            e.stage.as_str(),
            converted,
            csat.as_str(),
            nps.as_str(),
            e.channel.as_str(),
        ])?;
        written += 1;
    }
    csv.flush()?;
    Ok(written)
}

fn write_new(path: &Path, map: &crate::model::JourneyMap, force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        bail!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        );
    }
    file::save(path, map).with_context(|| "could not write the new map".to_owned())
}

/// Checks each file and prints one line per problem (or `FILE: ok`). Returns exit code 1 when
/// any file has a problem.
pub fn check(files: &[PathBuf], out: &mut impl std::io::Write) -> std::io::Result<ExitCode> {
    let mut problems = 0usize;
    for path in files {
        match file::load(path) {
            Ok(loaded) if loaded.warnings.is_empty() && loaded.unknown.is_empty() => {
                let m = &loaded.map;
                writeln!(
                    out,
                    "{}: ok ({} stages, {} steps, {} lanes, {} cards)",
                    path.display(),
                    m.stages.len(),
                    m.step_count(),
                    m.lanes.len(),
                    m.cards.len()
                )?;
            }
            Ok(loaded) => {
                for field in &loaded.unknown {
                    writeln!(
                        out,
                        "{}:{}:{}: {field}; this version keeps it as written when saving",
                        path.display(),
                        field.line,
                        field.column
                    )?;
                    problems += 1;
                }
                for warning in &loaded.warnings {
                    writeln!(out, "{}: {warning}", path.display())?;
                    problems += 1;
                }
            }
            Err(err) => {
                writeln!(out, "{err}")?;
                problems += 1;
            }
        }
    }
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
