//! Verifying key encoding and validation.

use ark_bn254::{Bn254, Fr, G1Affine, G2Affine};
use ark_ec::{AffineRepr, CurveGroup};
use ark_groth16::Groth16;
use ark_serialize::CanonicalSerialize;
use heliox_zk::encoding::{encode_g1, encode_g2};
use heliox_zk::{
	check_input_count, declared_input_count, validate_vk, verify, vk_id, PreparedVk, Proof,
	VerifyingKey, ZkError, VK_HEADER_LEN,
};

use crate::support::{self, MAX_INPUTS};

fn with_points(vk: &VerifyingKey, gamma_g2: G2Affine, delta_g2: G2Affine) -> VerifyingKey {
	VerifyingKey::new(*vk.alpha_g1(), *vk.beta_g2(), gamma_g2, delta_g2, vk.ic().to_vec())
		.expect("valid points")
}

#[test]
fn generated_keys_validate_and_round_trip() {
	for fixture in [support::mul(), support::neuron()] {
		assert_eq!(validate_vk(&fixture.vk, MAX_INPUTS), Ok(()));
		let bytes = fixture.vk.to_bytes();
		let decoded = VerifyingKey::from_bytes(&bytes.0).expect("canonical");
		assert_eq!(decoded, fixture.vk);
		assert_eq!(decoded.to_bytes(), bytes);
		assert_eq!(vk_id(&decoded), sp_crypto_hashing::blake2_256(&bytes.0));
		assert_eq!(fixture.prepared.vk_id(), &vk_id(&fixture.vk));
		assert_eq!(declared_input_count(&bytes.0), Ok(fixture.vk.num_inputs() as u64));
		assert_eq!(bytes.declared_input_count(), Ok(fixture.vk.num_inputs() as u64));
	}
	assert_ne!(vk_id(&support::mul().vk), vk_id(&support::neuron().vk));
	assert_eq!(support::mul().vk.to_bytes().0.len(), 520 + 64);
	assert_eq!(support::neuron().vk.to_bytes().0.len(), 520 + 3 * 64);
}

#[test]
fn key_length_prefix_must_match_exactly() {
	let bytes = support::neuron().vk.to_bytes().0;
	let mut longer = bytes.clone();
	longer.extend_from_slice(&encode_g1(&G1Affine::generator()));
	assert_eq!(VerifyingKey::from_bytes(&longer), Err(ZkError::TrailingBytes));
	longer.truncate(bytes.len() + 1);
	assert_eq!(VerifyingKey::from_bytes(&longer), Err(ZkError::TrailingBytes));
	assert_eq!(VerifyingKey::from_bytes(&bytes[..bytes.len() - 1]), Err(ZkError::InvalidLength));
	assert_eq!(VerifyingKey::from_bytes(&bytes[..VK_HEADER_LEN - 1]), Err(ZkError::InvalidLength));
	let with_prefix = |count: u64| {
		let mut changed = bytes.clone();
		changed[VK_HEADER_LEN - 8..VK_HEADER_LEN].copy_from_slice(&count.to_le_bytes());
		changed
	};
	assert_eq!(VerifyingKey::from_bytes(&with_prefix(5)), Err(ZkError::InvalidLength));
	assert_eq!(VerifyingKey::from_bytes(&with_prefix(3)), Err(ZkError::TrailingBytes));
	assert_eq!(VerifyingKey::from_bytes(&with_prefix(u64::MAX)), Err(ZkError::InvalidLength));
	assert_eq!(declared_input_count(&with_prefix(u64::MAX)), Err(ZkError::InvalidLength));
	assert_eq!(declared_input_count(&bytes[..VK_HEADER_LEN]), Err(ZkError::InvalidLength));
}

#[test]
fn gamma_equal_to_delta_is_refused_and_would_allow_forgery() {
	let fixture = support::mul();
	let delta = *fixture.vk.delta_g2();
	let key = with_points(&fixture.vk, delta, delta);
	assert_eq!(validate_vk(&key, MAX_INPUTS), Err(ZkError::GammaEqualsDelta));
	assert_eq!(PreparedVk::new(&key, MAX_INPUTS), Err(ZkError::GammaEqualsDelta));
	assert_eq!(
		PreparedVk::from_vk_bytes(&key.to_bytes().0, MAX_INPUTS),
		Err(ZkError::GammaEqualsDelta)
	);

	// Why: with γ = δ, A = α, B = β, C = −L verifies for any input (checked with arkworks'
	// verifier, which has no such check).
	let any_input = Fr::from(123_456u64);
	let l = (key.ic()[0] + key.ic()[1] * any_input).into_affine();
	let forged = Proof::new(*key.alpha_g1(), *key.beta_g2(), -l).expect("valid points");
	let ark_prepared = ark_groth16::prepare_verifying_key(&key.to_ark());
	assert!(Groth16::<Bn254>::verify_proof(&ark_prepared, &forged.to_ark(), &[any_input])
		.expect("one input"));

	let negated = with_points(&fixture.vk, -delta, delta);
	assert_eq!(validate_vk(&negated, MAX_INPUTS), Err(ZkError::GammaEqualsNegatedDelta));
}

#[test]
fn delta_equal_to_the_generator_is_refused() {
	let fixture = support::mul();
	let key = with_points(&fixture.vk, *fixture.vk.gamma_g2(), G2Affine::generator());
	assert_eq!(validate_vk(&key, MAX_INPUTS), Err(ZkError::DeltaIsGenerator));
	// A skipped phase 2 in snarkjs: γ = δ = generator.
	let skipped = with_points(&fixture.vk, G2Affine::generator(), G2Affine::generator());
	assert_eq!(validate_vk(&skipped, MAX_INPUTS), Err(ZkError::DeltaIsGenerator));
}

#[test]
fn gamma_equal_to_the_generator_is_the_snarkjs_convention_and_accepted() {
	let fixture = support::mul_with_generator_gamma();
	assert_eq!(fixture.vk.gamma_g2(), &G2Affine::generator());
	assert_eq!(validate_vk(&fixture.vk, MAX_INPUTS), Ok(()));
	let statement = &fixture.statements[0];
	assert_eq!(
		verify(&fixture.prepared, &statement.proof_bytes(), &statement.input_bytes()),
		Ok(())
	);
}

#[test]
fn too_many_inputs_are_refused_before_decoding_points() {
	let fixture = support::neuron();
	assert_eq!(validate_vk(&fixture.vk, 3), Ok(()));
	assert_eq!(validate_vk(&fixture.vk, 2), Err(ZkError::TooManyInputs));
	assert_eq!(PreparedVk::new(&fixture.vk, 2), Err(ZkError::TooManyInputs));
	let mut bytes = fixture.vk.to_bytes().0;
	assert_eq!(PreparedVk::from_vk_bytes(&bytes, 2), Err(ZkError::TooManyInputs));
	// Even with garbage points, the count is refused first.
	bytes[..64].copy_from_slice(&[0xff; 64]);
	assert_eq!(PreparedVk::from_vk_bytes(&bytes, 2), Err(ZkError::TooManyInputs));
	assert_eq!(PreparedVk::from_vk_bytes(&bytes, 3), Err(ZkError::CoordinateOutOfRange));
}

#[test]
fn ic_length_must_be_inputs_plus_one() {
	let fixture = support::neuron();
	assert_eq!(check_input_count(&fixture.vk, 3), Ok(()));
	assert_eq!(check_input_count(&fixture.vk, 2), Err(ZkError::IcLengthMismatch));
	assert_eq!(check_input_count(&fixture.vk, 4), Err(ZkError::IcLengthMismatch));
	let vk = &fixture.vk;
	let without_ic =
		VerifyingKey::new(*vk.alpha_g1(), *vk.beta_g2(), *vk.gamma_g2(), *vk.delta_g2(), vec![])
			.expect("valid points");
	assert_eq!(validate_vk(&without_ic, MAX_INPUTS), Err(ZkError::IcLengthMismatch));
	assert_eq!(declared_input_count(&without_ic.to_bytes().0), Err(ZkError::IcLengthMismatch));
	assert_eq!(
		PreparedVk::from_vk_bytes(&without_ic.to_bytes().0, MAX_INPUTS),
		Err(ZkError::IcLengthMismatch)
	);
}

#[test]
fn key_points_are_checked_strictly() {
	let fixture = support::mul();
	let bytes = fixture.vk.to_bytes().0;
	// α at infinity.
	let mut changed = bytes.clone();
	changed[..64].copy_from_slice(&encode_g1(&G1Affine::zero()));
	assert_eq!(VerifyingKey::from_bytes(&changed), Err(ZkError::PointAtInfinity));
	// δ outside the subgroup.
	let mut changed = bytes.clone();
	changed[320..448].copy_from_slice(&encode_g2(&support::g2_point_outside_subgroup()));
	assert_eq!(VerifyingKey::from_bytes(&changed), Err(ZkError::PointNotInSubgroup));
	// An IC point at infinity is a legitimate (if odd) key.
	let mut changed = bytes.clone();
	changed[VK_HEADER_LEN..VK_HEADER_LEN + 64].copy_from_slice(&encode_g1(&G1Affine::zero()));
	let decoded = VerifyingKey::from_bytes(&changed).expect("IC may hold the identity");
	assert!(decoded.ic()[0].is_zero());
	// An IC point off the curve.
	let mut changed = bytes;
	changed[VK_HEADER_LEN + 64] ^= 1;
	assert_eq!(VerifyingKey::from_bytes(&changed), Err(ZkError::PointNotOnCurve));
	// A key serialized by arkworks decodes to the same key.
	let mut ark_bytes = Vec::new();
	fixture.ark_vk().serialize_uncompressed(&mut ark_bytes).expect("serialize");
	assert_eq!(VerifyingKey::from_bytes(&ark_bytes).as_ref(), Ok(&fixture.vk));
}
