//! Native host functions: the node runs Groth16 arithmetic natively on behalf of the Wasm
//! runtime (a pairing is ~10× slower in Wasm). A node registers them by adding
//! [`HostFunctions`] to its executor's host functions; a runtime calls them through
//! [`crate::NativeHost`].
//!
//! Every function returns a status word ([`crate::backend::result_to_status`]): `0` for
//! success, otherwise `1 +` the SCALE index of the [`crate::ZkError`]. Results are pure
//! functions of the arguments, so every node computes the same status (consensus needs that).
//! Outputs larger than a word are written into a buffer the runtime allocated, never allocated
//! by the host.

use sp_runtime_interface::{
	pass_by::{PassFatPointerAndRead, PassFatPointerAndReadWrite},
	runtime_interface,
};

/// Groth16 over BN254 (host functions `ext_heliox_zk_*_version_1`).
#[runtime_interface]
pub trait HelioxZk {
	/// Validates the canonical verifying key `vk` (at most `max_inputs` public inputs) and writes
	/// its stored prepared form into `out`, which must be exactly
	/// [`crate::prepared_vk_len`]`(inputs)` bytes (otherwise [`crate::ZkError::InvalidLength`]).
	fn prepare_verifying_key(
		vk: PassFatPointerAndRead<&[u8]>,
		max_inputs: u32,
		out: PassFatPointerAndReadWrite<&mut [u8]>,
	) -> u32 {
		crate::backend::result_to_status(
			crate::backend::prepare_verifying_key(vk, max_inputs).and_then(|prepared| {
				if prepared.len() == out.len() {
					out.copy_from_slice(&prepared);
					Ok(())
				} else {
					Err(crate::ZkError::InvalidLength)
				}
			}),
		)
	}

	/// Verifies one proof (256 bytes) against a stored prepared key, with `inputs` the public
	/// inputs back to back (32 bytes each).
	fn verify(
		prepared: PassFatPointerAndRead<&[u8]>,
		proof: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
	) -> u32 {
		crate::backend::result_to_status(crate::backend::verify_flat(prepared, proof, inputs))
	}

	/// Batch-verifies `proofs` (256 bytes each, at most `max_batch`) against a stored prepared
	/// key; `inputs` holds every proof's public inputs back to back.
	fn verify_batch(
		prepared: PassFatPointerAndRead<&[u8]>,
		proofs: PassFatPointerAndRead<&[u8]>,
		inputs: PassFatPointerAndRead<&[u8]>,
		max_batch: u32,
	) -> u32 {
		crate::backend::result_to_status(crate::backend::verify_batch_flat(
			prepared, proofs, inputs, max_batch,
		))
	}
}

/// The host functions a node must register (next to `sp_io::SubstrateHostFunctions`).
#[cfg(not(substrate_runtime))]
pub type HostFunctions = heliox_zk::HostFunctions;
