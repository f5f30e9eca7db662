//! Where the arithmetic runs: [`InRuntime`] (the code compiled into the caller, e.g. into the
//! Wasm runtime) or [`NativeHost`] (the node's native code, through the host functions of
//! [`crate::host`]). Both take the same bytes and give the same answers; the pallet is generic
//! over [`Groth16Backend`] and a runtime picks [`NativeHost`] because native arithmetic is an
//! order of magnitude faster than Wasm.
//!
//! The interface works on the **stored prepared key** ([`PreparedVk::to_storage_bytes`]) and on
//! flat byte strings so that a host call copies nothing it does not need:
//!
//! - `prepare_verifying_key`: canonical verifying key → stored prepared key (validates it);
//! - `verify`: one proof, `32·n` bytes of public inputs;
//! - `verify_batch`: `k` proofs (`256·k` bytes) and `32·n·k` bytes of inputs, `n` per proof.
//!
//! **The stored prepared key must come from trusted storage**: it is what `prepare_verifying_key`
//! returned for a key that passed validation (see [`PreparedVk::from_storage_bytes`]).

use alloc::vec::Vec;

use crate::encoding::{PublicInputBytes, FIELD_ELEMENT_LEN};
use crate::prepared::PreparedVk;
use crate::proof::{ProofBytes, PROOF_LEN};
use crate::ZkError;

/// Groth16 (BN254) operations a pallet needs, over bytes.
pub trait Groth16Backend {
	/// Validates a canonical verifying key (at most `max_inputs` public inputs) and returns its
	/// prepared form for storage.
	fn prepare_verifying_key(vk: &[u8], max_inputs: u32) -> Result<Vec<u8>, ZkError>;

	/// Verifies one proof; `inputs` are the public inputs in order.
	fn verify(
		prepared: &[u8],
		proof: &ProofBytes,
		inputs: &[PublicInputBytes],
	) -> Result<(), ZkError>;

	/// Verifies `proofs.len()` proofs at once; `inputs` holds the public inputs of every proof
	/// back to back (the key's input count each). At most `max_batch` proofs.
	fn verify_batch(
		prepared: &[u8],
		proofs: &[ProofBytes],
		inputs: &[PublicInputBytes],
		max_batch: u32,
	) -> Result<(), ZkError>;
}

/// The arithmetic compiled into the caller (in a runtime: Wasm).
pub struct InRuntime;

impl Groth16Backend for InRuntime {
	fn prepare_verifying_key(vk: &[u8], max_inputs: u32) -> Result<Vec<u8>, ZkError> {
		prepare_verifying_key(vk, max_inputs)
	}

	fn verify(
		prepared: &[u8],
		proof: &ProofBytes,
		inputs: &[PublicInputBytes],
	) -> Result<(), ZkError> {
		verify_flat(prepared, &proof.0, inputs.as_flattened())
	}

	fn verify_batch(
		prepared: &[u8],
		proofs: &[ProofBytes],
		inputs: &[PublicInputBytes],
		max_batch: u32,
	) -> Result<(), ZkError> {
		verify_batch_flat(prepared, &flatten_proofs(proofs), inputs.as_flattened(), max_batch)
	}
}

/// The node's native arithmetic, through the host functions of [`crate::host`]. Outside a
/// runtime (native tests, the node itself) the host functions are ordinary calls.
#[cfg(feature = "host")]
pub struct NativeHost;

#[cfg(feature = "host")]
impl Groth16Backend for NativeHost {
	fn prepare_verifying_key(vk: &[u8], max_inputs: u32) -> Result<Vec<u8>, ZkError> {
		let inputs = crate::vk::declared_input_count(vk)?;
		if inputs > u64::from(max_inputs) {
			return Err(ZkError::TooManyInputs);
		}
		// `inputs <= max_inputs` (a u32), so the length fits the address space of a 32-bit
		// runtime for any sane maximum.
		let mut out = alloc::vec![0u8; crate::prepared::prepared_vk_len(inputs as u32)];
		status_to_result(crate::host::heliox_zk::prepare_verifying_key(vk, max_inputs, &mut out))?;
		Ok(out)
	}

	fn verify(
		prepared: &[u8],
		proof: &ProofBytes,
		inputs: &[PublicInputBytes],
	) -> Result<(), ZkError> {
		status_to_result(crate::host::heliox_zk::verify(prepared, &proof.0, inputs.as_flattened()))
	}

	fn verify_batch(
		prepared: &[u8],
		proofs: &[ProofBytes],
		inputs: &[PublicInputBytes],
		max_batch: u32,
	) -> Result<(), ZkError> {
		status_to_result(crate::host::heliox_zk::verify_batch(
			prepared,
			&flatten_proofs(proofs),
			inputs.as_flattened(),
			max_batch,
		))
	}
}

/// The proofs back to back (one copy of `256·k` bytes: negligible next to a pairing).
fn flatten_proofs(proofs: &[ProofBytes]) -> Vec<u8> {
	proofs.iter().flat_map(|proof| proof.0).collect()
}

/// The status word of a host call: `0` is success, `1 + index` a [`ZkError`] by its SCALE index.
pub fn result_to_status(result: Result<(), ZkError>) -> u32 {
	match result {
		Ok(()) => 0,
		Err(error) => 1 + u32::from(error.index()),
	}
}

/// The inverse of [`result_to_status`]. An unknown code fails closed as
/// [`ZkError::VerificationFailed`].
pub fn status_to_result(status: u32) -> Result<(), ZkError> {
	match status {
		0 => Ok(()),
		code => Err(u8::try_from(code - 1)
			.ok()
			.and_then(ZkError::from_index)
			.unwrap_or(ZkError::VerificationFailed)),
	}
}

/// Validates and prepares a canonical verifying key into its storage form.
pub fn prepare_verifying_key(vk: &[u8], max_inputs: u32) -> Result<Vec<u8>, ZkError> {
	PreparedVk::from_vk_bytes(vk, max_inputs).map(|prepared| prepared.to_storage_bytes())
}

/// Splits `32·n` bytes into `n` public inputs (`PublicInputCountMismatch` when not a multiple).
fn split_inputs(inputs: &[u8]) -> Result<Vec<PublicInputBytes>, ZkError> {
	let (chunks, rest) = inputs.as_chunks::<FIELD_ELEMENT_LEN>();
	if !rest.is_empty() {
		return Err(ZkError::PublicInputCountMismatch);
	}
	Ok(chunks.to_vec())
}

/// [`crate::verify`] on a stored prepared key and flat bytes (the body of the host function).
pub fn verify_flat(prepared: &[u8], proof: &[u8], inputs: &[u8]) -> Result<(), ZkError> {
	let prepared = PreparedVk::from_storage_bytes(prepared)?;
	let proof = ProofBytes::from_slice(proof)?;
	crate::verify(&prepared, &proof, &split_inputs(inputs)?)
}

/// [`crate::verify_batch`] on a stored prepared key and flat bytes (the body of the host
/// function): `proofs` is `256·k` bytes, `inputs` `32·n·k` bytes with `n` the key's input count.
pub fn verify_batch_flat(
	prepared: &[u8],
	proofs: &[u8],
	inputs: &[u8],
	max_batch: u32,
) -> Result<(), ZkError> {
	let prepared = PreparedVk::from_storage_bytes(prepared)?;
	let (proofs, rest) = proofs.as_chunks::<PROOF_LEN>();
	if !rest.is_empty() {
		return Err(ZkError::InvalidLength);
	}
	if proofs.is_empty() {
		return Err(ZkError::EmptyBatch);
	}
	if proofs.len() > max_batch as usize {
		return Err(ZkError::BatchTooLarge);
	}
	let per_proof = prepared.num_inputs() * FIELD_ELEMENT_LEN;
	if inputs.len() != per_proof.saturating_mul(proofs.len()) {
		return Err(ZkError::PublicInputCountMismatch);
	}
	let mut items = Vec::with_capacity(proofs.len());
	for (index, proof) in proofs.iter().enumerate() {
		let start = index * per_proof;
		let item_inputs = split_inputs(inputs.get(start..start + per_proof).unwrap_or_default())?;
		items.push((ProofBytes(*proof), item_inputs));
	}
	crate::verify_batch(&prepared, &items, max_batch as usize)
}
