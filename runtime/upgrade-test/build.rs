#[cfg(feature = "std")]
include!("../wasm_build_env.rs");

fn main() {
	#[cfg(feature = "std")]
	{
		// runtime/upgrade-test -> the repository root.
		let manifest_dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
		let repo = manifest_dir.parent().and_then(std::path::Path::parent);
		set_wasm_build_env(repo.unwrap_or(&manifest_dir));
		// Its own Wasm project (target/*/wbuild/heliox-runtime-upgrade-test), so the node's
		// runtime blob is never rebuilt with the feature or overwritten.
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("next-spec-version")
			.build();
	}
}
