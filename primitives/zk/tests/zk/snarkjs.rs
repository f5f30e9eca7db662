//! snarkjs JSON conversion: hand-written JSON from the arkworks fixtures, exporter round trips,
//! strict number parsing and the Fq2 order.

use ark_bn254::{Fq, Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInteger, PrimeField};
use heliox_zk::snarkjs::{
	parse_proof, parse_verifying_key, proof_from_json, proof_to_json, public_inputs_from_json,
	public_inputs_to_json, verifying_key_from_json, verifying_key_to_json, SnarkjsError,
};
use heliox_zk::{verify, PreparedVk, VerifyingKey, ZkError};

use crate::support::{self, MAX_INPUTS};

/// snarkjs' G1 form written by hand with arkworks' decimal `Display` (independent of the
/// module's exporter).
fn g1(point: &G1Affine) -> String {
	format!(r#"["{}","{}","1"]"#, point.x, point.y)
}

fn g2(point: &G2Affine) -> String {
	format!(
		r#"[["{}","{}"],["{}","{}"],["1","0"]]"#,
		point.x.c0, point.x.c1, point.y.c0, point.y.c1
	)
}

fn vk_json(vk: &VerifyingKey, n_public: usize) -> String {
	let ic: Vec<String> = vk.ic().iter().map(g1).collect();
	format!(
		concat!(
			r#"{{"protocol":"groth16","curve":"bn128","nPublic":{},"vk_alpha_1":{},"#,
			r#""vk_beta_2":{},"vk_gamma_2":{},"vk_delta_2":{},"vk_alphabeta_12":[],"IC":[{}]}}"#,
		),
		n_public,
		g1(vk.alpha_g1()),
		g2(vk.beta_g2()),
		g2(vk.gamma_g2()),
		g2(vk.delta_g2()),
		ic.join(",")
	)
}

fn proof_json(proof: &ark_groth16::Proof<ark_bn254::Bn254>) -> String {
	format!(
		r#"{{"pi_a":{},"pi_b":{},"pi_c":{},"protocol":"groth16","curve":"bn128"}}"#,
		g1(&proof.a),
		g2(&proof.b),
		g1(&proof.c)
	)
}

fn public_json(inputs: &[Fr]) -> String {
	let inputs: Vec<String> = inputs.iter().map(|input| format!(r#""{input}""#)).collect();
	format!("[{}]", inputs.join(","))
}

#[test]
fn handwritten_snarkjs_json_converts_and_verifies() {
	for fixture in [support::mul(), support::neuron()] {
		let vk_bytes = verifying_key_from_json(&vk_json(&fixture.vk, fixture.vk.num_inputs()))
			.expect("valid key JSON");
		assert_eq!(vk_bytes, fixture.vk.to_bytes());
		let prepared = PreparedVk::from_vk_bytes(&vk_bytes.0, MAX_INPUTS).expect("valid key");
		for statement in &fixture.statements {
			let proof = proof_from_json(&proof_json(&statement.proof)).expect("valid proof JSON");
			assert_eq!(proof, statement.proof_bytes());
			let inputs =
				public_inputs_from_json(&public_json(&statement.inputs)).expect("valid inputs");
			assert_eq!(inputs, statement.input_bytes());
			assert_eq!(verify(&prepared, &proof, &inputs), Ok(()));
		}
	}
}

#[test]
fn exporter_round_trips() {
	let fixture = support::neuron();
	let vk = parse_verifying_key(&verifying_key_to_json(&fixture.vk)).expect("own output");
	assert_eq!(vk, fixture.vk);
	for statement in &fixture.statements {
		let proof = heliox_zk::Proof::from_ark(&statement.proof).expect("valid");
		assert_eq!(parse_proof(&proof_to_json(&proof)), Ok(proof));
		let inputs = public_inputs_from_json(&public_inputs_to_json(&statement.inputs));
		assert_eq!(inputs, Ok(statement.input_bytes()));
	}
	// An IC point at infinity uses snarkjs' projective zero.
	let with_identity = VerifyingKey::new(
		*fixture.vk.alpha_g1(),
		*fixture.vk.beta_g2(),
		*fixture.vk.gamma_g2(),
		*fixture.vk.delta_g2(),
		vec![G1Affine::zero(), fixture.vk.ic()[1]],
	)
	.expect("valid points");
	let json = verifying_key_to_json(&with_identity);
	assert!(json.contains(r#"["0","1","0"]"#));
	assert_eq!(parse_verifying_key(&json), Ok(with_identity));
}

#[test]
fn snarkjs_gamma_is_the_g2_generator_and_solidity_order_is_swapped() {
	// γ of every snarkjs key as written in its Solidity verifiers: gammax1 = x.c1,
	// gammax2 = x.c0, gammay1 = y.c1, gammay2 = y.c0.
	let (x1, x2) = (
		"11559732032986387107991004021392285783925812861821192530917403151452391805634",
		"10857046999023057135944570762232829481370756359578518086990519993285655852781",
	);
	let (y1, y2) = (
		"4082367875863433681332203403145435568316851327593401208105741076214120093531",
		"8495653923123431417604973247489272438418190587263600148770280649306958101930",
	);
	let fixture = support::mul();
	let snarkjs_order = format!(r#"[["{x2}","{x1}"],["{y2}","{y1}"],["1","0"]]"#);
	let json = vk_json(&fixture.vk, 1).replace(&g2(fixture.vk.gamma_g2()), &snarkjs_order);
	let vk = parse_verifying_key(&json).expect("the generator is a valid point");
	assert_eq!(vk.gamma_g2(), &G2Affine::generator());

	let solidity_order = format!(r#"[["{x1}","{x2}"],["{y1}","{y2}"],["1","0"]]"#);
	let json = vk_json(&fixture.vk, 1).replace(&g2(fixture.vk.gamma_g2()), &solidity_order);
	assert_eq!(parse_verifying_key(&json), Err(SnarkjsError::Invalid(ZkError::PointNotOnCurve)));
}

#[test]
fn numbers_must_be_canonical_decimals_below_the_modulus() {
	let q = Fq::MODULUS.to_string();
	let r = Fr::MODULUS.to_string();
	let statement = &support::mul().statements[0];
	let x = statement.proof.a.x.to_string();
	let with_a_x = |replacement: &str| {
		proof_json(&statement.proof).replacen(&format!(r#""{x}""#), replacement, 1)
	};
	assert_eq!(
		proof_from_json(&with_a_x(&format!(r#""{q}""#))),
		Err(SnarkjsError::OutOfRange("pi_a"))
	);
	// x + q is x mod q, but it is refused, not reduced.
	let mut x_plus_q = statement.proof.a.x.into_bigint();
	assert!(!x_plus_q.add_with_carry(&Fq::MODULUS));
	assert_eq!(
		proof_from_json(&with_a_x(&format!(r#""{x_plus_q}""#))),
		Err(SnarkjsError::OutOfRange("pi_a"))
	);
	for bad in [
		format!(r#""0{x}""#),
		format!(r#""+{x}""#),
		format!(r#""-{x}""#),
		"\"0x1\"".into(),
		"\"\"".into(),
		"\"1 \"".into(),
	] {
		assert_eq!(
			proof_from_json(&with_a_x(&bad)),
			Err(SnarkjsError::InvalidNumber("pi_a")),
			"{bad}"
		);
	}
	assert_eq!(proof_from_json(&with_a_x("7")), Err(SnarkjsError::WrongShape("pi_a")));
	let too_big = "9".repeat(100);
	assert_eq!(
		proof_from_json(&with_a_x(&format!(r#""{too_big}""#))),
		Err(SnarkjsError::OutOfRange("pi_a"))
	);

	assert_eq!(
		public_inputs_from_json(&format!(r#"["{r}"]"#)),
		Err(SnarkjsError::OutOfRange("public"))
	);
	let r_minus_one = (-Fr::from(1u8)).to_string();
	assert!(public_inputs_from_json(&format!(r#"["{r_minus_one}","0"]"#)).is_ok());
	assert_eq!(public_inputs_from_json("{}"), Err(SnarkjsError::WrongShape("public")));
	assert!(matches!(public_inputs_from_json("[1,"), Err(SnarkjsError::Json(_))));
}

#[test]
fn structure_is_checked() {
	let fixture = support::neuron();
	let json = vk_json(&fixture.vk, 3);
	assert_eq!(
		parse_verifying_key(&vk_json(&fixture.vk, 2)),
		Err(SnarkjsError::Invalid(ZkError::IcLengthMismatch))
	);
	assert_eq!(
		parse_verifying_key(&json.replace(r#""curve":"bn128""#, r#""curve":"bls12381""#)),
		Err(SnarkjsError::UnsupportedCurve("bls12381".into()))
	);
	assert_eq!(
		parse_verifying_key(&json.replace(r#""protocol":"groth16""#, r#""protocol":"plonk""#)),
		Err(SnarkjsError::UnsupportedProtocol("plonk".into()))
	);
	assert_eq!(
		parse_verifying_key(&json.replace("\"IC\"", "\"ic\"")),
		Err(SnarkjsError::MissingField("IC"))
	);
	let statement = &fixture.statements[0];
	let proof = proof_json(&statement.proof);
	// A non-affine z.
	let projective = proof.replacen(r#""1"]"#, r#""2"]"#, 1);
	assert_eq!(proof_from_json(&projective), Err(SnarkjsError::NotAffine("pi_a")));
	// Infinity in a proof.
	let at_infinity = proof.replacen(&g1(&statement.proof.a), r#"["0","1","0"]"#, 1);
	assert_eq!(proof_from_json(&at_infinity), Err(SnarkjsError::Invalid(ZkError::PointAtInfinity)));
	// A G2 point outside the subgroup.
	let outside =
		proof.replacen(&g2(&statement.proof.b), &g2(&support::g2_point_outside_subgroup()), 1);
	assert_eq!(proof_from_json(&outside), Err(SnarkjsError::Invalid(ZkError::PointNotInSubgroup)));
}
