// Shared by the build scripts that build Heliox Wasm blobs (`runtime/build.rs`,
// `runtime/upgrade-test/build.rs`, `primitives/wasm-test/build.rs`) with `include!`: a build
// script cannot depend on a workspace crate without building it for the host first.

/// Sets the environment `substrate_wasm_builder` reads, for a Wasm build of the workspace rooted
/// at `repo`:
/// - the blob is independent of where the repository and the cargo registry live (panic
///   locations embed source paths, and the committed chain specs contain the runtime Wasm);
/// - the Wasm build uses the workspace's Cargo.lock (the target dir lives outside the checkout,
///   in `CARGO_TARGET_DIR`, so the builder cannot find it by walking up from there);
/// - always the optimized release blob, also from debug builds, so a debug node, a release node
///   and the chain specs share one runtime (and tests and benches time optimized Wasm).
fn set_wasm_build_env(repo: &std::path::Path) {
	let mut flags = std::env::var("WASM_BUILD_RUSTFLAGS").unwrap_or_default();
	std::env::set_var("WASM_BUILD_WORKSPACE_HINT", repo);
	flags.push_str(&format!(" --remap-path-prefix={}=/heliox", repo.display()));
	if let Some(home) = std::env::var_os("CARGO_HOME")
		.map(std::path::PathBuf::from)
		.or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")))
	{
		flags.push_str(&format!(" --remap-path-prefix={}=/cargo", home.display()));
	}
	std::env::set_var("WASM_BUILD_RUSTFLAGS", flags.trim());
	if std::env::var_os("WASM_BUILD_TYPE").is_none() {
		std::env::set_var("WASM_BUILD_TYPE", "release");
	}
}
