//! Tests by concern: keys, attestations, batches, real snarkjs output, queries. Every test runs
//! the pallet's `try_state` invariants at its end (`build_and_execute`).

mod attestations;
mod batch;
mod keys;
mod queries;
mod snarkjs;

use frame_support::{assert_ok, BoundedVec};
use heliox_zk::{synthetic::SyntheticKey, ProofBytes, PublicInputBytes};

use crate::{mock::*, *};

/// A synthetic key with `n` inputs (the seed makes distinct keys for one `n`).
pub fn key(n: u32, seed: u64) -> SyntheticKey {
	SyntheticKey::new(n, seed.wrapping_mul(1000).wrapping_add(u64::from(n)))
}

pub fn vk_bytes(bytes: Vec<u8>) -> BoundedVec<u8, MaxVkLen<Test>> {
	bytes.try_into().expect("within the mock's MaxPublicInputs")
}

pub fn inputs(values: Vec<PublicInputBytes>) -> PublicInputsOf<Test> {
	values.try_into().expect("within the mock's MaxPublicInputs")
}

pub fn meta(bytes: &[u8]) -> BoundedVec<u8, MaxMetaLen> {
	bytes.to_vec().try_into().expect("within the mock's MaxMetaLen")
}

pub fn register(owner: AccountId, key: &SyntheticKey, layout: ZkmlLayout) -> VkId {
	assert_ok!(ZkVerifier::register_vk(
		RuntimeOrigin::signed(owner),
		vk_bytes(key.verifying_key_bytes()),
		layout
	));
	heliox_zk::vk_id_of_bytes(&key.verifying_key_bytes())
}

/// Proof number `index` of `key`: its inputs and a valid proof.
pub fn proven(key: &SyntheticKey, index: u64) -> (ProofBytes, Vec<PublicInputBytes>) {
	let inputs = key.inputs(index);
	let proof = key.prove(&inputs, index).expect("inputs fit the key");
	(proof, inputs)
}

pub fn item(proof: ProofBytes, public_inputs: Vec<PublicInputBytes>) -> AttestationItemOf<Test> {
	AttestationItem { proof, public_inputs: inputs(public_inputs), meta: meta(b"batch") }
}

/// The modulus `r` of the scalar field, little-endian: the smallest out-of-range input.
pub fn scalar_modulus_le() -> PublicInputBytes {
	use ark_ff::{BigInteger, PrimeField};
	let bytes = ark_bn254::Fr::MODULUS.to_bytes_le();
	bytes.try_into().expect("32 bytes")
}
