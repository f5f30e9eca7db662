#[cfg(feature = "std")]
include!("wasm_build_env.rs");

fn main() {
	#[cfg(feature = "std")]
	{
		// runtime -> the repository root.
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		set_wasm_build_env(manifest_dir.parent().unwrap_or(&manifest_dir));
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
