//! Batches: all-or-nothing, duplicates inside and outside the batch, limits.

use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok};

use super::*;

fn submit_batch(
	vk_id: VkId,
	items: Vec<AttestationItemOf<Test>>,
) -> frame_support::dispatch::DispatchResult {
	ZkVerifier::submit_attestations(
		RuntimeOrigin::signed(BOB),
		vk_id,
		items.try_into().expect("within MaxBatchSize"),
	)
}

#[test]
fn a_valid_batch_records_every_statement() {
	build_and_execute(|| {
		let key = key(3, 0);
		let vk_id =
			register(ALICE, &key, ZkmlLayout { model_commitment: Some(1), ..Default::default() });
		let proven: Vec<_> = (0..MaxBatchSize::get() as u64).map(|i| proven(&key, i)).collect();
		let items = proven.iter().map(|(proof, values)| item(*proof, values.clone())).collect();
		assert_ok!(submit_batch(vk_id, items));
		for (_, values) in &proven {
			let statement = heliox_zk::statement_id(&vk_id, values).unwrap();
			let attestation = Attestations::<Test>::get(statement).unwrap();
			assert_eq!(attestation.model_commitment, Some(values[1]));
		}
		assert_eq!(AttestationCount::<Test>::get(), u64::from(MaxBatchSize::get()));
		assert_eq!(VerifyingKeys::<Test>::get(vk_id).unwrap().attestations, 8);
		System::assert_last_event(Event::BatchVerified { vk_id, count: 8 }.into());
	});
}

#[test]
fn one_bad_proof_fails_the_whole_batch() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let mut items: Vec<_> = (0..4)
			.map(|i| {
				let (proof, values) = proven(&key, i);
				item(proof, values)
			})
			.collect();
		items[2].public_inputs[0][0] ^= 1;
		assert_noop!(submit_batch(vk_id, items), Error::<Test>::BatchVerificationFailed);
	});
}

#[test]
fn duplicates_are_refused_in_and_outside_the_batch() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof0, values0) = proven(&key, 0);
		let (proof1, values1) = proven(&key, 1);
		let again = key.prove(&values1, 42).unwrap();
		assert_noop!(
			submit_batch(vk_id, vec![item(proof1, values1.clone()), item(again, values1.clone())]),
			Error::<Test>::DuplicateStatementInBatch
		);
		assert_ok!(ZkVerifier::submit_attestation(
			RuntimeOrigin::signed(BOB),
			vk_id,
			Box::new(proof0),
			inputs(values0.clone()),
			meta(b"")
		));
		assert_noop!(
			submit_batch(vk_id, vec![item(proof1, values1), item(proof0, values0)]),
			Error::<Test>::DuplicateStatement
		);
	});
}

#[test]
fn empty_and_oversized_batches_are_refused() {
	build_and_execute(|| {
		let key = key(1, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		assert_noop!(submit_batch(vk_id, vec![]), Error::<Test>::EmptyBatch);

		let too_many: Vec<_> = (0..=MaxBatchSize::get() as u64)
			.map(|i| {
				let (proof, values) = proven(&key, i);
				item(proof, values)
			})
			.collect();
		// The call's bound refuses it when the transaction is decoded ...
		let call = RuntimeCall::ZkVerifier(crate::Call::submit_attestations {
			vk_id,
			items: too_many[..MaxBatchSize::get() as usize].to_vec().try_into().unwrap(),
		});
		let mut encoded = call.encode();
		// Re-encode with one item more: the compact length prefix grows by one, the item follows.
		let items_offset = 2 + 32;
		let mut longer = encoded[..items_offset].to_vec();
		longer.extend(too_many.encode());
		assert!(RuntimeCall::decode(&mut &longer[..]).is_err());
		encoded.truncate(0);
		// ... and the pallet refuses it too if it ever got that far.
		frame_support::assert_storage_noop!(assert_eq!(
			ZkVerifier::do_submit_attestations(BOB, vk_id, too_many),
			Err(Error::<Test>::BatchTooLarge.into())
		));
	});
}

#[test]
fn batch_items_need_the_keys_input_count() {
	build_and_execute(|| {
		let key = key(2, 0);
		let vk_id = register(ALICE, &key, ZkmlLayout::default());
		let (proof, values) = proven(&key, 0);
		assert_noop!(
			submit_batch(vk_id, vec![item(proof, values[..1].to_vec())]),
			Error::<Test>::PublicInputCountMismatch
		);
		assert_noop!(
			submit_batch([3; 32], vec![item(proof, values)]),
			Error::<Test>::UnknownVerifyingKey
		);
	});
}
