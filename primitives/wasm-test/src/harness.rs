//! Calls into the blob with `sc-executor` (std only): one executor and one compiled instance
//! cache for the whole process, the node's host functions registered.

use codec::{Decode, Encode};
use sc_executor::WasmExecutor;
use sp_core::traits::{CallContext, CodeExecutor, RuntimeCode, WrappedRuntimeCode};
use std::sync::OnceLock;

/// The host functions of a Heliox node.
pub type HostFunctions = (sp_io::SubstrateHostFunctions, heliox_zk::host::HostFunctions);

struct Blob {
	executor: WasmExecutor<HostFunctions>,
	code: WrappedRuntimeCode<'static>,
	hash: Vec<u8>,
}

fn blob() -> &'static Blob {
	static BLOB: OnceLock<Blob> = OnceLock::new();
	BLOB.get_or_init(|| {
		let wasm = crate::WASM_BINARY.expect("the Wasm blob is built with the `std` feature");
		Blob {
			// Calls run in the offchain context with a heap that grows as needed: the dense Yuma
			// reference allocates several n×n matrices (hundreds of MB at 4096 UIDs).
			executor: WasmExecutor::builder()
				.with_offchain_heap_alloc_strategy(sc_executor::HeapAllocStrategy::Dynamic {
					maximum_pages: None,
				})
				.build(),
			code: WrappedRuntimeCode(wasm.into()),
			hash: sp_io::hashing::blake2_256(wasm).to_vec(),
		}
	})
}

/// Calls `export` with SCALE-encoded `args` and decodes its SCALE-encoded result.
pub fn call<R: Decode>(export: &str, args: impl Encode) -> R {
	let blob = blob();
	let runtime_code =
		RuntimeCode { code_fetcher: &blob.code, heap_pages: None, hash: blob.hash.clone() };
	let mut ext = sp_state_machine::BasicExternalities::default();
	let (result, _) =
		blob.executor.call(&mut ext, &runtime_code, export, &args.encode(), CallContext::Offchain);
	let bytes = result.unwrap_or_else(|error| panic!("calling {export}: {error}"));
	R::decode(&mut &bytes[..]).unwrap_or_else(|error| panic!("decoding {export}'s result: {error}"))
}
