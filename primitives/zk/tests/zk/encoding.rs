//! Strict decoding: lengths, ranges, flags, curve and subgroup membership, canonicity.

use ark_bn254::{Fq, Fr, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::{AffineRepr, CurveGroup, PrimeGroup};
use ark_ff::{BigInt, PrimeField};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use heliox_zk::encoding::{decode_fq, decode_g1, decode_g2, encode_g1, encode_g2, InfinityPolicy};
use heliox_zk::{decode_scalar, encode_scalar, verify, Proof, ProofBytes, ZkError, PROOF_LEN};
use proptest::prelude::*;

use crate::support::{self, g2_point_outside_subgroup, le_bytes, plus_modulus};

fn ark_uncompressed<T: CanonicalSerialize>(value: &T) -> Vec<u8> {
	let mut bytes = Vec::new();
	value.serialize_uncompressed(&mut bytes).expect("serialize into a Vec");
	bytes
}

#[test]
fn proof_and_key_encodings_are_the_arkworks_uncompressed_bytes() {
	let fixture = support::neuron();
	for statement in &fixture.statements {
		assert_eq!(statement.proof_bytes().0.to_vec(), ark_uncompressed(&statement.proof));
	}
	assert_eq!(fixture.vk.to_bytes().0, ark_uncompressed(fixture.ark_vk()));
	assert_eq!(fixture.vk.to_bytes().0.len(), heliox_zk::verifying_key_len(3));
	// The fixtures exercise both values of the sign flag.
	let sign_flags: Vec<u8> = support::mul()
		.statements
		.iter()
		.flat_map(|statement| [statement.proof.a, statement.proof.c])
		.map(|point| encode_g1(&point)[63] & 0xc0)
		.collect();
	assert!(sign_flags.contains(&0) && sign_flags.contains(&0x80));
	assert_eq!(encode_g1(&G1Affine::zero()).to_vec(), ark_uncompressed(&G1Affine::zero()));
	assert_eq!(encode_g2(&G2Affine::zero()).to_vec(), ark_uncompressed(&G2Affine::zero()));
}

#[test]
fn proof_of_wrong_length_is_refused() {
	let bytes = support::mul().statements[0].proof_bytes().0;
	assert_eq!(ProofBytes::from_slice(&bytes[..PROOF_LEN - 1]), Err(ZkError::InvalidLength));
	assert_eq!(ProofBytes::from_slice(&[]), Err(ZkError::InvalidLength));
	let mut longer = bytes.to_vec();
	longer.push(0);
	assert_eq!(ProofBytes::from_slice(&longer), Err(ZkError::TrailingBytes));
	assert_eq!(Proof::from_slice(&longer), Err(ZkError::TrailingBytes));
	assert!(Proof::from_slice(&bytes).is_ok());
}

#[test]
fn coordinate_not_below_q_is_refused() {
	let mut bytes = support::mul().statements[0].proof_bytes().0;
	bytes[..32].copy_from_slice(&le_bytes(&Fq::MODULUS));
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::CoordinateOutOfRange));
	assert_eq!(decode_fq(&le_bytes(&Fq::MODULUS)), Err(ZkError::CoordinateOutOfRange));
	assert_eq!(decode_fq(&[0xff; 32]), Err(ZkError::CoordinateOutOfRange));
	let q_minus_one = -Fq::from(1u8);
	assert_eq!(decode_fq(&le_bytes(&q_minus_one.into_bigint())), Ok(q_minus_one));
}

#[test]
fn point_off_the_curve_is_refused() {
	let fixture = support::mul();
	let mut bytes = fixture.statements[0].proof_bytes().0;
	// A.x + 1 (the low byte of x never overflows into a carry for this fixture).
	assert!(bytes[0] < 0xff);
	bytes[0] += 1;
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::PointNotOnCurve));
	assert_eq!(
		verify(&fixture.prepared, &ProofBytes(bytes), &fixture.statements[0].input_bytes()),
		Err(ZkError::PointNotOnCurve)
	);
	// B.y.c0 + 1.
	let mut bytes = fixture.statements[0].proof_bytes().0;
	assert!(bytes[64 + 64] < 0xff);
	bytes[64 + 64] += 1;
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::PointNotOnCurve));
	// (0, 0) without the infinity flag is not a point.
	assert_eq!(decode_g1(&[0; 64], InfinityPolicy::Allow), Err(ZkError::PointNotOnCurve));
}

#[test]
fn g2_point_outside_the_subgroup_is_refused() {
	let outside = g2_point_outside_subgroup();
	assert!(outside.is_on_curve());
	assert!(!outside.is_in_correct_subgroup_assuming_on_curve());
	let encoded = encode_g2(&outside);
	assert_eq!(decode_g2(&encoded, InfinityPolicy::Reject), Err(ZkError::PointNotInSubgroup));

	let fixture = support::mul();
	let mut bytes = fixture.statements[0].proof_bytes().0;
	bytes[64..192].copy_from_slice(&encoded);
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::PointNotInSubgroup));
	assert_eq!(
		verify(&fixture.prepared, &ProofBytes(bytes), &fixture.statements[0].input_bytes()),
		Err(ZkError::PointNotInSubgroup)
	);
	let a = fixture.statements[0].proof.a;
	assert_eq!(Proof::new(a, outside, a), Err(ZkError::PointNotInSubgroup));
	// Clearing the cofactor lands in the subgroup, and then it decodes.
	let cleared = outside.clear_cofactor();
	assert_eq!(decode_g2(&encode_g2(&cleared), InfinityPolicy::Reject), Ok(cleared));
}

#[test]
fn flags_must_match_the_point() {
	let mut bytes = support::mul().statements[0].proof_bytes().0;
	let original = bytes;
	// Flip A's sign flag: arkworks' own decoder ignores it (two encodings of one point) ...
	bytes[63] ^= 0x80;
	let lenient = G1Affine::deserialize_uncompressed(&bytes[..64]).expect("arkworks accepts");
	assert_eq!(lenient, support::mul().statements[0].proof.a);
	// ... this crate does not.
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::NonCanonicalFlags));
	// Both flag bits.
	let mut bytes = original;
	bytes[63] |= 0xc0;
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::NonCanonicalFlags));
	// B's sign flag sits in its last byte.
	let mut bytes = original;
	bytes[191] ^= 0x80;
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::NonCanonicalFlags));
	// The infinity flag with non-zero coordinates (arkworks would read the identity).
	let mut point = encode_g1(&support::mul().statements[0].proof.c);
	point[63] = (point[63] & 0x3f) | 0x40;
	assert_eq!(decode_g1(&point, InfinityPolicy::Allow), Err(ZkError::NonCanonicalFlags));
}

#[test]
fn point_at_infinity_is_refused_in_proofs_and_allowed_in_ic() {
	let fixture = support::mul();
	let mut bytes = fixture.statements[0].proof_bytes().0;
	bytes[..64].copy_from_slice(&encode_g1(&G1Affine::zero()));
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::PointAtInfinity));
	let mut bytes = fixture.statements[0].proof_bytes().0;
	bytes[64..192].copy_from_slice(&encode_g2(&G2Affine::zero()));
	assert_eq!(Proof::from_bytes(&ProofBytes(bytes)), Err(ZkError::PointAtInfinity));
	let identity = encode_g1(&G1Affine::zero());
	assert_eq!(decode_g1(&identity, InfinityPolicy::Allow), Ok(G1Affine::zero()));
	assert_eq!(decode_g1(&identity, InfinityPolicy::Reject), Err(ZkError::PointAtInfinity));
}

#[test]
fn scalars_not_below_r_are_refused_not_reduced() {
	assert_eq!(decode_scalar(&le_bytes(&Fr::MODULUS)), Err(ZkError::ScalarOutOfRange));
	assert_eq!(decode_scalar(&[0xff; 32]), Err(ZkError::ScalarOutOfRange));
	assert_eq!(decode_scalar(&plus_modulus(Fr::from(1u8))), Err(ZkError::ScalarOutOfRange));
	let r_minus_one = -Fr::from(1u8);
	assert_eq!(decode_scalar(&encode_scalar(&r_minus_one)), Ok(r_minus_one));
	assert_eq!(decode_scalar(&[0; 32]), Ok(Fr::from(0u8)));

	// The valid input z and z + r are "equal mod r"; only z is accepted.
	let fixture = support::mul();
	let statement = &fixture.statements[0];
	let proof = statement.proof_bytes();
	assert_eq!(verify(&fixture.prepared, &proof, &statement.input_bytes()), Ok(()));
	let aliased = plus_modulus(statement.inputs[0]);
	assert_eq!(verify(&fixture.prepared, &proof, &[aliased]), Err(ZkError::ScalarOutOfRange));
}

fn bigint_strategy() -> impl Strategy<Value = BigInt<4>> {
	any::<[u64; 4]>().prop_map(BigInt)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn g1_points_round_trip(scalar in bigint_strategy()) {
		let point = G1Projective::generator().mul_bigint(scalar).into_affine();
		let bytes = encode_g1(&point);
		let decoded = decode_g1(&bytes, InfinityPolicy::Allow).expect("valid point");
		prop_assert_eq!(decoded, point);
		prop_assert_eq!(encode_g1(&decoded), bytes);
	}

	#[test]
	fn g2_points_round_trip(scalar in bigint_strategy()) {
		let point = G2Projective::generator().mul_bigint(scalar).into_affine();
		let bytes = encode_g2(&point);
		let decoded = decode_g2(&bytes, InfinityPolicy::Allow).expect("valid point");
		prop_assert_eq!(decoded, point);
		prop_assert_eq!(encode_g2(&decoded), bytes);
	}

	/// Whatever a mutated encoding decodes to, it re-encodes to exactly the same bytes: no
	/// point has a second accepted encoding.
	#[test]
	fn accepted_proof_encodings_are_unique(
		index in 0usize..PROOF_LEN,
		mask in 1u8..=255,
		which in 0usize..8,
	) {
		let mut bytes = support::mul().statements[which].proof_bytes().0;
		bytes[index] ^= mask;
		if let Ok(proof) = Proof::from_bytes(&ProofBytes(bytes)) {
			prop_assert_eq!(proof.to_bytes().0, bytes);
		}
	}

	#[test]
	fn scalars_decode_iff_below_r(bytes in any::<[u8; 32]>()) {
		let value = BigInt::<4>(core::array::from_fn(|limb| {
			u64::from_le_bytes(core::array::from_fn(|byte| bytes[8 * limb + byte]))
		}));
		match decode_scalar(&bytes) {
			Ok(scalar) => {
				prop_assert!(value < Fr::MODULUS);
				prop_assert_eq!(encode_scalar(&scalar), bytes);
			},
			Err(error) => {
				prop_assert!(value >= Fr::MODULUS);
				prop_assert_eq!(error, ZkError::ScalarOutOfRange);
			},
		}
	}

	#[test]
	fn field_elements_decode_iff_below_q(bytes in any::<[u8; 32]>()) {
		match decode_fq(&bytes) {
			Ok(element) => prop_assert_eq!(heliox_zk::encoding::encode_fq(&element), bytes),
			Err(error) => prop_assert_eq!(error, ZkError::CoordinateOutOfRange),
		}
	}
}
