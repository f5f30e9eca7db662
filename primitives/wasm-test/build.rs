fn main() {
	#[cfg(feature = "std")]
	{
		// Make the Wasm blob independent of where the repository and the cargo registry live:
		// panic locations embed source paths, and the committed chain specs (which contain the
		// Wasm) must be reproducible from any checkout.
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		// primitives/wasm-test -> the repository root.
		let manifest_dir =
			manifest_dir.parent().map(std::path::Path::to_path_buf).unwrap_or(manifest_dir);
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
		// Always the optimized release blob, also in debug builds: the tests and benches time
		// Wasm execution.
		if std::env::var_os("WASM_BUILD_TYPE").is_none() {
			std::env::set_var("WASM_BUILD_TYPE", "release");
		}
		// A test blob, not a runtime: it has no `runtime_version` section.
		substrate_wasm_builder::WasmBuilder::new()
			.with_current_project()
			.import_memory()
			.export_heap_base()
			.disable_runtime_version_section_check()
			.build();
	}
}
