//! The one error type of the crate.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why an encoding, a verifying key, a proof or a batch was refused.
///
/// Decoding errors name the first problem found, in the order the bytes are read. Every variant
/// is a plain tag, so the type is `Copy`, SCALE-encodes to one byte and can be turned into a
/// pallet error one to one.
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
pub enum ZkError {
	/// The input ends before the encoding does (also: a list shorter than its length prefix).
	InvalidLength,
	/// Bytes are left over after a complete encoding.
	TrailingBytes,
	/// A coordinate (an `Fq` element) is not below the base field modulus `q`.
	CoordinateOutOfRange,
	/// The two flag bits of a point disagree with the point: both set, the sign bit does not
	/// match `y`, or the infinity flag comes with non-zero coordinates.
	NonCanonicalFlags,
	/// The coordinates do not satisfy the curve equation.
	PointNotOnCurve,
	/// The point is on the curve but not in the prime-order subgroup (only possible in G2).
	PointNotInSubgroup,
	/// The point at infinity where a real point is required (proof points, α, β, γ, δ).
	PointAtInfinity,
	/// A public input (an `Fr` element) is not below the scalar field modulus `r`.
	ScalarOutOfRange,
	/// γ = δ in the verifying key: anyone can forge proofs for it.
	GammaEqualsDelta,
	/// γ = −δ in the verifying key: anyone can forge proofs for it.
	GammaEqualsNegatedDelta,
	/// δ is the G2 generator: the circuit-specific (phase 2) setup was skipped.
	DeltaIsGenerator,
	/// The key's `IC` list does not have one more point than the key has public inputs.
	IcLengthMismatch,
	/// The key has more public inputs than the configured maximum.
	TooManyInputs,
	/// The number of public inputs given differs from the number the key expects.
	PublicInputCountMismatch,
	/// The proof does not verify against the key and the public inputs.
	VerificationFailed,
	/// The combined batch check failed: at least one proof in the batch is invalid
	/// ([`crate::verify_each`] tells which).
	BatchVerificationFailed,
	/// The batch has more proofs than the configured maximum.
	BatchTooLarge,
	/// The batch has no proof.
	EmptyBatch,
	/// The stored prepared key starts with a format version this code does not know.
	UnsupportedFormatVersion,
	/// The stored prepared key is structurally impossible (no `IC` point at all).
	InvalidPreparedKey,
}

impl ZkError {
	/// The SCALE index of the variant (its one-byte encoding).
	pub fn index(&self) -> u8 {
		// Every variant is a unit variant, so the encoding is exactly the index byte.
		self.encode().first().copied().unwrap_or(u8::MAX)
	}

	/// The variant with SCALE index `index`, if any.
	pub fn from_index(index: u8) -> Option<Self> {
		Self::decode(&mut &[index][..]).ok()
	}

	/// A short, stable, human-readable description.
	pub const fn as_str(&self) -> &'static str {
		match self {
			Self::InvalidLength => "input too short for the encoding",
			Self::TrailingBytes => "trailing bytes after the encoding",
			Self::CoordinateOutOfRange => "coordinate not below the base field modulus",
			Self::NonCanonicalFlags => "point flag bits are not canonical",
			Self::PointNotOnCurve => "point not on the curve",
			Self::PointNotInSubgroup => "point not in the prime-order subgroup",
			Self::PointAtInfinity => "point at infinity not allowed here",
			Self::ScalarOutOfRange => "scalar not below the scalar field modulus",
			Self::GammaEqualsDelta => "verifying key has gamma equal to delta",
			Self::GammaEqualsNegatedDelta => "verifying key has gamma equal to minus delta",
			Self::DeltaIsGenerator => "verifying key has delta equal to the G2 generator",
			Self::IcLengthMismatch => "IC length is not the number of public inputs plus one",
			Self::TooManyInputs => "more public inputs than allowed",
			Self::PublicInputCountMismatch => "wrong number of public inputs",
			Self::VerificationFailed => "proof verification failed",
			Self::BatchVerificationFailed => "batch verification failed",
			Self::BatchTooLarge => "batch larger than allowed",
			Self::EmptyBatch => "empty batch",
			Self::UnsupportedFormatVersion => "unsupported prepared key format version",
			Self::InvalidPreparedKey => "invalid prepared key encoding",
		}
	}
}

impl core::fmt::Display for ZkError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(self.as_str())
	}
}

#[cfg(feature = "std")]
impl std::error::Error for ZkError {}
