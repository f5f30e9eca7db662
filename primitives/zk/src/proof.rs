//! Groth16 proofs: the fixed 256-byte encoding and the decoded, checked form.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use ark_bn254::{G1Affine, G2Affine};

use crate::encoding::{
	check_point, decode_g1, decode_g2, encode_g1, encode_g2, InfinityPolicy, Reader, G1_LEN, G2_LEN,
};
use crate::ZkError;

/// Bytes of an encoded proof: `A` (G1, 64) ‖ `B` (G2, 128) ‖ `C` (G1, 64).
pub const PROOF_LEN: usize = G1_LEN + G2_LEN + G1_LEN;

/// A Groth16 proof as bytes: `A ‖ B ‖ C`, each point uncompressed in the arkworks layout (the
/// same bytes as `ark_groth16::Proof::<Bn254>::serialize_uncompressed`).
///
/// Holding a `ProofBytes` says nothing about validity; [`Proof::from_bytes`] decodes strictly.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ProofBytes(pub [u8; PROOF_LEN]);

impl ProofBytes {
	/// Copies exactly [`PROOF_LEN`] bytes: shorter is [`ZkError::InvalidLength`], longer is
	/// [`ZkError::TrailingBytes`].
	pub fn from_slice(bytes: &[u8]) -> Result<Self, ZkError> {
		let mut reader = Reader::new(bytes);
		let proof = *reader.take::<PROOF_LEN>()?;
		reader.finish()?;
		Ok(Self(proof))
	}

	/// The raw bytes.
	pub fn as_bytes(&self) -> &[u8; PROOF_LEN] {
		&self.0
	}
}

/// A decoded proof whose three points are on the curve, in the prime-order subgroups and not
/// the point at infinity. The only ways to build one check exactly that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Proof {
	a: G1Affine,
	b: G2Affine,
	c: G1Affine,
}

impl Proof {
	/// Checks and wraps three points.
	pub fn new(a: G1Affine, b: G2Affine, c: G1Affine) -> Result<Self, ZkError> {
		check_point(&a, InfinityPolicy::Reject)?;
		check_point(&b, InfinityPolicy::Reject)?;
		check_point(&c, InfinityPolicy::Reject)?;
		Ok(Self { a, b, c })
	}

	/// Decodes the canonical encoding strictly.
	pub fn from_bytes(bytes: &ProofBytes) -> Result<Self, ZkError> {
		let mut reader = Reader::new(&bytes.0);
		let a = decode_g1(reader.take()?, InfinityPolicy::Reject)?;
		let b = decode_g2(reader.take()?, InfinityPolicy::Reject)?;
		let c = decode_g1(reader.take()?, InfinityPolicy::Reject)?;
		reader.finish()?;
		Ok(Self { a, b, c })
	}

	/// Decodes a byte slice that must be exactly one canonical proof.
	pub fn from_slice(bytes: &[u8]) -> Result<Self, ZkError> {
		Self::from_bytes(&ProofBytes::from_slice(bytes)?)
	}

	/// The canonical encoding.
	pub fn to_bytes(&self) -> ProofBytes {
		let mut bytes = [0u8; PROOF_LEN];
		bytes[..G1_LEN].copy_from_slice(&encode_g1(&self.a));
		bytes[G1_LEN..G1_LEN + G2_LEN].copy_from_slice(&encode_g2(&self.b));
		bytes[G1_LEN + G2_LEN..].copy_from_slice(&encode_g1(&self.c));
		ProofBytes(bytes)
	}

	/// `A` (G1).
	pub fn a(&self) -> &G1Affine {
		&self.a
	}

	/// `B` (G2).
	pub fn b(&self) -> &G2Affine {
		&self.b
	}

	/// `C` (G1).
	pub fn c(&self) -> &G1Affine {
		&self.c
	}

	/// Checks and converts an arkworks proof.
	#[cfg(feature = "std")]
	pub fn from_ark(proof: &ark_groth16::Proof<ark_bn254::Bn254>) -> Result<Self, ZkError> {
		Self::new(proof.a, proof.b, proof.c)
	}

	/// The arkworks form.
	#[cfg(feature = "std")]
	pub fn to_ark(&self) -> ark_groth16::Proof<ark_bn254::Bn254> {
		ark_groth16::Proof { a: self.a, b: self.b, c: self.c }
	}
}
