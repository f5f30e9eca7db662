fn main() {
	#[cfg(feature = "std")]
	{
		// Make the Wasm blob independent of where the repository and the cargo registry live:
		// panic locations embed source paths, and the committed chain specs (which contain the
		// Wasm) must be reproducible from any checkout.
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		let mut flags = std::env::var("WASM_BUILD_RUSTFLAGS").unwrap_or_default();
		if let Some(repo) = manifest_dir.parent() {
			// The target dir lives outside the checkout (CARGO_TARGET_DIR), so tell the Wasm
			// builder where the workspace (and its Cargo.lock) is: the Wasm build then uses the
			// exact locked dependency versions.
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", repo);
			flags.push_str(&format!(" --remap-path-prefix={}=/heliox", repo.display()));
		}
		if let Some(home) =
			std::env::var_os("CARGO_HOME").map(std::path::PathBuf::from).or_else(|| {
				std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo"))
			}) {
			flags.push_str(&format!(" --remap-path-prefix={}=/cargo", home.display()));
		}
		std::env::set_var("WASM_BUILD_RUSTFLAGS", flags.trim());
		// Always ship the compacted + compressed release blob, also from debug node builds, so a
		// debug node, a release node and the committed chain specs share one runtime and one
		// genesis hash.
		if std::env::var_os("WASM_BUILD_TYPE").is_none() {
			std::env::set_var("WASM_BUILD_TYPE", "release");
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
