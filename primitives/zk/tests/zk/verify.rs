//! Single and batch verification with real proofs.

use ark_bn254::{Bn254, Fr, G1Affine, G1Projective};
use ark_ec::{AffineRepr, CurveGroup};
use ark_groth16::Groth16;
use ark_std::rand::{rngs::StdRng, SeedableRng};
use heliox_zk::encoding::encode_g1;
use heliox_zk::{
	batch_coefficients, encode_scalar, statement_id, verify, verify_batch, verify_each,
	verify_proof, Proof, ProofBytes, PublicInputBytes, ZkError,
};
use proptest::prelude::*;

use crate::support::{self, plus_modulus, Fixture};

const MAX_BATCH: usize = 16;

fn oracle(fixture: &Fixture, proof: &ark_groth16::Proof<Bn254>, inputs: &[Fr]) -> bool {
	let prepared = ark_groth16::prepare_verifying_key(fixture.ark_vk());
	Groth16::<Bn254>::verify_proof(&prepared, proof, inputs).expect("input count matches")
}

#[test]
fn valid_proofs_verify() {
	for fixture in [support::mul(), support::neuron()] {
		for statement in &fixture.statements {
			assert!(oracle(fixture, &statement.proof, &statement.inputs));
			assert_eq!(
				verify(&fixture.prepared, &statement.proof_bytes(), &statement.input_bytes()),
				Ok(())
			);
			let proof = Proof::from_ark(&statement.proof).expect("valid points");
			assert_eq!(verify_proof(&fixture.prepared, &proof, &statement.inputs), Ok(()));
		}
	}
}

#[test]
fn tampered_proofs_fail() {
	let fixture = support::mul();
	let statement = &fixture.statements[0];
	let inputs = statement.input_bytes();
	let proof = &statement.proof;

	// A + G: still a valid point, no longer a valid proof.
	let shifted_a = (proof.a + G1Affine::generator()).into_affine();
	let tampered = ProofBytes::from_slice(
		&[&encode_g1(&shifted_a)[..], &statement.proof_bytes().0[64..]].concat(),
	)
	.expect("256 bytes");
	assert_eq!(verify(&fixture.prepared, &tampered, &inputs), Err(ZkError::VerificationFailed));

	// A and C swapped.
	let swapped = Proof::new(proof.c, proof.b, proof.a).expect("valid points").to_bytes();
	assert_eq!(verify(&fixture.prepared, &swapped, &inputs), Err(ZkError::VerificationFailed));

	// Another statement's proof.
	let other = fixture.statements[1].proof_bytes();
	assert_eq!(verify(&fixture.prepared, &other, &inputs), Err(ZkError::VerificationFailed));

	// A proof under another key.
	let neuron = support::neuron();
	assert_eq!(
		verify(&neuron.prepared, &statement.proof_bytes(), &neuron.statements[0].input_bytes()),
		Err(ZkError::VerificationFailed)
	);
}

#[test]
fn wrong_public_inputs_fail() {
	let fixture = support::neuron();
	let statement = &fixture.statements[2];
	let proof = statement.proof_bytes();
	for index in 0..3 {
		let mut inputs = statement.inputs.clone();
		inputs[index] += Fr::from(1u8);
		let inputs: Vec<PublicInputBytes> = inputs.iter().map(encode_scalar).collect();
		assert_eq!(verify(&fixture.prepared, &proof, &inputs), Err(ZkError::VerificationFailed));
	}
	let inputs = statement.input_bytes();
	assert_eq!(
		verify(&fixture.prepared, &proof, &inputs[..2]),
		Err(ZkError::PublicInputCountMismatch)
	);
	let mut longer = inputs.clone();
	longer.push([0; 32]);
	assert_eq!(verify(&fixture.prepared, &proof, &longer), Err(ZkError::PublicInputCountMismatch));
}

#[test]
fn rerandomised_proof_verifies_with_the_same_statement_id() {
	// Groth16 is malleable: a fresh proof of the same statement from an old one, no witness.
	let fixture = support::mul();
	let statement = &fixture.statements[3];
	let mut rng = StdRng::seed_from_u64(7);
	let rerandomised =
		Groth16::<Bn254>::rerandomize_proof(fixture.ark_vk(), &statement.proof, &mut rng);
	let bytes = Proof::from_ark(&rerandomised).expect("valid points").to_bytes();
	assert_ne!(bytes, statement.proof_bytes());
	assert_eq!(verify(&fixture.prepared, &bytes, &statement.input_bytes()), Ok(()));
	// Hence statement ids hash the key and the inputs only.
	let id = statement_id(fixture.prepared.vk_id(), &statement.input_bytes()).expect("canonical");
	assert_eq!(id, statement_id(fixture.prepared.vk_id(), &statement.input_bytes()).expect("ok"));
	let other =
		statement_id(fixture.prepared.vk_id(), &fixture.statements[4].input_bytes()).expect("ok");
	assert_ne!(id, other);
	assert_eq!(
		statement_id(fixture.prepared.vk_id(), &[plus_modulus(statement.inputs[0])]),
		Err(ZkError::ScalarOutOfRange)
	);
}

#[test]
fn batches_of_valid_proofs_verify() {
	let fixture = support::mul();
	let items = fixture.items();
	assert_eq!(verify_batch(&fixture.prepared, &items[..1], MAX_BATCH), Ok(()));
	assert_eq!(verify_batch(&fixture.prepared, &items, MAX_BATCH), Ok(()));
	let neuron = support::neuron();
	assert_eq!(verify_batch(&neuron.prepared, &neuron.items(), MAX_BATCH), Ok(()));
	// The same proof twice is fine too.
	let twice = vec![items[2].clone(), items[2].clone()];
	assert_eq!(verify_batch(&fixture.prepared, &twice, MAX_BATCH), Ok(()));
}

#[test]
fn batch_with_one_bad_proof_fails_and_verify_each_finds_it() {
	let fixture = support::mul();
	let mut items = fixture.items();
	items[5].1[0] = encode_scalar(&(fixture.statements[5].inputs[0] + Fr::from(1u8)));
	assert_eq!(
		verify_batch(&fixture.prepared, &items, MAX_BATCH),
		Err(ZkError::BatchVerificationFailed)
	);
	let results = verify_each(&fixture.prepared, &items);
	let failed: Vec<usize> = results
		.iter()
		.enumerate()
		.filter_map(|(index, result)| result.is_err().then_some(index))
		.collect();
	assert_eq!(failed, vec![5]);
	assert_eq!(results[5], Err(ZkError::VerificationFailed));

	// Two proofs swapped between statements: each wrong, and so the batch.
	let mut items = fixture.items();
	let first_proof = items[0].0;
	items[0].0 = items[1].0;
	items[1].0 = first_proof;
	assert_eq!(
		verify_batch(&fixture.prepared, &items, MAX_BATCH),
		Err(ZkError::BatchVerificationFailed)
	);
}

#[test]
fn batch_limits_and_decoding_errors() {
	let fixture = support::mul();
	let items = fixture.items();
	let empty: Vec<(ProofBytes, Vec<PublicInputBytes>)> = Vec::new();
	assert_eq!(verify_batch(&fixture.prepared, &empty, MAX_BATCH), Err(ZkError::EmptyBatch));
	assert_eq!(verify_batch(&fixture.prepared, &items, 7), Err(ZkError::BatchTooLarge));
	assert_eq!(verify_batch(&fixture.prepared, &items, 8), Ok(()));
	let mut single_bad = vec![items[0].clone()];
	single_bad[0].1[0] = items[1].1[0];
	assert_eq!(
		verify_batch(&fixture.prepared, &single_bad, MAX_BATCH),
		Err(ZkError::BatchVerificationFailed)
	);

	let mut aliased = items.clone();
	aliased[3].1[0] = plus_modulus(fixture.statements[3].inputs[0]);
	assert_eq!(
		verify_batch(&fixture.prepared, &aliased, MAX_BATCH),
		Err(ZkError::ScalarOutOfRange)
	);
	let mut short = items.clone();
	short[6].1.clear();
	assert_eq!(
		verify_batch(&fixture.prepared, &short, MAX_BATCH),
		Err(ZkError::PublicInputCountMismatch)
	);
	let mut off_curve = items;
	off_curve[1].0 .0[0] ^= 1;
	assert_eq!(
		verify_batch(&fixture.prepared, &off_curve, MAX_BATCH),
		Err(ZkError::PointNotOnCurve)
	);
}

#[test]
fn batch_coefficients_bind_every_proof_and_input() {
	let fixture = support::mul();
	let items = fixture.items();
	let vk_id = fixture.prepared.vk_id();
	let coefficients = batch_coefficients(vk_id, &items);
	assert_eq!(coefficients.len(), items.len());
	assert_eq!(coefficients, batch_coefficients(vk_id, &items));
	assert!(coefficients.iter().all(|&coefficient| coefficient != 0));
	let mut changed = items.clone();
	changed[7].1[0][0] ^= 1;
	assert_ne!(batch_coefficients(vk_id, &changed)[0], coefficients[0]);
	let mut reordered = items;
	reordered.swap(0, 1);
	assert_ne!(batch_coefficients(vk_id, &reordered)[0], coefficients[0]);
	assert_ne!(batch_coefficients(&[0; 32], &fixture.items())[0], coefficients[0]);
}

#[test]
fn errors_that_cancel_between_proofs_do_not_pass_a_batch() {
	// The same proof twice, once with A + G and once with A − G: with equal coefficients the
	// product e(A + G, B)·e(A − G, B) = e(A, B)² would pass; random coefficients stop it.
	let fixture = support::mul();
	let statement = &fixture.statements[0];
	let shifted_up = (statement.proof.a + G1Affine::generator()).into_affine();
	let shifted_down =
		(G1Projective::from(statement.proof.a) - G1Affine::generator()).into_affine();
	let mut items = vec![statement.item(), statement.item()];
	items[0].0 .0[..64].copy_from_slice(&encode_g1(&shifted_up));
	items[1].0 .0[..64].copy_from_slice(&encode_g1(&shifted_down));
	assert_eq!(
		verify_batch(&fixture.prepared, &items, MAX_BATCH),
		Err(ZkError::BatchVerificationFailed)
	);
	assert!(verify_each(&fixture.prepared, &items).iter().all(Result::is_err));
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

	/// On random small batches with random bad items, the batch verdict is the AND of the
	/// single verdicts.
	#[test]
	fn batch_verdict_is_the_and_of_single_verdicts(
		picks in prop::collection::vec((0usize..8, prop::bool::weighted(0.2)), 1..5),
	) {
		let fixture = support::mul();
		let items: Vec<(ProofBytes, Vec<PublicInputBytes>)> = picks
			.iter()
			.map(|&(index, corrupt)| {
				let statement = &fixture.statements[index];
				let (proof, mut inputs) = statement.item();
				if corrupt {
					inputs[0] = encode_scalar(&(statement.inputs[0] + Fr::from(3u8)));
				}
				(proof, inputs)
			})
			.collect();
		let all_valid = verify_each(&fixture.prepared, &items).iter().all(Result::is_ok);
		let batch = verify_batch(&fixture.prepared, &items, MAX_BATCH);
		prop_assert_eq!(batch.is_ok(), all_valid);
		prop_assert_eq!(all_valid, picks.iter().all(|&(_, corrupt)| !corrupt));
	}
}
