//! heliox-zk compiled to Wasm and the native host functions called from Wasm give the same
//! answers as native code, for real snarkjs keys and proofs, synthetic keys of many sizes and
//! every kind of bad input.

use heliox_wasm_test::harness::call;
use heliox_zk::{
	snarkjs::{proof_from_json, public_inputs_from_json, verifying_key_from_json},
	synthetic::SyntheticKey,
	Groth16Backend, InRuntime, ProofBytes, PublicInputBytes, ZkError,
};

const MAX_INPUTS: u32 = 16;
const MAX_BATCH: u32 = 16;

macro_rules! fixture {
	($circuit:literal, $file:literal) => {
		include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../zk/fixtures/", $circuit, "/", $file))
	};
}

/// Prepares in Wasm and through the host; both must equal the native result.
fn prepare_everywhere(vk: &[u8], max_inputs: u32) -> Result<Vec<u8>, ZkError> {
	let native = InRuntime::prepare_verifying_key(vk, max_inputs);
	let in_wasm: Result<Vec<u8>, ZkError> = call("prepare_in_wasm", (vk.to_vec(), max_inputs));
	let host: Result<Vec<u8>, ZkError> = call("prepare_host", (vk.to_vec(), max_inputs));
	assert_eq!(in_wasm, native, "Wasm prepare differs from native");
	assert_eq!(host, native, "host prepare differs from native");
	native
}

fn verify_everywhere(
	prepared: &[u8],
	proof: &ProofBytes,
	inputs: &[PublicInputBytes],
) -> Result<(), ZkError> {
	let native = InRuntime::verify(prepared, proof, inputs);
	let args = (prepared.to_vec(), *proof, inputs.to_vec());
	let in_wasm: Result<(), ZkError> = call("verify_in_wasm", args.clone());
	let host: Result<(), ZkError> = call("verify_host", args);
	assert_eq!(in_wasm, native, "Wasm verify differs from native");
	assert_eq!(host, native, "host verify differs from native");
	native
}

fn batch_everywhere(
	prepared: &[u8],
	proofs: &[ProofBytes],
	inputs: &[PublicInputBytes],
	max_batch: u32,
) -> Result<(), ZkError> {
	let native = InRuntime::verify_batch(prepared, proofs, inputs, max_batch);
	let args = (prepared.to_vec(), proofs.to_vec(), inputs.to_vec(), max_batch);
	let in_wasm: Result<(), ZkError> = call("verify_batch_in_wasm", args.clone());
	let host: Result<(), ZkError> = call("verify_batch_host", args);
	assert_eq!(in_wasm, native, "Wasm batch differs from native");
	assert_eq!(host, native, "host batch differs from native");
	native
}

/// Variations of a valid (proof, inputs): each must get the same verdict everywhere.
fn mutations(
	proof: &ProofBytes,
	inputs: &[PublicInputBytes],
) -> Vec<(ProofBytes, Vec<PublicInputBytes>)> {
	let mut cases = vec![(*proof, inputs.to_vec())];
	for position in [0usize, 31, 32, 63, 64, 100, 191, 192, 255] {
		let mut tampered = *proof;
		tampered.0[position] ^= 0x01;
		cases.push((tampered, inputs.to_vec()));
	}
	let mut flags = *proof;
	flags.0[63] |= 0xc0;
	cases.push((flags, inputs.to_vec()));
	if !inputs.is_empty() {
		let mut wrong = inputs.to_vec();
		wrong[0][5] ^= 0x10;
		cases.push((*proof, wrong));
		let mut out_of_range = inputs.to_vec();
		out_of_range[0] = [0xff; 32];
		cases.push((*proof, out_of_range));
		cases.push((*proof, inputs[1..].to_vec()));
	}
	cases
}

#[test]
fn snarkjs_keys_and_proofs_agree_everywhere() {
	let circuits = [
		(
			fixture!("dense_layer", "verification_key.json"),
			[fixture!("dense_layer", "proof.json"), fixture!("dense_layer", "proof2.json")],
			[fixture!("dense_layer", "public.json"), fixture!("dense_layer", "public2.json")],
		),
		(
			fixture!("mul", "verification_key.json"),
			[fixture!("mul", "proof.json"), fixture!("mul", "proof2.json")],
			[fixture!("mul", "public.json"), fixture!("mul", "public2.json")],
		),
	];
	for (vk, proofs, publics) in circuits {
		let vk = verifying_key_from_json(vk).unwrap();
		let prepared = prepare_everywhere(&vk.0, MAX_INPUTS).unwrap();
		let mut batch_proofs = Vec::new();
		let mut batch_inputs = Vec::new();
		for (proof, public) in proofs.iter().zip(publics) {
			let proof = proof_from_json(proof).unwrap();
			let inputs = public_inputs_from_json(public).unwrap();
			assert_eq!(verify_everywhere(&prepared, &proof, &inputs), Ok(()));
			for (proof, inputs) in mutations(&proof, &inputs).iter().skip(1) {
				assert!(verify_everywhere(&prepared, proof, inputs).is_err());
			}
			batch_proofs.push(proof);
			batch_inputs.extend(inputs);
		}
		assert_eq!(batch_everywhere(&prepared, &batch_proofs, &batch_inputs, MAX_BATCH), Ok(()));
		let mut bad_inputs = batch_inputs.clone();
		bad_inputs[0][0] ^= 1;
		assert!(batch_everywhere(&prepared, &batch_proofs, &bad_inputs, MAX_BATCH).is_err());
	}
}

#[test]
fn synthetic_keys_of_every_size_agree_everywhere() {
	for num_inputs in [0u32, 1, 2, 7, 16] {
		let key = SyntheticKey::new(num_inputs, 7);
		let prepared = prepare_everywhere(&key.verifying_key_bytes(), MAX_INPUTS).unwrap();
		let mut proofs = Vec::new();
		let mut all_inputs = Vec::new();
		for index in 0..3 {
			let inputs = key.inputs(index);
			let proof = key.prove(&inputs, index).unwrap();
			for (proof, inputs) in mutations(&proof, &inputs) {
				let _ = verify_everywhere(&prepared, &proof, &inputs);
			}
			proofs.push(proof);
			all_inputs.extend(inputs);
		}
		// With no inputs the three proofs prove one statement; the batch still verifies.
		assert_eq!(batch_everywhere(&prepared, &proofs, &all_inputs, MAX_BATCH), Ok(()));
		assert_eq!(
			batch_everywhere(&prepared, &proofs, &all_inputs, 2),
			Err(ZkError::BatchTooLarge)
		);
		assert_eq!(batch_everywhere(&prepared, &[], &[], MAX_BATCH), Err(ZkError::EmptyBatch));
	}
}

#[test]
fn bad_keys_are_refused_alike_everywhere() {
	let good = SyntheticKey::new(2, 1).verifying_key_bytes();
	let mut cases = vec![(good.clone(), 1u32)];
	let mut truncated = good.clone();
	truncated.pop();
	cases.push((truncated, MAX_INPUTS));
	let mut trailing = good.clone();
	trailing.push(0);
	cases.push((trailing, MAX_INPUTS));
	for position in [0usize, 40, 64, 130, 200, 330, 460] {
		let mut tampered = good.clone();
		tampered[position] ^= 1;
		cases.push((tampered, MAX_INPUTS));
	}
	let mut gamma_is_delta = good.clone();
	gamma_is_delta.copy_within(192..320, 320);
	cases.push((gamma_is_delta, MAX_INPUTS));
	for (vk, max_inputs) in cases {
		assert!(prepare_everywhere(&vk, max_inputs).is_err());
	}
}
