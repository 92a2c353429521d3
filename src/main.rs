//! The `journeymap` binary: the editor window and the headless commands.

fn main() -> std::process::ExitCode {
    journeymap::cli::main()
}
