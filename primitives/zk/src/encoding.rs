//! Strict, canonical byte encodings of BN254 field elements and curve points.
//!
//! The layouts are exactly those of arkworks 0.5 `CanonicalSerialize::serialize_uncompressed`
//! for BN254, so bytes produced by arkworks tooling decode here and bytes produced here decode
//! in arkworks:
//!
//! - an `Fq` or `Fr` element: 32 bytes, the canonical integer (below the modulus) little-endian;
//! - an `Fq2` element `c0 + c1·u`: `c0` then `c1` (note: EIP-197/Solidity order is `c1, c0`);
//! - a G1 point: `x ‖ y`, 64 bytes; a G2 point: `x ‖ y` with `Fq2` coordinates, 128 bytes;
//! - the two spare top bits of the last byte of `y` are flags: bit 7 (`0x80`) is set when `y`
//!   is the "negative" square root (`y > −y` as integers, the arkworks rule), bit 6 (`0x40`)
//!   marks the point at infinity, which is written as `x = y = 0` with only that bit set.
//!
//! arkworks' own decoder is lenient in ways that break canonicity: it ignores the sign bit of
//! an uncompressed point and ignores the coordinates when the infinity bit is set, so one point
//! has several encodings (and an id hashed over them has several values). The decoders here
//! accept exactly one encoding per point and refuse everything else with a precise
//! [`ZkError`]: a coordinate `≥ q`, a flag that disagrees with the point, a point off the
//! curve, a G2 point outside the prime-order subgroup, the point at infinity where the caller
//! forbids it. Scalars `≥ r` are refused, never reduced.

use alloc::vec::Vec;

use ark_bn254::{Fq, Fq2, Fr, G1Affine, G2Affine};
use ark_ec::short_weierstrass::{Affine, SWCurveConfig};
use ark_ff::{BigInt, PrimeField, Zero};

use crate::ZkError;

/// Bytes of one field element (`Fq` or `Fr`).
pub const FIELD_ELEMENT_LEN: usize = 32;
/// Bytes of an uncompressed G1 point.
pub const G1_LEN: usize = 64;
/// Bytes of an uncompressed G2 point.
pub const G2_LEN: usize = 128;

/// One public input: an `Fr` scalar, 32 bytes little-endian, strictly below `r`.
pub type PublicInputBytes = [u8; FIELD_ELEMENT_LEN];

/// Flag bit (in the last byte of `y`) marking the point at infinity.
const FLAG_INFINITY: u8 = 1 << 6;
/// Flag bit (in the last byte of `y`) marking `y > −y`.
const FLAG_Y_NEGATIVE: u8 = 1 << 7;
/// Both flag bits.
const FLAG_MASK: u8 = FLAG_INFINITY | FLAG_Y_NEGATIVE;

/// Whether the point at infinity is acceptable where a point is decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InfinityPolicy {
	/// The identity is a legitimate value here (an `IC` entry of an unused input).
	Allow,
	/// The identity is refused with [`ZkError::PointAtInfinity`] (proof points, α, β, γ, δ).
	Reject,
}

/// Reads fixed-size chunks off the front of a byte slice.
pub(crate) struct Reader<'a> {
	rest: &'a [u8],
}

impl<'a> Reader<'a> {
	pub(crate) fn new(bytes: &'a [u8]) -> Self {
		Self { rest: bytes }
	}

	/// The next `N` bytes, or [`ZkError::InvalidLength`] when fewer are left.
	pub(crate) fn take<const N: usize>(&mut self) -> Result<&'a [u8; N], ZkError> {
		let (head, rest) = self.rest.split_first_chunk::<N>().ok_or(ZkError::InvalidLength)?;
		self.rest = rest;
		Ok(head)
	}

	pub(crate) fn remaining(&self) -> usize {
		self.rest.len()
	}

	/// Succeeds only when every byte has been read.
	pub(crate) fn finish(self) -> Result<(), ZkError> {
		if self.rest.is_empty() {
			Ok(())
		} else {
			Err(ZkError::TrailingBytes)
		}
	}
}

fn bigint_from_le(bytes: &[u8; FIELD_ELEMENT_LEN]) -> BigInt<4> {
	let mut limbs = [0u64; 4];
	for (limb, chunk) in limbs.iter_mut().zip(bytes.chunks_exact(8)) {
		let mut word = [0u8; 8];
		word.copy_from_slice(chunk);
		*limb = u64::from_le_bytes(word);
	}
	BigInt(limbs)
}

fn bigint_to_le(value: &BigInt<4>) -> [u8; FIELD_ELEMENT_LEN] {
	let mut bytes = [0u8; FIELD_ELEMENT_LEN];
	for (chunk, limb) in bytes.chunks_exact_mut(8).zip(value.0.iter()) {
		chunk.copy_from_slice(&limb.to_le_bytes());
	}
	bytes
}

/// Decodes a base field element, refusing values `≥ q`.
pub fn decode_fq(bytes: &[u8; FIELD_ELEMENT_LEN]) -> Result<Fq, ZkError> {
	let value = bigint_from_le(bytes);
	if value >= Fq::MODULUS {
		return Err(ZkError::CoordinateOutOfRange);
	}
	Fq::from_bigint(value).ok_or(ZkError::CoordinateOutOfRange)
}

/// Encodes a base field element (canonical integer, little-endian).
pub fn encode_fq(value: &Fq) -> [u8; FIELD_ELEMENT_LEN] {
	bigint_to_le(&value.into_bigint())
}

/// Decodes a scalar (a public input), refusing values `≥ r` instead of reducing them: two
/// byte strings that are equal mod `r` would otherwise be two "different" inputs accepted for
/// the same statement.
pub fn decode_scalar(bytes: &PublicInputBytes) -> Result<Fr, ZkError> {
	let value = bigint_from_le(bytes);
	if value >= Fr::MODULUS {
		return Err(ZkError::ScalarOutOfRange);
	}
	Fr::from_bigint(value).ok_or(ZkError::ScalarOutOfRange)
}

/// Encodes a scalar (canonical integer, little-endian).
pub fn encode_scalar(value: &Fr) -> PublicInputBytes {
	bigint_to_le(&value.into_bigint())
}

/// Decodes a list of public inputs, each strictly below `r`.
pub fn decode_public_inputs(inputs: &[PublicInputBytes]) -> Result<Vec<Fr>, ZkError> {
	inputs.iter().map(decode_scalar).collect()
}

/// The flag arkworks writes for a finite point: `0x80` when `y > −y`, else nothing.
fn sign_flag<P: SWCurveConfig>(y: &P::BaseField) -> u8 {
	if *y <= -*y {
		0
	} else {
		FLAG_Y_NEGATIVE
	}
}

/// Checks a point that did not come from bytes (e.g. from arkworks types): on the curve, in
/// the prime-order subgroup, and not the identity unless allowed.
pub fn check_point<P: SWCurveConfig>(
	point: &Affine<P>,
	infinity: InfinityPolicy,
) -> Result<(), ZkError> {
	if point.infinity {
		return match infinity {
			InfinityPolicy::Allow => Ok(()),
			InfinityPolicy::Reject => Err(ZkError::PointAtInfinity),
		};
	}
	if !point.is_on_curve() {
		return Err(ZkError::PointNotOnCurve);
	}
	if !point.is_in_correct_subgroup_assuming_on_curve() {
		return Err(ZkError::PointNotInSubgroup);
	}
	Ok(())
}

/// The common tail of G1 and G2 decoding, once the coordinates are in range and the flag bits
/// are separated from `y`.
fn point_from_coordinates<P: SWCurveConfig>(
	x: P::BaseField,
	y: P::BaseField,
	flags: u8,
	infinity: InfinityPolicy,
) -> Result<Affine<P>, ZkError> {
	match flags {
		FLAG_INFINITY => {
			if !x.is_zero() || !y.is_zero() {
				return Err(ZkError::NonCanonicalFlags);
			}
			let identity = Affine::<P>::identity();
			check_point(&identity, infinity)?;
			Ok(identity)
		},
		0 | FLAG_Y_NEGATIVE => {
			let point = Affine::<P>::new_unchecked(x, y);
			if !point.is_on_curve() {
				return Err(ZkError::PointNotOnCurve);
			}
			if flags != sign_flag::<P>(&y) {
				return Err(ZkError::NonCanonicalFlags);
			}
			if !point.is_in_correct_subgroup_assuming_on_curve() {
				return Err(ZkError::PointNotInSubgroup);
			}
			Ok(point)
		},
		_ => Err(ZkError::NonCanonicalFlags),
	}
}

/// Splits the flag bits off the last byte of a `y` coordinate's top limb.
fn split_flags(bytes: &[u8; FIELD_ELEMENT_LEN]) -> ([u8; FIELD_ELEMENT_LEN], u8) {
	let mut value = *bytes;
	let flags = value[FIELD_ELEMENT_LEN - 1] & FLAG_MASK;
	value[FIELD_ELEMENT_LEN - 1] &= !FLAG_MASK;
	(value, flags)
}

/// Decodes an uncompressed G1 point strictly (see the module docs).
pub fn decode_g1(bytes: &[u8; G1_LEN], infinity: InfinityPolicy) -> Result<G1Affine, ZkError> {
	let mut reader = Reader::new(bytes);
	let x = decode_fq(reader.take()?)?;
	let (y_bytes, flags) = split_flags(reader.take()?);
	let y = decode_fq(&y_bytes)?;
	point_from_coordinates(x, y, flags, infinity)
}

/// Decodes an uncompressed G2 point strictly, including the explicit subgroup check that G2
/// (cofactor ≠ 1) needs.
pub fn decode_g2(bytes: &[u8; G2_LEN], infinity: InfinityPolicy) -> Result<G2Affine, ZkError> {
	let mut reader = Reader::new(bytes);
	let x_c0 = decode_fq(reader.take()?)?;
	let x_c1 = decode_fq(reader.take()?)?;
	let y_c0 = decode_fq(reader.take()?)?;
	let (y_c1_bytes, flags) = split_flags(reader.take()?);
	let y_c1 = decode_fq(&y_c1_bytes)?;
	point_from_coordinates(Fq2::new(x_c0, x_c1), Fq2::new(y_c0, y_c1), flags, infinity)
}

/// Encodes a G1 point uncompressed (the arkworks layout).
pub fn encode_g1(point: &G1Affine) -> [u8; G1_LEN] {
	let mut bytes = [0u8; G1_LEN];
	if point.infinity {
		bytes[G1_LEN - 1] = FLAG_INFINITY;
		return bytes;
	}
	bytes[..32].copy_from_slice(&encode_fq(&point.x));
	bytes[32..].copy_from_slice(&encode_fq(&point.y));
	bytes[G1_LEN - 1] |= sign_flag::<ark_bn254::g1::Config>(&point.y);
	bytes
}

/// Encodes a G2 point uncompressed (the arkworks layout: `x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1`).
pub fn encode_g2(point: &G2Affine) -> [u8; G2_LEN] {
	let mut bytes = [0u8; G2_LEN];
	if point.infinity {
		bytes[G2_LEN - 1] = FLAG_INFINITY;
		return bytes;
	}
	bytes[..32].copy_from_slice(&encode_fq(&point.x.c0));
	bytes[32..64].copy_from_slice(&encode_fq(&point.x.c1));
	bytes[64..96].copy_from_slice(&encode_fq(&point.y.c0));
	bytes[96..].copy_from_slice(&encode_fq(&point.y.c1));
	bytes[G2_LEN - 1] |= sign_flag::<ark_bn254::g2::Config>(&point.y);
	bytes
}
