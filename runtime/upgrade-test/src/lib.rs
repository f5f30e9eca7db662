//! The Heliox runtime, built from this same source a second time as Wasm with the runtime's
//! `next-spec-version` feature: its `spec_version` is one higher than the node's runtime and
//! everything else is equal. It is the code that forkless-upgrade tests enact on a running chain
//! (`tests/py/multinode.py`, scenario `runtime_upgrade`: a `root` referendum on
//! `System.authorize_upgrade(hash)`, then `System.apply_authorized_upgrade(code)`).
//!
//! [`WASM_BINARY`] is the compact, compressed blob; its file is [`WASM_BINARY_PATH`]
//! (`$CARGO_TARGET_DIR/<profile>/wbuild/heliox-runtime-upgrade-test/`
//! `heliox_runtime_upgrade_test.compact.compressed.wasm`). The node never embeds it.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

// In the Wasm build the blob is the runtime itself: link its exported runtime API functions.
#[cfg(not(feature = "std"))]
pub use heliox_runtime::*;

#[cfg(test)]
mod tests {
	use sc_executor::{read_embedded_version, RuntimeVersion};
	use sc_executor_common::runtime_blob::RuntimeBlob;

	/// The version a blob embeds, its API list sorted (the section and the const list the same
	/// APIs in different orders).
	fn embedded_version(code: &[u8]) -> RuntimeVersion {
		let blob = RuntimeBlob::uncompress_if_needed(code).expect("a valid Wasm blob");
		let version = read_embedded_version(&blob)
			.expect("a readable runtime_version section")
			.expect("the blob embeds its runtime version");
		sorted_apis(version)
	}

	fn sorted_apis(mut version: RuntimeVersion) -> RuntimeVersion {
		let mut apis = version.apis.to_vec();
		apis.sort();
		version.apis = apis.into();
		version
	}

	#[test]
	fn the_upgrade_blob_is_the_same_runtime_one_spec_version_later() {
		let node = embedded_version(heliox_runtime::WASM_BINARY.expect("the runtime's Wasm"));
		let upgrade = embedded_version(super::WASM_BINARY.expect("the upgrade Wasm"));
		assert_eq!(
			node,
			sorted_apis(heliox_runtime::VERSION),
			"the node's blob is the native VERSION"
		);
		assert_eq!(upgrade.spec_version, node.spec_version + 1);
		// `frame_system::can_set_code` accepts it: same name, higher spec_version. Nothing else
		// changes, so clients keep their transaction format and API versions.
		let mut same = upgrade.clone();
		same.spec_version = node.spec_version;
		assert_eq!(same, node);
		assert_ne!(
			heliox_runtime::WASM_BINARY,
			super::WASM_BINARY,
			"two different blobs (the upgrade must change the code hash)"
		);
	}
}
