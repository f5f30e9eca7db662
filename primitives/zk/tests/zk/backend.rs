//! The byte-level backends: `InRuntime` and `NativeHost` (the host functions, called natively
//! here) give the same answer as the decoded API on every input, valid or not, and the status
//! word of the host interface round-trips every error.

use heliox_zk::backend::{result_to_status, status_to_result};
use heliox_zk::{
	prepared_vk_len, verify, verify_batch, Groth16Backend, InRuntime, NativeHost, ProofBytes,
	PublicInputBytes, ZkError,
};

use crate::support::{mul, neuron, plus_modulus, MAX_INPUTS};

const MAX_BATCH: u32 = 8;

#[test]
fn every_error_round_trips_through_the_status_word() {
	assert_eq!(status_to_result(result_to_status(Ok(()))), Ok(()));
	let mut index = 0u8;
	while let Some(error) = ZkError::from_index(index) {
		assert_eq!(error.index(), index);
		assert_eq!(status_to_result(result_to_status(Err(error))), Err(error));
		index += 1;
	}
	assert_eq!(index, 20, "a ZkError variant was added: check the host status mapping");
	// Unknown codes fail closed.
	assert_eq!(status_to_result(1 + 200), Err(ZkError::VerificationFailed));
}

#[test]
fn both_backends_prepare_the_same_stored_key() {
	for fixture in [mul(), neuron()] {
		let vk = fixture.vk.to_bytes().0;
		let in_runtime = InRuntime::prepare_verifying_key(&vk, MAX_INPUTS).unwrap();
		let host = NativeHost::prepare_verifying_key(&vk, MAX_INPUTS).unwrap();
		assert_eq!(in_runtime, host);
		assert_eq!(in_runtime, fixture.prepared.to_storage_bytes());
		assert_eq!(in_runtime.len(), prepared_vk_len(fixture.vk.num_inputs() as u32));
	}
}

#[test]
fn both_backends_refuse_bad_keys_alike() {
	let vk = mul().vk.to_bytes().0;
	let mut trailing = vk.clone();
	trailing.push(0);
	let mut truncated = vk.clone();
	truncated.pop();
	let cases: [(&[u8], u32, ZkError); 3] = [
		(&trailing, MAX_INPUTS, ZkError::TrailingBytes),
		(&truncated, MAX_INPUTS, ZkError::InvalidLength),
		(&vk, 0, ZkError::TooManyInputs),
	];
	for (bytes, max_inputs, expected) in cases {
		assert_eq!(InRuntime::prepare_verifying_key(bytes, max_inputs), Err(expected));
		assert_eq!(NativeHost::prepare_verifying_key(bytes, max_inputs), Err(expected));
	}
}

/// Valid and invalid single proofs: the backends agree with `verify` on the decoded key.
#[test]
fn both_backends_verify_like_the_decoded_api() {
	for fixture in [mul(), neuron()] {
		let stored = fixture.prepared.to_storage_bytes();
		let (proof, inputs) = fixture.statements[0].item();
		let mut tampered = proof;
		tampered.0[10] ^= 1;
		let mut wrong_input = inputs.clone();
		wrong_input[0][0] ^= 1;
		let mut out_of_range = inputs.clone();
		out_of_range[0] = plus_modulus(heliox_zk::decode_scalar(&inputs[0]).unwrap());
		let too_few: Vec<PublicInputBytes> = inputs[1..].to_vec();
		let cases: Vec<(ProofBytes, Vec<PublicInputBytes>)> = vec![
			(proof, inputs.clone()),
			(tampered, inputs.clone()),
			(proof, wrong_input),
			(proof, out_of_range),
			(proof, too_few),
		];
		for (proof, inputs) in &cases {
			let expected = verify(&fixture.prepared, proof, inputs);
			assert_eq!(InRuntime::verify(&stored, proof, inputs), expected);
			assert_eq!(NativeHost::verify(&stored, proof, inputs), expected);
		}
		assert_eq!(InRuntime::verify(&stored, &cases[0].0, &cases[0].1), Ok(()));
	}
}

#[test]
fn both_backends_batch_verify_like_the_decoded_api() {
	let fixture = neuron();
	let stored = fixture.prepared.to_storage_bytes();
	let items = fixture.items();
	let mut bad = items.clone();
	bad[2].1[0][0] ^= 1;
	for (items, expected_ok) in [(&items, true), (&bad, false)] {
		let proofs: Vec<ProofBytes> = items.iter().map(|(proof, _)| *proof).collect();
		let inputs: Vec<PublicInputBytes> =
			items.iter().flat_map(|(_, inputs)| inputs.clone()).collect();
		let expected = verify_batch(&fixture.prepared, items, MAX_BATCH as usize);
		assert_eq!(expected.is_ok(), expected_ok);
		assert_eq!(InRuntime::verify_batch(&stored, &proofs, &inputs, MAX_BATCH), expected);
		assert_eq!(NativeHost::verify_batch(&stored, &proofs, &inputs, MAX_BATCH), expected);
	}
	let proofs: Vec<ProofBytes> = items.iter().map(|(proof, _)| *proof).collect();
	let inputs: Vec<PublicInputBytes> =
		items.iter().flat_map(|(_, inputs)| inputs.clone()).collect();
	// Structural errors of the flat interface.
	assert_eq!(
		NativeHost::verify_batch(&stored, &proofs, &inputs[1..], MAX_BATCH),
		Err(ZkError::PublicInputCountMismatch)
	);
	assert_eq!(NativeHost::verify_batch(&stored, &[], &[], MAX_BATCH), Err(ZkError::EmptyBatch));
	assert_eq!(
		NativeHost::verify_batch(&stored, &proofs, &inputs, proofs.len() as u32 - 1),
		Err(ZkError::BatchTooLarge)
	);
	assert_eq!(
		InRuntime::verify_batch(&stored[1..], &proofs, &inputs, MAX_BATCH),
		Err(ZkError::UnsupportedFormatVersion)
	);
}

/// Synthetic keys (benchmarks) produce proofs that verify, singly and in batches, for any
/// input count, and only for the inputs they were made for.
#[test]
fn synthetic_keys_make_valid_proofs_for_any_input_count() {
	use heliox_zk::synthetic::SyntheticKey;
	for num_inputs in [0u32, 1, 5, 17] {
		let key = SyntheticKey::new(num_inputs, u64::from(num_inputs));
		let stored = NativeHost::prepare_verifying_key(&key.verifying_key_bytes(), 32).unwrap();
		let mut proofs = Vec::new();
		let mut inputs = Vec::new();
		for index in 0..3 {
			let item_inputs = key.inputs(index);
			let proof = key.prove(&item_inputs, index).unwrap();
			assert_eq!(NativeHost::verify(&stored, &proof, &item_inputs), Ok(()));
			proofs.push(proof);
			inputs.extend(item_inputs);
		}
		assert_eq!(NativeHost::verify_batch(&stored, &proofs, &inputs, MAX_BATCH), Ok(()));
		if num_inputs > 0 {
			let other = key.inputs(99);
			assert_eq!(
				NativeHost::verify(&stored, &proofs[0], &other),
				Err(ZkError::VerificationFailed)
			);
		}
	}
}
