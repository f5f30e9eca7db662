//! Test circuits, fixed-seed trusted setups and proofs shared by the tests.

use std::sync::OnceLock;

use ark_bn254::{Bn254, Fq, Fr, G1Projective, G2Affine, G2Projective};
use ark_ec::{short_weierstrass::Affine, PrimeGroup};
use ark_ff::{BigInt, BigInteger, Field, PrimeField, UniformRand};
use ark_groth16::{Groth16, ProvingKey};
use ark_relations::lc;
use ark_relations::r1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};
use ark_std::rand::{rngs::StdRng, SeedableRng};
use heliox_zk::{encode_scalar, PreparedVk, Proof, ProofBytes, PublicInputBytes, VerifyingKey};

/// The maximum number of public inputs the tests register keys with.
pub const MAX_INPUTS: u32 = 16;

fn missing() -> SynthesisError {
	SynthesisError::AssignmentMissing
}

/// `x · y = z` with private `x, y` and public `z`.
#[derive(Clone, Default)]
pub struct MulCircuit {
	pub x: Option<Fr>,
	pub y: Option<Fr>,
}

impl ConstraintSynthesizer<Fr> for MulCircuit {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		let x = cs.new_witness_variable(|| self.x.ok_or_else(missing))?;
		let y = cs.new_witness_variable(|| self.y.ok_or_else(missing))?;
		let z = cs
			.new_input_variable(|| Ok(self.x.ok_or_else(missing)? * self.y.ok_or_else(missing)?))?;
		cs.enforce_constraint(lc!() + x, lc!() + y, lc!() + z)
	}
}

/// A dense-layer-like neuron: public inputs `a₀, a₁` and output `out`, private weights `w₀, w₁`
/// and bias `b`: `out = w₀·a₀ + w₁·a₁ + b` (three public inputs).
#[derive(Clone, Default)]
pub struct NeuronCircuit {
	pub activations: Option<[Fr; 2]>,
	pub weights: Option<[Fr; 2]>,
	pub bias: Option<Fr>,
}

impl NeuronCircuit {
	pub fn output(&self) -> Option<Fr> {
		let (a, w, b) = (self.activations?, self.weights?, self.bias?);
		Some(w[0] * a[0] + w[1] * a[1] + b)
	}
}

impl ConstraintSynthesizer<Fr> for NeuronCircuit {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		let output = self.output();
		let a0 = cs.new_input_variable(|| Ok(self.activations.ok_or_else(missing)?[0]))?;
		let a1 = cs.new_input_variable(|| Ok(self.activations.ok_or_else(missing)?[1]))?;
		let out = cs.new_input_variable(|| output.ok_or_else(missing))?;
		let w0 = cs.new_witness_variable(|| Ok(self.weights.ok_or_else(missing)?[0]))?;
		let w1 = cs.new_witness_variable(|| Ok(self.weights.ok_or_else(missing)?[1]))?;
		let b = cs.new_witness_variable(|| self.bias.ok_or_else(missing))?;
		let p0 = cs.new_witness_variable(|| {
			Ok(self.weights.ok_or_else(missing)?[0] * self.activations.ok_or_else(missing)?[0])
		})?;
		let p1 = cs.new_witness_variable(|| {
			Ok(self.weights.ok_or_else(missing)?[1] * self.activations.ok_or_else(missing)?[1])
		})?;
		cs.enforce_constraint(lc!() + w0, lc!() + a0, lc!() + p0)?;
		cs.enforce_constraint(lc!() + w1, lc!() + a1, lc!() + p1)?;
		cs.enforce_constraint(
			lc!() + p0 + p1 + b,
			lc!() + ark_relations::r1cs::Variable::One,
			lc!() + out,
		)
	}
}

/// One proven statement: the proof, its public inputs as field elements and as bytes.
#[derive(Clone)]
pub struct Statement {
	pub proof: ark_groth16::Proof<Bn254>,
	pub inputs: Vec<Fr>,
}

impl Statement {
	pub fn proof_bytes(&self) -> ProofBytes {
		Proof::from_ark(&self.proof).expect("generated proofs are valid").to_bytes()
	}

	pub fn input_bytes(&self) -> Vec<PublicInputBytes> {
		self.inputs.iter().map(encode_scalar).collect()
	}

	pub fn item(&self) -> (ProofBytes, Vec<PublicInputBytes>) {
		(self.proof_bytes(), self.input_bytes())
	}
}

/// A key with its proving key and some proven statements.
pub struct Fixture {
	pub proving_key: ProvingKey<Bn254>,
	pub vk: VerifyingKey,
	pub prepared: PreparedVk,
	pub statements: Vec<Statement>,
}

impl Fixture {
	pub fn ark_vk(&self) -> &ark_groth16::VerifyingKey<Bn254> {
		&self.proving_key.vk
	}

	pub fn items(&self) -> Vec<(ProofBytes, Vec<PublicInputBytes>)> {
		self.statements.iter().map(Statement::item).collect()
	}
}

fn fixture_from_key(proving_key: ProvingKey<Bn254>, statements: Vec<Statement>) -> Fixture {
	let vk = VerifyingKey::from_ark(&proving_key.vk).expect("generated keys are valid");
	let prepared = PreparedVk::new(&vk, MAX_INPUTS).expect("generated keys validate");
	Fixture { proving_key, vk, prepared, statements }
}

fn prove<C: ConstraintSynthesizer<Fr>>(
	circuit: C,
	proving_key: &ProvingKey<Bn254>,
	rng: &mut StdRng,
) -> ark_groth16::Proof<Bn254> {
	Groth16::<Bn254>::create_random_proof_with_reduction(circuit, proving_key, rng)
		.expect("the witness satisfies the circuit")
}

/// `x·y = z`: eight proofs for `(x, y) = (k + 2, 3k + 5)`, `k = 0..8`.
pub fn mul() -> &'static Fixture {
	static FIXTURE: OnceLock<Fixture> = OnceLock::new();
	FIXTURE.get_or_init(|| {
		let mut rng = StdRng::seed_from_u64(0x4d55_4c00);
		let proving_key = Groth16::<Bn254>::generate_random_parameters_with_reduction(
			MulCircuit::default(),
			&mut rng,
		)
		.expect("setup");
		let statements = (0u64..8)
			.map(|k| {
				let (x, y) = (Fr::from(k + 2), Fr::from(3 * k + 5));
				let proof = prove(MulCircuit { x: Some(x), y: Some(y) }, &proving_key, &mut rng);
				Statement { proof, inputs: vec![x * y] }
			})
			.collect();
		fixture_from_key(proving_key, statements)
	})
}

/// The neuron circuit: four proofs with different activations, weights and biases.
pub fn neuron() -> &'static Fixture {
	static FIXTURE: OnceLock<Fixture> = OnceLock::new();
	FIXTURE.get_or_init(|| {
		let mut rng = StdRng::seed_from_u64(0x4e45_5552);
		let proving_key = Groth16::<Bn254>::generate_random_parameters_with_reduction(
			NeuronCircuit::default(),
			&mut rng,
		)
		.expect("setup");
		let statements = (0u64..4)
			.map(|k| {
				let circuit = NeuronCircuit {
					activations: Some([Fr::from(k + 1), Fr::from(7 * k + 3)]),
					weights: Some([Fr::from(5u64), -Fr::from(2 + k)]),
					bias: Some(Fr::from(11 * k)),
				};
				let output = circuit.output().expect("complete witness");
				let inputs = vec![Fr::from(k + 1), Fr::from(7 * k + 3), output];
				Statement { proof: prove(circuit, &proving_key, &mut rng), inputs }
			})
			.collect();
		fixture_from_key(proving_key, statements)
	})
}

/// The multiplication circuit set up snarkjs-style: γ = 1 (the G2 generator), random δ.
pub fn mul_with_generator_gamma() -> &'static Fixture {
	static FIXTURE: OnceLock<Fixture> = OnceLock::new();
	FIXTURE.get_or_init(|| {
		let mut rng = StdRng::seed_from_u64(0x534e_4b4a);
		let (alpha, beta, delta) = (Fr::rand(&mut rng), Fr::rand(&mut rng), Fr::rand(&mut rng));
		let proving_key = Groth16::<Bn254>::generate_parameters_with_qap(
			MulCircuit::default(),
			alpha,
			beta,
			Fr::ONE,
			delta,
			G1Projective::generator(),
			G2Projective::generator(),
			&mut rng,
		)
		.expect("setup");
		let (x, y) = (Fr::from(6u64), Fr::from(7u64));
		let proof = prove(MulCircuit { x: Some(x), y: Some(y) }, &proving_key, &mut rng);
		fixture_from_key(proving_key, vec![Statement { proof, inputs: vec![x * y] }])
	})
}

/// Little-endian bytes of a 256-bit integer.
pub fn le_bytes(value: &BigInt<4>) -> [u8; 32] {
	let mut bytes = [0u8; 32];
	bytes.copy_from_slice(&value.to_bytes_le());
	bytes
}

/// `value + modulus` as 256-bit little-endian bytes (fits for every BN254 field element).
pub fn plus_modulus<F: PrimeField<BigInt = BigInt<4>>>(value: F) -> [u8; 32] {
	let mut sum = value.into_bigint();
	let carry = sum.add_with_carry(&F::MODULUS);
	assert!(!carry, "value + modulus fits in 256 bits");
	le_bytes(&sum)
}

/// A point on the G2 curve E'(Fq2) outside the prime-order subgroup, found by
/// try-and-increment on `x = i` (`x ∈ Fq ⊂ Fq2`) until `x³ + b'` is a square.
pub fn g2_point_outside_subgroup() -> G2Affine {
	let mut i = 1u64;
	loop {
		let x = ark_bn254::Fq2::new(Fq::from(i), Fq::from(0u8));
		if let Some(point) = Affine::<ark_bn254::g2::Config>::get_point_from_x_unchecked(x, false) {
			if !point.is_in_correct_subgroup_assuming_on_curve() {
				return point;
			}
		}
		i += 1;
	}
}
