//! Real snarkjs output: keys, proofs and public inputs produced by circom 2.2.3 (circom2 0.2.23)
//! and snarkjs 0.7.6 for the circuits in `fixtures/circuits/` (regenerate with
//! `bash primitives/zk/fixtures/generate.sh`; `fixtures/README.md` describes them).
//!
//! Everything here goes through heliox-zk only: the JSON converter, key validation, the
//! prepared key, single and batch verification, statement ids.

use ark_bn254::{Bn254, Fr};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use ark_groth16::Groth16;
use ark_std::rand::{rngs::StdRng, SeedableRng};
use heliox_zk::snarkjs::{
	parse_proof, parse_verifying_key, proof_from_json, public_inputs_from_json,
	verifying_key_from_json, verifying_key_to_json, SnarkjsError,
};
use heliox_zk::{
	decode_public_inputs, encode_scalar, statement_id, validate_vk, verify, verify_batch,
	verify_each, verifying_key_len, vk_id, G2Affine, PreparedVk, Proof, ProofBytes,
	PublicInputBytes, VerifyingKey, ZkError,
};

use crate::support::{plus_modulus, MAX_INPUTS};

const MAX_BATCH: usize = 16;

/// One circuit's committed snarkjs files.
struct SnarkjsFixture {
	name: &'static str,
	verification_key: &'static str,
	proofs: [&'static str; 2],
	publics: [&'static str; 2],
	inputs: [&'static str; 2],
	/// `nPublic` of the key.
	num_inputs: usize,
	/// Hex of the key's [`vk_id`] (`blake2_256` of its canonical encoding). The setup in
	/// `generate.sh` is deterministic, so regenerating the fixtures keeps these values; a change
	/// here means the canonical encoding (or the setup) changed.
	vk_id_hex: &'static str,
}

macro_rules! fixture_file {
	($dir:literal, $file:literal) => {
		include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/", $dir, "/", $file))
	};
}

/// `y = W·x + b` with 4 inputs and 2 outputs, private `W, b` tied to a public model commitment
/// (a placeholder Horner hash, see `fixtures/circuits/dense_layer.circom`).
/// Public signals: `y[0], y[1], model_commitment, x[0..4]`.
const DENSE_LAYER: SnarkjsFixture = SnarkjsFixture {
	name: "dense_layer",
	verification_key: fixture_file!("dense_layer", "verification_key.json"),
	proofs: [
		fixture_file!("dense_layer", "proof.json"),
		fixture_file!("dense_layer", "proof2.json"),
	],
	publics: [
		fixture_file!("dense_layer", "public.json"),
		fixture_file!("dense_layer", "public2.json"),
	],
	inputs: [
		fixture_file!("dense_layer", "input.json"),
		fixture_file!("dense_layer", "input2.json"),
	],
	num_inputs: 7,
	vk_id_hex: "2cdc8b97f8d5d9ff92df9a0d2063d07ba3b20d860a178e4af1e7793a4035ee41",
};

/// `c = a·b` with private `a, b`. Public signals: `c`.
const MUL: SnarkjsFixture = SnarkjsFixture {
	name: "mul",
	verification_key: fixture_file!("mul", "verification_key.json"),
	proofs: [fixture_file!("mul", "proof.json"), fixture_file!("mul", "proof2.json")],
	publics: [fixture_file!("mul", "public.json"), fixture_file!("mul", "public2.json")],
	inputs: [fixture_file!("mul", "input.json"), fixture_file!("mul", "input2.json")],
	num_inputs: 1,
	vk_id_hex: "634cb08c142ed4d62c8130ac66e8a7c58ed040bf3d129643f836687f89de1ab4",
};

const FIXTURES: [&SnarkjsFixture; 2] = [&DENSE_LAYER, &MUL];

/// Indices of the dense layer's public signals (circom: outputs of `main` first, then its public
/// inputs in declaration order).
const DENSE_OUTPUTS: core::ops::Range<usize> = 0..2;
const DENSE_MODEL_COMMITMENT: usize = 2;
const DENSE_INPUTS: core::ops::Range<usize> = 3..7;
/// The circuit's fixed evaluation point of the (Horner) model commitment.
const DENSE_COMMITMENT_POINT: u64 = 1_000_003;

impl SnarkjsFixture {
	fn vk(&self) -> VerifyingKey {
		parse_verifying_key(self.verification_key).expect("snarkjs key converts")
	}

	fn prepared(&self) -> PreparedVk {
		PreparedVk::new(&self.vk(), MAX_INPUTS).expect("snarkjs key validates")
	}

	fn proof(&self, index: usize) -> ProofBytes {
		proof_from_json(self.proofs[index]).expect("snarkjs proof converts")
	}

	fn public(&self, index: usize) -> Vec<PublicInputBytes> {
		public_inputs_from_json(self.publics[index]).expect("snarkjs public inputs convert")
	}

	fn item(&self, index: usize) -> (ProofBytes, Vec<PublicInputBytes>) {
		(self.proof(index), self.public(index))
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A decimal JSON string (possibly negative, as in circom input files) as a field element.
fn fr_from_decimal(value: &serde_json::Value) -> Fr {
	let text = value.as_str().expect("a decimal string");
	let (negative, digits) = match text.strip_prefix('-') {
		Some(digits) => (true, digits),
		None => (false, text),
	};
	let magnitude = digits.bytes().fold(Fr::from(0u8), |acc, digit| {
		assert!(digit.is_ascii_digit(), "{text} is not a decimal");
		acc * Fr::from(10u8) + Fr::from(digit - b'0')
	});
	if negative {
		-magnitude
	} else {
		magnitude
	}
}

#[test]
fn snarkjs_keys_convert_validate_and_have_pinned_ids() {
	for fixture in FIXTURES {
		let vk = fixture.vk();
		assert_eq!(vk.num_inputs(), fixture.num_inputs, "{}", fixture.name);
		let bytes = verifying_key_from_json(fixture.verification_key).expect("converts");
		assert_eq!(bytes, vk.to_bytes());
		assert_eq!(bytes.0.len(), verifying_key_len(fixture.num_inputs as u32));
		assert_eq!(VerifyingKey::from_bytes(&bytes.0), Ok(vk.clone()));
		// What snarkjs writes: γ is the G2 generator, δ comes from the phase-2 contribution.
		assert_eq!(vk.gamma_g2(), &G2Affine::generator());
		assert_ne!(vk.delta_g2(), &G2Affine::generator());
		assert_eq!(validate_vk(&vk, MAX_INPUTS), Ok(()));
		assert_eq!(
			validate_vk(&vk, fixture.num_inputs as u32 - 1),
			Err(ZkError::TooManyInputs),
			"{}",
			fixture.name
		);
		let prepared = PreparedVk::new(&vk, MAX_INPUTS).expect("validates");
		assert_eq!(PreparedVk::from_vk_bytes(&bytes.0, MAX_INPUTS), Ok(prepared.clone()));
		assert_eq!(prepared.num_inputs(), fixture.num_inputs);
		assert_eq!(prepared.vk_id(), &vk_id(&vk));
		// The id pins the canonical encoding of a key produced by real snarkjs.
		assert_eq!(hex(&vk_id(&vk)), fixture.vk_id_hex, "{}", fixture.name);
		// Our exporter writes a key that converts back to the same key (and id).
		assert_eq!(parse_verifying_key(&verifying_key_to_json(&vk)), Ok(vk));
	}
}

#[test]
fn snarkjs_proofs_verify() {
	for fixture in FIXTURES {
		let prepared = fixture.prepared();
		for index in 0..2 {
			let (proof, inputs) = fixture.item(index);
			assert_eq!(inputs.len(), fixture.num_inputs);
			assert_eq!(verify(&prepared, &proof, &inputs), Ok(()), "{} #{index}", fixture.name);
			// The decoded path agrees.
			let decoded = parse_proof(fixture.proofs[index]).expect("converts");
			assert_eq!(decoded.to_bytes(), proof);
			let scalars = decode_public_inputs(&inputs).expect("canonical");
			assert_eq!(heliox_zk::verify_proof(&prepared, &decoded, &scalars), Ok(()));
		}
		// Two different statements.
		assert_ne!(fixture.public(0), fixture.public(1));
	}
}

#[test]
fn snarkjs_proofs_verify_as_a_batch() {
	for fixture in FIXTURES {
		let prepared = fixture.prepared();
		let items = [fixture.item(0), fixture.item(1)];
		assert_eq!(verify_batch(&prepared, &items, MAX_BATCH), Ok(()), "{}", fixture.name);
		assert_eq!(verify_each(&prepared, &items), vec![Ok(()), Ok(())]);
		assert_eq!(verify_batch(&prepared, &items, 1), Err(ZkError::BatchTooLarge));
		// Public inputs swapped between the two proofs: the batch fails as a whole.
		let swapped =
			[(fixture.proof(0), fixture.public(1)), (fixture.proof(1), fixture.public(0))];
		assert_eq!(
			verify_batch(&prepared, &swapped, MAX_BATCH),
			Err(ZkError::BatchVerificationFailed)
		);
		assert_eq!(
			verify_each(&prepared, &swapped),
			vec![Err(ZkError::VerificationFailed), Err(ZkError::VerificationFailed)]
		);
	}
}

#[test]
fn snarkjs_proof_with_the_other_statement_fails() {
	for fixture in FIXTURES {
		let prepared = fixture.prepared();
		assert_eq!(
			verify(&prepared, &fixture.proof(0), &fixture.public(1)),
			Err(ZkError::VerificationFailed),
			"{}",
			fixture.name
		);
		assert_eq!(
			verify(&prepared, &fixture.proof(1), &fixture.public(0)),
			Err(ZkError::VerificationFailed)
		);
	}
	// A proof under the other circuit's key: wrong input count before any pairing.
	assert_eq!(
		verify(&DENSE_LAYER.prepared(), &MUL.proof(0), &MUL.public(0)),
		Err(ZkError::PublicInputCountMismatch)
	);
	assert_eq!(
		verify(&MUL.prepared(), &DENSE_LAYER.proof(0), &MUL.public(0)),
		Err(ZkError::VerificationFailed)
	);
}

#[test]
fn tampered_snarkjs_public_input_fails() {
	for fixture in FIXTURES {
		let prepared = fixture.prepared();
		let (proof, inputs) = fixture.item(0);
		let scalars = decode_public_inputs(&inputs).expect("canonical");
		// Every position: an output, the model commitment, an input of the layer.
		for position in 0..inputs.len() {
			let mut tampered = inputs.clone();
			tampered[position] = encode_scalar(&(scalars[position] + Fr::from(1u8)));
			assert_eq!(
				verify(&prepared, &proof, &tampered),
				Err(ZkError::VerificationFailed),
				"{} position {position}",
				fixture.name
			);
		}
	}
}

#[test]
fn snarkjs_public_input_not_below_r_is_refused() {
	let r = Fr::MODULUS;
	for fixture in FIXTURES {
		let (proof, inputs) = fixture.item(0);
		let scalars = decode_public_inputs(&inputs).expect("canonical");
		let json: Vec<serde_json::Value> =
			serde_json::from_str(fixture.publics[0]).expect("public.json is a JSON array");
		let first = json[0].as_str().expect("decimal string").to_string();
		assert_eq!(first, scalars[0].to_string());
		// x + r is x mod r: the converter refuses it instead of reducing it, and r itself.
		let mut first_plus_r = scalars[0].into_bigint();
		assert!(!first_plus_r.add_with_carry(&r));
		for replacement in [first_plus_r.to_string(), r.to_string()] {
			let mut modified = json.clone();
			modified[0] = serde_json::Value::String(replacement.clone());
			let modified = serde_json::Value::Array(modified).to_string();
			assert_eq!(
				public_inputs_from_json(&modified),
				Err(SnarkjsError::OutOfRange("public")),
				"{} {replacement}",
				fixture.name
			);
		}
		// The same value as bytes: the verifier refuses it before any pairing.
		let mut non_canonical = inputs.clone();
		non_canonical[0] = plus_modulus(scalars[0]);
		assert_eq!(
			verify(&fixture.prepared(), &proof, &non_canonical),
			Err(ZkError::ScalarOutOfRange)
		);
		let id = *fixture.prepared().vk_id();
		assert_eq!(statement_id(&id, &non_canonical), Err(ZkError::ScalarOutOfRange));
	}
}

#[test]
fn rerandomised_snarkjs_proof_verifies_with_the_same_statement_id() {
	let mut rng = StdRng::seed_from_u64(0x534e_4a53);
	for fixture in FIXTURES {
		let vk = fixture.vk();
		let prepared = fixture.prepared();
		let (proof_bytes, inputs) = fixture.item(0);
		let proof = parse_proof(fixture.proofs[0]).expect("converts");
		let rerandomised =
			Groth16::<Bn254>::rerandomize_proof(&vk.to_ark(), &proof.to_ark(), &mut rng);
		let rerandomised = Proof::from_ark(&rerandomised).expect("valid points").to_bytes();
		assert_ne!(rerandomised, proof_bytes);
		assert_eq!(verify(&prepared, &rerandomised, &inputs), Ok(()), "{}", fixture.name);
		// The statement id depends on the key and the inputs only, never on the proof.
		let id = statement_id(prepared.vk_id(), &inputs).expect("canonical");
		assert_eq!(id, statement_id(&vk_id(&vk), &inputs).expect("canonical"));
		let other = statement_id(prepared.vk_id(), &fixture.public(1)).expect("canonical");
		assert_ne!(id, other);
	}
}

/// The dense layer's public signals are where the README says they are, the outputs are
/// `W·x + b` of the private model in `input.json`, and `model_commitment` is the circuit's
/// Horner commitment of `(W, b)` — the same for both proofs (one model, two inputs).
#[test]
fn dense_layer_public_signals_carry_outputs_commitment_and_inputs() {
	let mut commitments = Vec::new();
	for index in 0..2 {
		let public =
			decode_public_inputs(&DENSE_LAYER.public(index)).expect("canonical public inputs");
		let input: serde_json::Value =
			serde_json::from_str(DENSE_LAYER.inputs[index]).expect("input.json is JSON");
		let x: Vec<Fr> = input["x"].as_array().expect("x").iter().map(fr_from_decimal).collect();
		let weights: Vec<Vec<Fr>> = input["W"]
			.as_array()
			.expect("W")
			.iter()
			.map(|row| row.as_array().expect("row").iter().map(fr_from_decimal).collect())
			.collect();
		let bias: Vec<Fr> = input["b"].as_array().expect("b").iter().map(fr_from_decimal).collect();
		assert_eq!((x.len(), weights.len(), bias.len()), (4, 2, 2));

		assert_eq!(&public[DENSE_INPUTS], x.as_slice());
		for (k, position) in DENSE_OUTPUTS.enumerate() {
			let y = weights[k].iter().zip(&x).map(|(w, x)| *w * x).sum::<Fr>() + bias[k];
			assert_eq!(public[position], y, "y[{k}]");
		}
		let point = Fr::from(DENSE_COMMITMENT_POINT);
		let commitment = weights
			.iter()
			.flatten()
			.chain(&bias)
			.fold(Fr::from(0u8), |acc, coefficient| acc * point + coefficient);
		assert_eq!(public[DENSE_MODEL_COMMITMENT], commitment);
		assert_eq!(fr_from_decimal(&input["model_commitment"]), commitment);
		commitments.push(commitment);
	}
	assert_eq!(commitments[0], commitments[1], "one model, two inputs");
}
