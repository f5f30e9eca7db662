#[cfg(feature = "std")]
include!("../../runtime/wasm_build_env.rs");

fn main() {
	#[cfg(feature = "std")]
	{
		// primitives/wasm-test -> the repository root.
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		let repo = manifest_dir.parent().and_then(std::path::Path::parent);
		set_wasm_build_env(repo.unwrap_or(&manifest_dir));
		// A test blob, not a runtime: it has no `runtime_version` section.
		substrate_wasm_builder::WasmBuilder::new()
			.with_current_project()
			.import_memory()
			.export_heap_base()
			.disable_runtime_version_section_check()
			.build();
	}
}
