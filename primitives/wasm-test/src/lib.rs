//! A Wasm blob that runs Heliox cores the way the runtime does (wasmtime through `sc-executor`,
//! the node's host functions registered):
//!
//! - heliox-zk's byte-level backends twice: `*_in_wasm` runs the arithmetic compiled to Wasm
//!   ([`heliox_zk::InRuntime`]), `*_host` calls the node's native host functions
//!   ([`heliox_zk::NativeHost`]);
//! - the Yuma epoch of heliox-yuma: `yuma_epoch_sparse` ([`heliox_yuma::run_epoch`]) and
//!   `yuma_epoch_dense` (the dense `n × n` reference).
//!
//! The tests (`tests/*.rs`) execute the exports with `sc-executor` and compare them with native
//! results; the benches in `benches/` time them side by side.
//!
//! Every export takes SCALE-encoded arguments and returns a SCALE-encoded
//! `Result<_, heliox_zk::ZkError>`.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

#[cfg(feature = "std")]
pub mod harness;

// sp-io provides the Wasm blob's global allocator and panic handler.
#[cfg(not(feature = "std"))]
use sp_io as _;

#[cfg(not(feature = "std"))]
mod exports {
	extern crate alloc;
	use alloc::vec::Vec;
	use heliox_zk::{Groth16Backend, InRuntime, NativeHost, ProofBytes, PublicInputBytes, ZkError};

	sp_core::wasm_export_functions! {
		fn prepare_in_wasm(vk: Vec<u8>, max_inputs: u32) -> Result<Vec<u8>, ZkError> {
			InRuntime::prepare_verifying_key(&vk, max_inputs)
		}
		fn prepare_host(vk: Vec<u8>, max_inputs: u32) -> Result<Vec<u8>, ZkError> {
			NativeHost::prepare_verifying_key(&vk, max_inputs)
		}
		fn verify_in_wasm(
			prepared: Vec<u8>,
			proof: ProofBytes,
			inputs: Vec<PublicInputBytes>,
		) -> Result<(), ZkError> {
			InRuntime::verify(&prepared, &proof, &inputs)
		}
		fn verify_host(
			prepared: Vec<u8>,
			proof: ProofBytes,
			inputs: Vec<PublicInputBytes>,
		) -> Result<(), ZkError> {
			NativeHost::verify(&prepared, &proof, &inputs)
		}
		fn verify_batch_in_wasm(
			prepared: Vec<u8>,
			proofs: Vec<ProofBytes>,
			inputs: Vec<PublicInputBytes>,
			max_batch: u32,
		) -> Result<(), ZkError> {
			InRuntime::verify_batch(&prepared, &proofs, &inputs, max_batch)
		}
		fn yuma_epoch_sparse(
			inputs: heliox_yuma::EpochInputs,
			params: heliox_yuma::EpochParams,
		) -> Result<heliox_yuma::EpochOutputs, heliox_yuma::EpochError> {
			heliox_yuma::run_epoch(&inputs, &params)
		}
		fn yuma_epoch_dense(
			inputs: heliox_yuma::EpochInputs,
			params: heliox_yuma::EpochParams,
		) -> Result<heliox_yuma::EpochOutputs, heliox_yuma::EpochError> {
			heliox_yuma::dense::run_epoch_dense(&inputs, &params)
		}
		fn verify_batch_host(
			prepared: Vec<u8>,
			proofs: Vec<ProofBytes>,
			inputs: Vec<PublicInputBytes>,
			max_batch: u32,
		) -> Result<(), ZkError> {
			NativeHost::verify_batch(&prepared, &proofs, &inputs, max_batch)
		}
	}
}
