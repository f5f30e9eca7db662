//! Registering and unregistering verifying keys: validation, deposits, refcounts.

use ark_ec::AffineRepr;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use heliox_zk::encoding::{decode_g2, encode_g2, InfinityPolicy, G2_LEN};

use super::*;

const ALPHA: core::ops::Range<usize> = 0..64;
const GAMMA: core::ops::Range<usize> = 192..320;
const DELTA: core::ops::Range<usize> = 320..448;

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::VerifyingKeyDeposit.into(), &who)
}

#[test]
fn register_validates_prepares_stores_and_holds_a_deposit() {
	build_and_execute(|| {
		let key = key(3, 0);
		let layout = ZkmlLayout {
			model_commitment: Some(0),
			input_commitment: Some(1),
			output_commitment: Some(2),
		};
		let vk_id = register(ALICE, &key, layout);
		let info = VerifyingKeys::<Test>::get(vk_id).unwrap();
		let prepared_len = heliox_zk::prepared_vk_len(3);
		let vk_len = heliox_zk::verifying_key_len(3);
		assert_eq!(info.owner, ALICE);
		assert_eq!(info.num_inputs, 3);
		assert_eq!(info.layout, layout);
		assert_eq!(info.deposit, 1_000 + (vk_len + prepared_len) as Balance);
		assert_eq!(held(ALICE), info.deposit);
		assert_eq!(PreparedKeys::<Test>::get(vk_id).unwrap().len(), prepared_len);
		assert_eq!(
			VerifyingKeyBytes::<Test>::get(vk_id).unwrap().to_vec(),
			key.verifying_key_bytes()
		);
		System::assert_last_event(
			Event::VerifyingKeyRegistered {
				vk_id,
				owner: ALICE,
				num_inputs: 3,
				layout,
				deposit: info.deposit,
			}
			.into(),
		);
	});
}

#[test]
fn unregister_releases_the_deposit_and_keeps_attestations() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 1);
		assert_ok!(ZkVerifier::submit_attestation(
			RuntimeOrigin::signed(BOB),
			vk_id,
			Box::new(proof),
			inputs(values.clone()),
			meta(b"")
		));
		let deposit = VerifyingKeys::<Test>::get(vk_id).unwrap().deposit;
		assert_ok!(ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), vk_id));
		assert_eq!(held(ALICE), 0);
		assert!(!VerifyingKeys::<Test>::contains_key(vk_id));
		assert!(!PreparedKeys::<Test>::contains_key(vk_id));
		assert!(!VerifyingKeyBytes::<Test>::contains_key(vk_id));
		let statement = heliox_zk::statement_id(&vk_id, &values).unwrap();
		assert!(Attestations::<Test>::contains_key(statement));
		System::assert_last_event(
			Event::VerifyingKeyUnregistered { vk_id, owner: ALICE, deposit }.into(),
		);
		// Re-registering works again (new deposit).
		register(ALICE, &key, ZkmlLayout::default());
	});
}

#[test]
fn consumers_keep_a_key_registered() {
	build_and_execute(|| {
		let vk_id = register(ALICE, &key(1, 0), ZkmlLayout::default());
		assert!(<ZkVerifier as VerifyingKeyRegistry>::exists(&vk_id));
		assert_ok!(<ZkVerifier as VerifyingKeyRegistry>::acquire(&vk_id));
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), vk_id),
			Error::<Test>::VerifyingKeyInUse
		);
		<ZkVerifier as VerifyingKeyRegistry>::release(&vk_id);
		assert_ok!(ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), vk_id));
		assert_noop!(
			<ZkVerifier as VerifyingKeyRegistry>::acquire(&vk_id),
			Error::<Test>::UnknownVerifyingKey
		);
	});
}

#[test]
fn only_the_owner_unregisters() {
	build_and_execute(|| {
		let vk_id = register(ALICE, &key(1, 0), ZkmlLayout::default());
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(BOB), vk_id),
			Error::<Test>::NotVerifyingKeyOwner
		);
		assert_noop!(
			ZkVerifier::unregister_vk(RuntimeOrigin::signed(ALICE), [7; 32]),
			Error::<Test>::UnknownVerifyingKey
		);
	});
}

#[test]
fn a_key_registers_once() {
	build_and_execute(|| {
		let key = key(1, 0);
		register(ALICE, &key, ZkmlLayout::default());
		assert_noop!(
			ZkVerifier::register_vk(
				RuntimeOrigin::signed(BOB),
				vk_bytes(key.verifying_key_bytes()),
				ZkmlLayout::default()
			),
			Error::<Test>::VerifyingKeyAlreadyRegistered
		);
	});
}

#[test]
fn layout_positions_must_be_inputs() {
	build_and_execute(|| {
		let layout = ZkmlLayout { output_commitment: Some(2), ..Default::default() };
		assert_noop!(
			ZkVerifier::register_vk(
				RuntimeOrigin::signed(ALICE),
				vk_bytes(key(2, 0).verifying_key_bytes()),
				layout
			),
			Error::<Test>::InvalidLayout
		);
	});
}

#[test]
fn the_deposit_must_be_covered() {
	build_and_execute(|| {
		assert_noop!(
			ZkVerifier::register_vk(
				RuntimeOrigin::signed(POOR),
				vk_bytes(key(1, 0).verifying_key_bytes()),
				ZkmlLayout::default()
			),
			Error::<Test>::CannotHoldDeposit
		);
	});
}

fn register_bytes(bytes: Vec<u8>) -> frame_support::dispatch::DispatchResult {
	ZkVerifier::register_vk(RuntimeOrigin::signed(ALICE), vk_bytes(bytes), ZkmlLayout::default())
}

fn g2_at(bytes: &[u8], range: core::ops::Range<usize>) -> heliox_zk::G2Affine {
	let array: [u8; G2_LEN] = bytes[range].try_into().unwrap();
	decode_g2(&array, InfinityPolicy::Reject).unwrap()
}

#[test]
fn keys_that_let_anyone_forge_are_refused() {
	build_and_execute(|| {
		let good = key(2, 0).verifying_key_bytes();
		let gamma = g2_at(&good, GAMMA);

		let mut gamma_is_delta = good.clone();
		gamma_is_delta[DELTA].copy_from_slice(&encode_g2(&gamma));
		assert_noop!(register_bytes(gamma_is_delta), Error::<Test>::GammaEqualsDelta);

		let mut gamma_is_minus_delta = good.clone();
		gamma_is_minus_delta[DELTA].copy_from_slice(&encode_g2(&-gamma));
		assert_noop!(register_bytes(gamma_is_minus_delta), Error::<Test>::GammaEqualsNegatedDelta);

		let mut delta_is_generator = good;
		delta_is_generator[DELTA].copy_from_slice(&encode_g2(&heliox_zk::G2Affine::generator()));
		assert_noop!(register_bytes(delta_is_generator), Error::<Test>::DeltaIsGenerator);
	});
}

#[test]
fn malformed_keys_are_refused() {
	build_and_execute(|| {
		let good = key(2, 0).verifying_key_bytes();

		let mut truncated = good.clone();
		truncated.pop();
		assert_noop!(register_bytes(truncated), Error::<Test>::InvalidLength);

		let mut trailing = good.clone();
		trailing.push(0);
		assert_noop!(register_bytes(trailing), Error::<Test>::TrailingBytes);

		// An `IC` of zero points: no room even for `IC[0]`.
		let mut no_ic = good[..456].to_vec();
		no_ic[448..456].copy_from_slice(&0u64.to_le_bytes());
		assert_noop!(register_bytes(no_ic), Error::<Test>::IcLengthMismatch);

		let mut x_out_of_range = good.clone();
		x_out_of_range[ALPHA][..32].copy_from_slice(&[0xff; 32]);
		assert_noop!(register_bytes(x_out_of_range), Error::<Test>::CoordinateOutOfRange);

		let mut both_flags = good.clone();
		both_flags[63] |= 0xc0;
		assert_noop!(register_bytes(both_flags), Error::<Test>::NonCanonicalFlags);

		let mut off_curve = good.clone();
		off_curve[32] ^= 1;
		assert_noop!(register_bytes(off_curve), Error::<Test>::PointNotOnCurve);

		let mut alpha_infinity = good.clone();
		alpha_infinity[ALPHA].copy_from_slice(&[0; 64]);
		alpha_infinity[63] = 0x40;
		assert_noop!(register_bytes(alpha_infinity), Error::<Test>::PointAtInfinity);

		let mut gamma_outside = good;
		gamma_outside[GAMMA]
			.copy_from_slice(&encode_g2(&super::attestations::g2_outside_subgroup()));
		assert_noop!(register_bytes(gamma_outside), Error::<Test>::PointNotInSubgroup);
	});
}

#[test]
fn keys_with_too_many_inputs_are_refused() {
	build_and_execute(|| {
		assert_noop!(
			register_bytes(key(MaxPublicInputs::get() + 1, 0).verifying_key_bytes()),
			Error::<Test>::TooManyInputs
		);
		// The bound of the call itself stops anything longer than the largest allowed key.
		let too_long = vec![0u8; heliox_zk::verifying_key_len(MaxPublicInputs::get() + 1) + 1];
		assert!(BoundedVec::<u8, MaxVkLen<Test>>::try_from(too_long).is_err());
	});
}

#[test]
fn the_weight_of_register_follows_the_input_count_of_the_key_length() {
	for n in [0u32, 1, 7, 16] {
		assert_eq!(crate::inputs_of_key_len(heliox_zk::verifying_key_len(n)), n);
	}
	assert_eq!(crate::inputs_of_key_len(0), 0);
}
