//! Rough native timings of verification (run with `--release`):
//!
//! ```text
//! cargo run --release -p heliox-zk --example timing
//! ```
//!
//! Proves `x·y = z` many times with a fixed-seed setup, then times key preparation, storage
//! decoding, single verification and batches. Single-machine wall-clock numbers, no
//! statistics: for orientation only.

use std::time::{Duration, Instant};

use ark_bn254::{Bn254, Fr};
use ark_groth16::Groth16;
use ark_relations::lc;
use ark_relations::r1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};
use ark_std::rand::{rngs::StdRng, SeedableRng};
use heliox_zk::{
	encode_scalar, verify, verify_batch, PreparedVk, Proof, ProofBytes, PublicInputBytes,
	VerifyingKey,
};

#[derive(Clone, Default)]
struct MulCircuit {
	x: Option<Fr>,
	y: Option<Fr>,
}

impl ConstraintSynthesizer<Fr> for MulCircuit {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		let missing = || SynthesisError::AssignmentMissing;
		let x = cs.new_witness_variable(|| self.x.ok_or_else(missing))?;
		let y = cs.new_witness_variable(|| self.y.ok_or_else(missing))?;
		let z = cs
			.new_input_variable(|| Ok(self.x.ok_or_else(missing)? * self.y.ok_or_else(missing)?))?;
		cs.enforce_constraint(lc!() + x, lc!() + y, lc!() + z)
	}
}

fn time<T>(repetitions: u32, mut run: impl FnMut() -> T) -> Duration {
	let start = Instant::now();
	for _ in 0..repetitions {
		std::hint::black_box(run());
	}
	start.elapsed() / repetitions
}

fn main() {
	let mut rng = StdRng::seed_from_u64(1);
	let proving_key = Groth16::<Bn254>::generate_random_parameters_with_reduction(
		MulCircuit::default(),
		&mut rng,
	)
	.expect("setup");
	let items: Vec<(ProofBytes, Vec<PublicInputBytes>)> = (0u64..256)
		.map(|k| {
			let (x, y) = (Fr::from(k + 2), Fr::from(k + 3));
			let circuit = MulCircuit { x: Some(x), y: Some(y) };
			let proof = Groth16::<Bn254>::create_random_proof_with_reduction(
				circuit,
				&proving_key,
				&mut rng,
			)
			.expect("prove");
			let proof = Proof::from_ark(&proof).expect("valid").to_bytes();
			(proof, vec![encode_scalar(&(x * y))])
		})
		.collect();
	let vk = VerifyingKey::from_ark(&proving_key.vk).expect("valid");
	let vk_bytes = vk.to_bytes();
	let prepared = PreparedVk::new(&vk, 16).expect("valid key");
	let stored = prepared.to_storage_bytes();

	println!("verifying key: {} bytes, prepared key: {} bytes", vk_bytes.0.len(), stored.len());
	println!(
		"prepare from vk bytes: {:?}",
		time(20, || PreparedVk::from_vk_bytes(&vk_bytes.0, 16))
	);
	println!(
		"prepared key from storage bytes: {:?}",
		time(100, || PreparedVk::from_storage_bytes(&stored))
	);
	println!(
		"decode proof (incl. G2 subgroup check): {:?}",
		time(100, || Proof::from_bytes(&items[0].0))
	);
	let single = time(100, || verify(&prepared, &items[0].0, &items[0].1));
	println!("single verify (1 input): {single:?}");
	for size in [1usize, 8, 64, 256] {
		let batch = &items[..size];
		let repetitions = if size > 64 { 3 } else { 10 };
		let elapsed =
			time(repetitions, || verify_batch(&prepared, batch, 256).expect("valid batch"));
		println!(
			"batch of {size:>3}: {elapsed:?} total, {:?} per proof ({:.1}x faster than single)",
			elapsed / size as u32,
			single.as_secs_f64() * size as f64 / elapsed.as_secs_f64()
		);
	}
}
