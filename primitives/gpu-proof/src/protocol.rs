//! What the agent key signs, and the HTTP wire format between verifiers and agents.
//!
//! ## Signed messages
//!
//! The agent key (sr25519, signing context `"substrate"`, the key registered in the GPU registry)
//! signs two kinds of fixed-length, domain-separated messages, neither of which can be mistaken
//! for the other, for a liveness answer (`heliox/liveness/v1…`) or for a transaction:
//!
//! * [`commit_message`]`(g, e, root)` = `"heliox/pogpu/v1/commit" ‖ g (u64 LE) ‖ e (u64 LE) ‖ root`:
//!   the commitment of GPU `g` to its chain for challenge epoch `e`. Served at `/pog/commit`
//!   and collected by the GPU's assigned verifiers at its deadline block; nothing is written on
//!   chain unless it is part of a fraud proof.
//! * [`opening_message`]`(g, e, k, bytes)` = `"heliox/pogpu/v1/opening" ‖ g ‖ e ‖ k (u32 LE) ‖
//!   blake2_256(bytes)`: the agent vouches for the SCALE encoding `bytes` of its answer to sample
//!   `k`. Because every opening is signed, a wrong one is **attributable**: the signed bytes plus
//!   the signed commitment are a fraud proof anyone can submit and the runtime re-checks.
//!
//! ## HTTP wire format (HTTP/1.1, `GET`, agent endpoint without trailing `/`)
//!
//! | request | `200 OK` body (`application/octet-stream`) |
//! | --- | --- |
//! | `{endpoint}/pog/openings?gpu={g}&epoch={e}&beacon={64 hex}` | SCALE [`OpeningsResponse`]: all `K` signed openings of the sample fixed by `beacon` |
//! | `{endpoint}/pog/opening?gpu={g}&epoch={e}&beacon={64 hex}&k={k}` | SCALE [`SignedOpening`] of sample `k` |
//! | `{endpoint}/pog/commit?gpu={g}&epoch={e}` | SCALE [`SignedCommit`] |
//!
//! Numbers are decimal, the beacon is 64 lowercase or uppercase hex characters (no `0x`), query
//! parameters come in any order, each exactly once ([`openings_path`], [`opening_path`],
//! [`commit_path`], [`parse_query`]). `400` = malformed query, `404` = no chain for this GPU and
//! epoch, `429` = too many distinct beacons for one epoch (each costs a replay), `503` = the
//! chain is still being computed. A verifier treats anything but a `200` whose body decodes
//! ([`decode_openings_response`], bounded before decoding) and verifies as **no response**.
//!
//! The beacon is sent by the verifier because the agent does not follow the chain; a wrong
//! beacon only makes the agent open other positions of its own chain, which proves nothing
//! against an honest agent (its openings always verify) and is useless to a cheater (the
//! verifier recomputes the positions from the on-chain beacon).

use alloc::{string::String, vec::Vec};

use codec::{Decode, DecodeAll, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_crypto_hashing::blake2_256;

use crate::{domain, encoded_len_bound, ChallengeParams, GpuId, Hash};

/// Challenge epoch number.
pub type EpochIndex = u64;

/// An sr25519 signature (64 bytes).
pub type AgentSignature = [u8; 64];

/// Length of [`commit_message`].
pub const COMMIT_MESSAGE_LEN: usize = domain::COMMIT.len() + 8 + 8 + 32;
/// Length of [`opening_message`].
pub const OPENING_MESSAGE_LEN: usize = domain::OPENING.len() + 8 + 8 + 4 + 32;

/// The bytes the agent key of `gpu` signs to commit to `root` for `epoch`.
pub fn commit_message(gpu: GpuId, epoch: EpochIndex, root: &Hash) -> [u8; COMMIT_MESSAGE_LEN] {
	let mut out = [0u8; COMMIT_MESSAGE_LEN];
	let c = domain::COMMIT.len();
	out[..c].copy_from_slice(domain::COMMIT);
	out[c..c + 8].copy_from_slice(&gpu.to_le_bytes());
	out[c + 8..c + 16].copy_from_slice(&epoch.to_le_bytes());
	out[c + 16..].copy_from_slice(root);
	out
}

/// The bytes the agent key of `gpu` signs to vouch for `opening_bytes` (the SCALE encoding of an
/// [`Opening`](crate::Opening)) as its answer to sample `index` of `epoch`.
pub fn opening_message(
	gpu: GpuId,
	epoch: EpochIndex,
	index: u32,
	opening_bytes: &[u8],
) -> [u8; OPENING_MESSAGE_LEN] {
	let mut out = [0u8; OPENING_MESSAGE_LEN];
	let c = domain::OPENING.len();
	out[..c].copy_from_slice(domain::OPENING);
	out[c..c + 8].copy_from_slice(&gpu.to_le_bytes());
	out[c + 8..c + 16].copy_from_slice(&epoch.to_le_bytes());
	out[c + 16..c + 20].copy_from_slice(&index.to_le_bytes());
	out[c + 20..].copy_from_slice(&blake2_256(opening_bytes));
	out
}

/// Length of an encoded [`SignedCommit`] (fixed: no variable-length field).
pub const SIGNED_COMMIT_LEN: usize = 8 + 8 + 32 + 64;

/// A commitment signed by the agent key: the `/pog/commit` answer verifiers collect.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SignedCommit {
	/// The GPU.
	pub gpu: GpuId,
	/// The challenge epoch.
	pub epoch: EpochIndex,
	/// The commitment root ([`Commitment::root`](crate::Commitment::root)).
	pub root: Hash,
	/// The agent key's signature over [`commit_message`]`(gpu, epoch, root)`.
	pub signature: AgentSignature,
}

/// One opening signed by the agent key.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SignedOpening {
	/// The sample index `k` (the opening answers `sample_position(beacon, root, g, params, k)`).
	pub index: u32,
	/// The SCALE encoding of the [`Opening`](crate::Opening), exactly the signed bytes.
	pub opening: Vec<u8>,
	/// The agent key's signature over [`opening_message`]`(gpu, epoch, index, opening)`.
	pub signature: AgentSignature,
}

/// The answer to `GET /pog/openings`: every sample of one GPU's challenge, in order `k = 0..K`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct OpeningsResponse {
	/// The GPU.
	pub gpu: GpuId,
	/// The challenge epoch.
	pub epoch: EpochIndex,
	/// The commitment root the openings are against (must equal the one on chain).
	pub root: Hash,
	/// One signed opening per sample.
	pub openings: Vec<SignedOpening>,
}

/// Upper bound on the encoded length of an honest [`OpeningsResponse`] for `params`.
pub fn openings_response_len_bound(params: &ChallengeParams) -> usize {
	// A compact length prefix is at most 5 bytes.
	let signed_opening = 4usize.saturating_add(5).saturating_add(encoded_len_bound(params)) + 64;
	(8 + 8 + 32 + 5usize).saturating_add(signed_opening.saturating_mul(params.samples as usize))
}

/// Why a response body was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WireError {
	/// Longer than [`openings_response_len_bound`]: refused before decoding.
	TooLarge,
	/// Not exactly one SCALE-encoded value of the expected type.
	Malformed,
	/// The parameters are invalid.
	InvalidParams,
}

/// Decodes a `/pog/openings` body from untrusted bytes, bounding the length first.
pub fn decode_openings_response(
	params: &ChallengeParams,
	bytes: &[u8],
) -> Result<OpeningsResponse, WireError> {
	params.validate().map_err(|_| WireError::InvalidParams)?;
	if bytes.len() > openings_response_len_bound(params) {
		return Err(WireError::TooLarge);
	}
	OpeningsResponse::decode_all(&mut &bytes[..]).map_err(|_| WireError::Malformed)
}

fn push_decimal(out: &mut String, mut value: u64) {
	let mut digits = [0u8; 20];
	let mut len = 0;
	loop {
		digits[len] = b'0' + (value % 10) as u8;
		len += 1;
		value /= 10;
		if value == 0 {
			break;
		}
	}
	out.extend(digits[..len].iter().rev().map(|&d| d as char));
}

/// Lowercase hex of `bytes`, no prefix.
pub fn to_hex(bytes: &[u8]) -> String {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let mut out = String::with_capacity(bytes.len() * 2);
	for byte in bytes {
		out.push(DIGITS[usize::from(byte >> 4)] as char);
		out.push(DIGITS[usize::from(byte & 0xf)] as char);
	}
	out
}

/// Parses exactly 64 hex characters (either case, no prefix).
pub fn hash_from_hex(hex: &[u8]) -> Option<Hash> {
	if hex.len() != 64 {
		return None;
	}
	let value = |c: u8| match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	};
	let mut out = [0u8; 32];
	for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
		*byte = (value(pair[0])? << 4) | value(pair[1])?;
	}
	Some(out)
}

/// `/pog/openings?gpu={gpu}&epoch={epoch}&beacon={hex}`.
pub fn openings_path(gpu: GpuId, epoch: EpochIndex, beacon: &Hash) -> String {
	let mut s = String::from("/pog/openings?gpu=");
	push_decimal(&mut s, gpu);
	s.push_str("&epoch=");
	push_decimal(&mut s, epoch);
	s.push_str("&beacon=");
	s.push_str(&to_hex(beacon));
	s
}

/// `/pog/opening?gpu={gpu}&epoch={epoch}&beacon={hex}&k={index}`.
pub fn opening_path(gpu: GpuId, epoch: EpochIndex, beacon: &Hash, index: u32) -> String {
	let mut s = openings_path(gpu, epoch, beacon).replacen("/pog/openings", "/pog/opening", 1);
	s.push_str("&k=");
	push_decimal(&mut s, u64::from(index));
	s
}

/// `/pog/commit?gpu={gpu}&epoch={epoch}`.
pub fn commit_path(gpu: GpuId, epoch: EpochIndex) -> String {
	let mut s = String::from("/pog/commit?gpu=");
	push_decimal(&mut s, gpu);
	s.push_str("&epoch=");
	push_decimal(&mut s, epoch);
	s
}

/// The parameters of a `/pog/*` query.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct PogQuery {
	/// `gpu`.
	pub gpu: Option<GpuId>,
	/// `epoch`.
	pub epoch: Option<EpochIndex>,
	/// `beacon`.
	pub beacon: Option<Hash>,
	/// `k`.
	pub k: Option<u32>,
}

/// Parses `gpu`, `epoch`, `beacon` and `k` in any order, each at most once; any other name, a
/// repeated name or a malformed value is `None`. Which parameters are required is up to the
/// route.
pub fn parse_query(query: &str) -> Option<PogQuery> {
	let mut parsed = PogQuery::default();
	for pair in query.split('&') {
		let (name, value) = pair.split_once('=')?;
		let digits = || -> Option<u64> {
			if value.is_empty() || value.len() > 20 || !value.bytes().all(|b| b.is_ascii_digit()) {
				return None;
			}
			value.parse().ok()
		};
		let was_empty = match name {
			"gpu" => parsed.gpu.replace(digits()?).is_none(),
			"epoch" => parsed.epoch.replace(digits()?).is_none(),
			"beacon" => parsed.beacon.replace(hash_from_hex(value.as_bytes())?).is_none(),
			"k" => parsed.k.replace(u32::try_from(digits()?).ok()?).is_none(),
			_ => return None,
		};
		if !was_empty {
			return None;
		}
	}
	Some(parsed)
}
