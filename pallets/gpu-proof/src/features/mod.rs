//! The pallet's logic, one file per capability.

mod api;
mod epochs;
mod fraud;
#[cfg(any(test, feature = "try-runtime"))]
mod invariants;
mod offchain;
mod verdicts;
mod verifiers;

pub use offchain::{
	FraudEvidence, Judged, OcwResults, OcwState, Sent, COMMIT_GRACE, MAX_ATTEMPTS,
	MAX_CHUNK_ATTEMPTS, RESEND_AFTER,
};

/// `blake2_256(domain ‖ SCALE(value) ‖ epoch)`: turns a runtime hash into the protocol's 32 bytes.
pub(crate) fn derive_hash<H: codec::Encode>(domain: &[u8], value: &H, epoch: u64) -> [u8; 32] {
	let mut input = domain.to_vec();
	value.encode_to(&mut input);
	input.extend_from_slice(&epoch.to_le_bytes());
	sp_io::hashing::blake2_256(&input)
}

/// Whether `signature` is the sr25519 signature (context `"substrate"`) of `key` over `message`.
pub(crate) fn agent_signed(key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
	sp_io::crypto::sr25519_verify(
		&sp_core::sr25519::Signature::from_raw(*signature),
		message,
		&sp_core::sr25519::Public::from_raw(*key),
	)
}
