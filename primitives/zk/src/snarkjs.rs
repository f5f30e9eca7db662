//! Conversion between snarkjs JSON (the de facto Groth16 interchange format of circom) and the
//! canonical encodings of this crate (`std` only: for tools, tests and off-chain services).
//!
//! snarkjs writes every number as a decimal string and points in projective form:
//!
//! ```text
//! G1: [x, y, "1"]                                   infinity: ["0", "1", "0"]
//! G2: [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]      infinity: [["0","0"], ["1","0"], ["0","0"]]
//! verification_key.json: { protocol: "groth16", curve: "bn128", nPublic,
//!                          vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, IC: [G1…], … }
//! proof.json:            { pi_a, pi_b, pi_c, protocol, curve }
//! public.json:           [ "x1", "x2", … ]   (circom: outputs first, then public inputs)
//! ```
//!
//! `Fq2` elements are `[c0, c1]` in snarkjs JSON, the same order as arkworks. Solidity
//! verifiers and EIP-197 precompile calldata use `(c1, c0)`; copying G2 coordinates from a
//! Solidity verifier without swapping them is a classic bug (the point is then off the curve
//! or, worse, another valid point).
//!
//! Numbers are parsed as unbounded decimals and **refused** when they are not below the
//! modulus (`q` for coordinates, `r` for public inputs), never reduced (arkworks'
//! `PrimeField::from_str` reduces, and accepts negative numbers, so it is not used).
//! Only canonical decimals are accepted: ASCII digits without sign or leading zeros. Fields
//! other than those listed above (e.g. `vk_alphabeta_12`) are ignored; `protocol` and `curve`
//! are checked when present. Every point is checked as strictly as the byte decoders do.

use std::fmt;
use std::string::{String, ToString};
use std::vec::Vec;

use ark_bn254::{Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_ff::{BigInt, PrimeField};
use serde_json::{json, Value};

use crate::encoding::{encode_scalar, PublicInputBytes};
use crate::{check_input_count, Proof, ProofBytes, VerifyingKey, VerifyingKeyBytes, ZkError};

/// Why a snarkjs JSON document could not be converted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnarkjsError {
	/// Not JSON at all.
	Json(String),
	/// A required field is absent.
	MissingField(&'static str),
	/// A field has the wrong JSON type or arity.
	WrongShape(&'static str),
	/// A number is not a canonical decimal string.
	InvalidNumber(&'static str),
	/// A number is not below the field modulus (`q` for coordinates, `r` for inputs).
	OutOfRange(&'static str),
	/// A point's projective `z` is neither 1 nor the snarkjs encoding of infinity.
	NotAffine(&'static str),
	/// `protocol` is not `groth16`.
	UnsupportedProtocol(String),
	/// `curve` is not `bn128` (BN254).
	UnsupportedCurve(String),
	/// The converted values failed a strict check (e.g. a point off the curve).
	Invalid(ZkError),
}

impl fmt::Display for SnarkjsError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::Json(message) => write!(f, "invalid JSON: {message}"),
			Self::MissingField(field) => write!(f, "missing field `{field}`"),
			Self::WrongShape(field) => write!(f, "field `{field}` has the wrong shape"),
			Self::InvalidNumber(field) => write!(f, "field `{field}` is not a canonical decimal"),
			Self::OutOfRange(field) => write!(f, "field `{field}` is not below the modulus"),
			Self::NotAffine(field) => write!(f, "point `{field}` is not in affine form"),
			Self::UnsupportedProtocol(protocol) => write!(f, "unsupported protocol `{protocol}`"),
			Self::UnsupportedCurve(curve) => write!(f, "unsupported curve `{curve}`"),
			Self::Invalid(error) => write!(f, "{error}"),
		}
	}
}

impl std::error::Error for SnarkjsError {}

impl From<ZkError> for SnarkjsError {
	fn from(error: ZkError) -> Self {
		Self::Invalid(error)
	}
}

/// Converts `verification_key.json` into the canonical key encoding, checking every point
/// strictly and `nPublic + 1 == IC.len()`. The key is *not* validated as a key: registration
/// must still run [`crate::validate_vk`] (e.g. to refuse δ = generator).
pub fn verifying_key_from_json(json: &str) -> Result<VerifyingKeyBytes, SnarkjsError> {
	Ok(parse_verifying_key(json)?.to_bytes())
}

/// Like [`verifying_key_from_json`] but returns the decoded key.
pub fn parse_verifying_key(json: &str) -> Result<VerifyingKey, SnarkjsError> {
	let document = parse_document(json)?;
	check_protocol_and_curve(&document)?;
	let alpha_g1 = g1_from_json(field(&document, "vk_alpha_1")?, "vk_alpha_1")?;
	let beta_g2 = g2_from_json(field(&document, "vk_beta_2")?, "vk_beta_2")?;
	let gamma_g2 = g2_from_json(field(&document, "vk_gamma_2")?, "vk_gamma_2")?;
	let delta_g2 = g2_from_json(field(&document, "vk_delta_2")?, "vk_delta_2")?;
	let ic = field(&document, "IC")?
		.as_array()
		.ok_or(SnarkjsError::WrongShape("IC"))?
		.iter()
		.map(|point| g1_from_json(point, "IC"))
		.collect::<Result<Vec<_>, _>>()?;
	let declared_inputs = field(&document, "nPublic")?
		.as_u64()
		.and_then(|count| u32::try_from(count).ok())
		.ok_or(SnarkjsError::WrongShape("nPublic"))?;
	let vk = VerifyingKey::new(alpha_g1, beta_g2, gamma_g2, delta_g2, ic)?;
	check_input_count(&vk, declared_inputs)?;
	Ok(vk)
}

/// Converts `proof.json` into the canonical proof encoding, checking every point strictly.
pub fn proof_from_json(json: &str) -> Result<ProofBytes, SnarkjsError> {
	Ok(parse_proof(json)?.to_bytes())
}

/// Like [`proof_from_json`] but returns the decoded proof.
pub fn parse_proof(json: &str) -> Result<Proof, SnarkjsError> {
	let document = parse_document(json)?;
	check_protocol_and_curve(&document)?;
	let a = g1_from_json(field(&document, "pi_a")?, "pi_a")?;
	let b = g2_from_json(field(&document, "pi_b")?, "pi_b")?;
	let c = g1_from_json(field(&document, "pi_c")?, "pi_c")?;
	Ok(Proof::new(a, b, c)?)
}

/// Converts `public.json` (an array of decimal strings) into public inputs, refusing values
/// `≥ r`.
pub fn public_inputs_from_json(json: &str) -> Result<Vec<PublicInputBytes>, SnarkjsError> {
	let document = parse_document(json)?;
	document
		.as_array()
		.ok_or(SnarkjsError::WrongShape("public"))?
		.iter()
		.map(|value| Ok(encode_scalar(&fr_from_json(value, "public")?)))
		.collect()
}

/// Writes a key as snarkjs `verification_key.json` (without `vk_alphabeta_12`, which snarkjs
/// does not need to verify).
pub fn verifying_key_to_json(vk: &VerifyingKey) -> String {
	json!({
		"protocol": "groth16",
		"curve": "bn128",
		"nPublic": vk.num_inputs(),
		"vk_alpha_1": g1_to_json(vk.alpha_g1()),
		"vk_beta_2": g2_to_json(vk.beta_g2()),
		"vk_gamma_2": g2_to_json(vk.gamma_g2()),
		"vk_delta_2": g2_to_json(vk.delta_g2()),
		"IC": vk.ic().iter().map(g1_to_json).collect::<Vec<_>>(),
	})
	.to_string()
}

/// Writes a proof as snarkjs `proof.json`.
pub fn proof_to_json(proof: &Proof) -> String {
	json!({
		"pi_a": g1_to_json(proof.a()),
		"pi_b": g2_to_json(proof.b()),
		"pi_c": g1_to_json(proof.c()),
		"protocol": "groth16",
		"curve": "bn128",
	})
	.to_string()
}

/// Writes public inputs as snarkjs `public.json`.
pub fn public_inputs_to_json(inputs: &[Fr]) -> String {
	Value::Array(inputs.iter().map(|input| Value::String(input.to_string())).collect()).to_string()
}

fn parse_document(json: &str) -> Result<Value, SnarkjsError> {
	serde_json::from_str(json).map_err(|error| SnarkjsError::Json(error.to_string()))
}

fn field<'a>(document: &'a Value, name: &'static str) -> Result<&'a Value, SnarkjsError> {
	document.get(name).ok_or(SnarkjsError::MissingField(name))
}

/// A JSON value as text: a string without its quotes, anything else as JSON.
fn describe(value: &Value) -> String {
	value.as_str().map_or_else(|| value.to_string(), str::to_string)
}

fn check_protocol_and_curve(document: &Value) -> Result<(), SnarkjsError> {
	if let Some(protocol) = document.get("protocol") {
		if protocol.as_str() != Some("groth16") {
			return Err(SnarkjsError::UnsupportedProtocol(describe(protocol)));
		}
	}
	if let Some(curve) = document.get("curve") {
		if curve.as_str() != Some("bn128") {
			return Err(SnarkjsError::UnsupportedCurve(describe(curve)));
		}
	}
	Ok(())
}

/// Parses a canonical decimal (digits only, no leading zero unless it is "0") into 256 bits;
/// `Ok(None)` when it does not fit.
fn parse_decimal(text: &str) -> Option<Option<BigInt<4>>> {
	let digits = text.as_bytes();
	if digits.is_empty()
		|| !digits.iter().all(u8::is_ascii_digit)
		|| (digits.len() > 1 && digits[0] == b'0')
	{
		return None;
	}
	let mut limbs = [0u64; 4];
	for digit in digits {
		let mut carry = u128::from(digit - b'0');
		for limb in limbs.iter_mut() {
			let value = u128::from(*limb) * 10 + carry;
			*limb = value as u64;
			carry = value >> 64;
		}
		if carry != 0 {
			return Some(None);
		}
	}
	Some(Some(BigInt(limbs)))
}

/// A decimal string strictly below the modulus of `F`.
fn prime_field_from_json<F: PrimeField<BigInt = BigInt<4>>>(
	value: &Value,
	name: &'static str,
) -> Result<F, SnarkjsError> {
	let text = value.as_str().ok_or(SnarkjsError::WrongShape(name))?;
	let number = parse_decimal(text)
		.ok_or(SnarkjsError::InvalidNumber(name))?
		.ok_or(SnarkjsError::OutOfRange(name))?;
	if number >= F::MODULUS {
		return Err(SnarkjsError::OutOfRange(name));
	}
	F::from_bigint(number).ok_or(SnarkjsError::OutOfRange(name))
}

fn fq_from_json(value: &Value, name: &'static str) -> Result<Fq, SnarkjsError> {
	prime_field_from_json::<Fq>(value, name)
}

fn fr_from_json(value: &Value, name: &'static str) -> Result<Fr, SnarkjsError> {
	prime_field_from_json::<Fr>(value, name)
}

fn fq2_from_json(value: &Value, name: &'static str) -> Result<Fq2, SnarkjsError> {
	match value.as_array().map(Vec::as_slice) {
		Some([c0, c1]) => Ok(Fq2::new(fq_from_json(c0, name)?, fq_from_json(c1, name)?)),
		_ => Err(SnarkjsError::WrongShape(name)),
	}
}

fn g1_from_json(value: &Value, name: &'static str) -> Result<G1Affine, SnarkjsError> {
	let Some([x, y, z]) = value.as_array().map(Vec::as_slice) else {
		return Err(SnarkjsError::WrongShape(name));
	};
	let (x, y, z) = (fq_from_json(x, name)?, fq_from_json(y, name)?, fq_from_json(z, name)?);
	if z == Fq::from(1u8) {
		Ok(G1Affine::new_unchecked(x, y))
	} else if z == Fq::from(0u8) && x == Fq::from(0u8) && y == Fq::from(1u8) {
		Ok(G1Affine::zero())
	} else {
		Err(SnarkjsError::NotAffine(name))
	}
}

fn g2_from_json(value: &Value, name: &'static str) -> Result<G2Affine, SnarkjsError> {
	let Some([x, y, z]) = value.as_array().map(Vec::as_slice) else {
		return Err(SnarkjsError::WrongShape(name));
	};
	let (x, y, z) = (fq2_from_json(x, name)?, fq2_from_json(y, name)?, fq2_from_json(z, name)?);
	let (zero, one) = (Fq2::from(0u8), Fq2::from(1u8));
	if z == one {
		Ok(G2Affine::new_unchecked(x, y))
	} else if z == zero && x == zero && y == one {
		Ok(G2Affine::zero())
	} else {
		Err(SnarkjsError::NotAffine(name))
	}
}

fn g1_to_json(point: &G1Affine) -> Value {
	if point.infinity {
		return json!(["0", "1", "0"]);
	}
	json!([point.x.to_string(), point.y.to_string(), "1"])
}

fn g2_to_json(point: &G2Affine) -> Value {
	if point.infinity {
		return json!([["0", "0"], ["1", "0"], ["0", "0"]]);
	}
	json!([
		[point.x.c0.to_string(), point.x.c1.to_string()],
		[point.y.c0.to_string(), point.y.c1.to_string()],
		["1", "0"],
	])
}
