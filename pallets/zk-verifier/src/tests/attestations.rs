//! Single proofs: valid ones are recorded with their ZKML commitments, every bad input is
//! refused with its own error and changes nothing.

use ark_ec::AffineRepr;
use frame_support::{assert_noop, assert_ok};
use heliox_zk::encoding::encode_g2;

use super::*;

/// A point on the BN254 twist that is not in the prime-order subgroup.
pub fn g2_outside_subgroup() -> heliox_zk::G2Affine {
	use ark_ec::short_weierstrass::Affine;
	let mut i = 1u64;
	loop {
		let x = ark_bn254::Fq2::new(ark_bn254::Fq::from(i), ark_bn254::Fq::from(0u8));
		if let Some(point) = Affine::<ark_bn254::g2::Config>::get_point_from_x_unchecked(x, false) {
			if !point.is_in_correct_subgroup_assuming_on_curve() {
				return point;
			}
		}
		i += 1;
	}
}

fn submit(
	vk_id: VkId,
	proof: ProofBytes,
	values: Vec<PublicInputBytes>,
) -> frame_support::dispatch::DispatchResult {
	ZkVerifier::submit_attestation(
		RuntimeOrigin::signed(BOB),
		vk_id,
		Box::new(proof),
		inputs(values),
		meta(b"m"),
	)
}

#[test]
fn a_valid_proof_is_attested_with_its_commitments() {
	build_and_execute(|| {
		System::set_block_number(7);
		let key = key(4, 0);
		let layout = ZkmlLayout {
			model_commitment: Some(3),
			input_commitment: None,
			output_commitment: Some(0),
		};
		let vk_id = register(ALICE, &key, layout);
		let (proof, values) = proven(&key, 0);
		assert_ok!(ZkVerifier::submit_attestation(
			RuntimeOrigin::signed(BOB),
			vk_id,
			Box::new(proof),
			inputs(values.clone()),
			meta(b"ipfs://model-card")
		));
		let statement = heliox_zk::statement_id(&vk_id, &values).unwrap();
		let attestation = Attestations::<Test>::get(statement).unwrap();
		assert_eq!(attestation.vk_id, vk_id);
		assert_eq!(attestation.submitter, BOB);
		assert_eq!(attestation.block, 7);
		assert_eq!(attestation.model_commitment, Some(values[3]));
		assert_eq!(attestation.input_commitment, None);
		assert_eq!(attestation.output_commitment, Some(values[0]));
		assert_eq!(attestation.meta.to_vec(), b"ipfs://model-card".to_vec());
		assert_eq!(AttestationCount::<Test>::get(), 1);
		assert_eq!(VerifyingKeys::<Test>::get(vk_id).unwrap().attestations, 1);
		System::assert_last_event(
			Event::AttestationRecorded { statement, vk_id, submitter: BOB }.into(),
		);
	});
}

#[test]
fn a_statement_is_attested_once_even_with_another_proof() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 0);
		assert_ok!(submit(vk_id, proof, values.clone()));
		assert_noop!(submit(vk_id, proof, values.clone()), Error::<Test>::DuplicateStatement);
		// A different (re-randomised) proof of the same statement is the same statement.
		let other_proof = key.prove(&values, 99).unwrap();
		assert_ne!(other_proof, proof);
		assert_noop!(submit(vk_id, other_proof, values), Error::<Test>::DuplicateStatement);
	});
}

#[test]
fn unknown_keys_are_refused() {
	build_and_execute(|| {
		let key = key(1, 0);
		let (proof, values) = proven(&key, 0);
		assert_noop!(submit([9; 32], proof, values), Error::<Test>::UnknownVerifyingKey);
	});
}

#[test]
fn a_tampered_proof_fails() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 0);
		// Another valid point in place of C: decodes, does not verify.
		let mut tampered = proof;
		let (other, _) = proven(&key, 1);
		tampered.0[192..].copy_from_slice(&other.0[192..]);
		assert_noop!(submit(vk_id, tampered, values), Error::<Test>::VerificationFailed);
	});
}

#[test]
fn a_wrong_public_input_fails() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, mut values) = proven(&key, 0);
		values[1][0] ^= 1;
		assert_noop!(submit(vk_id, proof, values), Error::<Test>::VerificationFailed);
	});
}

#[test]
fn inputs_at_or_above_r_are_refused_not_reduced() {
	build_and_execute(|| {
		let key = key(1, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, _) = proven(&key, 0);
		assert_noop!(
			submit(vk_id, proof, vec![scalar_modulus_le()]),
			Error::<Test>::ScalarOutOfRange
		);
	});
}

#[test]
fn the_input_count_must_match_the_key() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 0);
		assert_noop!(
			submit(vk_id, proof, values[..1].to_vec()),
			Error::<Test>::PublicInputCountMismatch
		);
	});
}

#[test]
fn malformed_proof_points_are_refused() {
	build_and_execute(|| {
		let key = key(1, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 0);

		let mut off_curve = proof;
		off_curve.0[32] ^= 1;
		assert_noop!(submit(vk_id, off_curve, values.clone()), Error::<Test>::PointNotOnCurve);

		let mut b_outside = proof;
		b_outside.0[64..192].copy_from_slice(&encode_g2(&g2_outside_subgroup()));
		assert_noop!(submit(vk_id, b_outside, values.clone()), Error::<Test>::PointNotInSubgroup);

		let mut a_infinity = proof;
		a_infinity.0[..64].copy_from_slice(&[0; 64]);
		a_infinity.0[63] = 0x40;
		assert_noop!(submit(vk_id, a_infinity, values.clone()), Error::<Test>::PointAtInfinity);

		let mut bad_flags = proof;
		bad_flags.0[63] |= 0xc0;
		assert_noop!(submit(vk_id, bad_flags, values.clone()), Error::<Test>::NonCanonicalFlags);

		let mut out_of_range = proof;
		out_of_range.0[..32].copy_from_slice(&[0xff; 32]);
		assert_noop!(
			submit(vk_id, out_of_range, values.clone()),
			Error::<Test>::CoordinateOutOfRange
		);

		// The generator is a valid point, but not this proof's B.
		let mut wrong_b = proof;
		wrong_b.0[64..192].copy_from_slice(&encode_g2(&heliox_zk::G2Affine::generator()));
		assert_noop!(submit(vk_id, wrong_b, values), Error::<Test>::VerificationFailed);
	});
}

#[test]
fn a_corrupt_prepared_key_is_reported_not_trusted() {
	new_test_ext().execute_with(|| {
		let key = key(1, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let good = PreparedKeys::<Test>::get(vk_id).unwrap();
		let mut corrupt = good.clone();
		corrupt[0] = 2; // an unknown format version
		PreparedKeys::<Test>::insert(vk_id, corrupt);
		let (proof, values) = proven(&key, 0);
		assert_noop!(submit(vk_id, proof, values.clone()), Error::<Test>::CorruptPreparedKey);
		assert!(ZkVerifier::do_try_state().is_err(), "try_state detects the corruption");
		PreparedKeys::<Test>::remove(vk_id);
		assert_noop!(submit(vk_id, proof, values), Error::<Test>::CorruptPreparedKey);
		PreparedKeys::<Test>::insert(vk_id, good);
		ZkVerifier::do_try_state().unwrap();
	});
}

#[test]
fn calls_must_be_signed() {
	build_and_execute(|| {
		let key = key(1, 0);
		let (proof, values) = proven(&key, 0);
		assert_noop!(
			ZkVerifier::submit_attestation(
				RuntimeOrigin::none(),
				[0; 32],
				Box::new(proof),
				inputs(values),
				meta(b"")
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
