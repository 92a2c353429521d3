//! `journeymap --profile`: turns puffin's scopes on and serves them to `puffin_viewer`. Built
//! without the `profile` feature, it says how to build with it instead.

/// The message for a build without the `profile` feature.
pub const NOT_BUILT: &str = "built without profiling; build with --features profile (cargo run --release --features \
     profile -- --profile) to see where the time of each frame goes";

/// A running profiler: keep it alive while the window is open.
pub struct Profiler {
    #[cfg(feature = "profile")]
    _server: puffin_http::Server,
}

/// Starts the profiler: puffin's scopes on, and a server `puffin_viewer` connects to (its
/// address is printed).
#[cfg(feature = "profile")]
pub fn start() -> anyhow::Result<Profiler> {
    let address = format!("127.0.0.1:{}", puffin_http::DEFAULT_PORT);
    let server = puffin_http::Server::new(&address)
        .map_err(|err| anyhow::anyhow!("cannot start the profiler server on {address}: {err}"))?;
    puffin::set_scopes_on(true);
    println!(
        "journeymap: profiling; see where the time goes with `puffin_viewer --url {address}` \
         (install it with `cargo install puffin_viewer`)"
    );
    Ok(Profiler { _server: server })
}

/// Starts the profiler: this build has none, so it says how to build one.
#[cfg(not(feature = "profile"))]
pub fn start() -> anyhow::Result<Profiler> {
    Err(anyhow::anyhow!(NOT_BUILT))
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    #[test]
    fn the_profile_flag_is_read_beside_the_map_to_open() {
        let cli = crate::cli::Cli::try_parse_from(["journeymap", "--profile", "big.ron"]);
        let cli = cli.map_err(|e| e.to_string());
        assert_eq!(
            cli.as_ref().map(|c| (c.profile, c.file.clone())),
            Ok((true, Some("big.ron".into())))
        );
        let plain = crate::cli::Cli::try_parse_from(["journeymap", "big.ron"]);
        assert_eq!(plain.map(|c| c.profile).ok(), Some(false));
    }

    #[test]
    #[cfg(not(feature = "profile"))]
    fn without_the_feature_profiling_says_how_to_build_it() {
        let err = super::start()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("--features profile"), "{err}");
    }
}
