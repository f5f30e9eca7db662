//! The probe protocol between a validator's off-chain worker and a GPU agent.
//!
//! For period `p` the chain fixes a random `seed` (unknown before the period starts). The
//! validator with account/key bytes `v` probing GPU `g` uses the nonce
//! [`probe_nonce`]`(seed, p, v, g)`: fresh every period, different for every validator, and
//! recomputable by the runtime, so an answer to another validator's probe or to an older period
//! does not verify. The agent signs [`probe_message`]`(g, p, nonce)` with its sr25519 agent key.
//!
//! Wire format (HTTP/1.1, GET):
//! `{endpoint}/liveness?gpu={g}&period={p}&nonce={64 lowercase hex chars}` answered `200 OK`
//! with the body `0x` + 128 lowercase hex chars: the 64-byte sr25519 signature
//! ([`encode_signature_hex`] / [`decode_signature_hex`]). Any other answer counts as no answer.

use alloc::{string::String, vec::Vec};

/// Domain separation for every liveness signature: an agent key signature over these bytes can
/// never be mistaken for a transaction or for a proof-of-GPU opening.
pub const PROBE_CONTEXT: &[u8; 18] = b"heliox/liveness/v1";

/// Length of [`probe_message`]: context, GPU id (u64 LE), period (u32 LE), nonce.
pub const PROBE_MESSAGE_LEN: usize = PROBE_CONTEXT.len() + 8 + 4 + 32;

/// The nonce validator `verifier` uses to probe `gpu` in `period`, given the period's seed.
pub fn probe_nonce(seed: &[u8; 32], period: u32, verifier: &[u8], gpu: u64) -> [u8; 32] {
	let mut input = Vec::with_capacity(32 + 4 + 8 + 16 + verifier.len());
	input.extend_from_slice(b"heliox/liveness/nonce");
	input.extend_from_slice(seed);
	input.extend_from_slice(&period.to_le_bytes());
	input.extend_from_slice(&gpu.to_le_bytes());
	input.extend_from_slice(verifier);
	sp_crypto_hashing::blake2_256(&input)
}

/// The exact bytes the agent of `gpu` signs to answer a probe.
pub fn probe_message(gpu: u64, period: u32, nonce: &[u8; 32]) -> [u8; PROBE_MESSAGE_LEN] {
	let mut out = [0u8; PROBE_MESSAGE_LEN];
	let c = PROBE_CONTEXT.len();
	out[..c].copy_from_slice(PROBE_CONTEXT);
	out[c..c + 8].copy_from_slice(&gpu.to_le_bytes());
	out[c + 8..c + 12].copy_from_slice(&period.to_le_bytes());
	out[c + 12..].copy_from_slice(nonce);
	out
}

/// The path and query of a probe, appended to the agent endpoint (which has no trailing `/`).
pub fn probe_path(gpu: u64, period: u32, nonce: &[u8; 32]) -> String {
	let mut s = String::with_capacity(64 + 40);
	s.push_str("/liveness?gpu=");
	s.push_str(&u64_to_decimal(gpu));
	s.push_str("&period=");
	s.push_str(&u64_to_decimal(period as u64));
	s.push_str("&nonce=");
	push_hex(&mut s, nonce);
	s
}

/// `0x` followed by the lowercase hex of a 64-byte signature.
pub fn encode_signature_hex(signature: &[u8; 64]) -> String {
	let mut s = String::with_capacity(130);
	s.push_str("0x");
	push_hex(&mut s, signature);
	s
}

/// Parses an agent answer body: optional surrounding ASCII whitespace, `0x`, 128 hex chars
/// (either case). Anything else is `None`.
pub fn decode_signature_hex(body: &[u8]) -> Option<[u8; 64]> {
	let body = trim_ascii(body);
	let hex = body.strip_prefix(b"0x")?;
	if hex.len() != 128 {
		return None;
	}
	let mut out = [0u8; 64];
	for (i, pair) in hex.chunks_exact(2).enumerate() {
		out[i] = (hex_value(pair[0])? << 4) | hex_value(pair[1])?;
	}
	Some(out)
}

/// Parses 64 hex chars (a nonce in a probe query).
pub fn decode_nonce_hex(hex: &[u8]) -> Option<[u8; 32]> {
	if hex.len() != 64 {
		return None;
	}
	let mut out = [0u8; 32];
	for (i, pair) in hex.chunks_exact(2).enumerate() {
		out[i] = (hex_value(pair[0])? << 4) | hex_value(pair[1])?;
	}
	Some(out)
}

fn trim_ascii(mut b: &[u8]) -> &[u8] {
	while let [first, rest @ ..] = b {
		if first.is_ascii_whitespace() {
			b = rest;
		} else {
			break;
		}
	}
	while let [rest @ .., last] = b {
		if last.is_ascii_whitespace() {
			b = rest;
		} else {
			break;
		}
	}
	b
}

fn hex_value(c: u8) -> Option<u8> {
	match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	}
}

fn push_hex(s: &mut String, bytes: &[u8]) {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	for b in bytes {
		s.push(DIGITS[(b >> 4) as usize] as char);
		s.push(DIGITS[(b & 0xf) as usize] as char);
	}
}

fn u64_to_decimal(mut v: u64) -> String {
	let mut digits = [0u8; 20];
	let mut i = digits.len();
	loop {
		i -= 1;
		digits[i] = b'0' + (v % 10) as u8;
		v /= 10;
		if v == 0 {
			break;
		}
	}
	digits[i..].iter().map(|&d| d as char).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn message_layout_is_fixed() {
		let m = probe_message(0x0102030405060708, 0x0a0b0c0d, &[7u8; 32]);
		assert_eq!(&m[..18], b"heliox/liveness/v1");
		assert_eq!(&m[18..26], &[8, 7, 6, 5, 4, 3, 2, 1]);
		assert_eq!(&m[26..30], &[0x0d, 0x0c, 0x0b, 0x0a]);
		assert_eq!(&m[30..], &[7u8; 32]);
	}

	#[test]
	fn nonce_depends_on_every_input() {
		let base = probe_nonce(&[1; 32], 5, b"alice", 9);
		assert_ne!(base, probe_nonce(&[2; 32], 5, b"alice", 9));
		assert_ne!(base, probe_nonce(&[1; 32], 6, b"alice", 9));
		assert_ne!(base, probe_nonce(&[1; 32], 5, b"bob", 9));
		assert_ne!(base, probe_nonce(&[1; 32], 5, b"alice", 10));
		assert_eq!(base, probe_nonce(&[1; 32], 5, b"alice", 9));
	}

	#[test]
	fn path_and_hex_round_trip() {
		let nonce = [0xabu8; 32];
		let path = probe_path(42, 7, &nonce);
		assert_eq!(path, alloc::format!("/liveness?gpu=42&period=7&nonce={}", "ab".repeat(32)));
		assert_eq!(
			probe_path(u64::MAX, 0, &[0; 32]).split('&').next(),
			Some("/liveness?gpu=18446744073709551615")
		);
		assert_eq!(decode_nonce_hex("ab".repeat(32).as_bytes()), Some(nonce));
		let sig = core::array::from_fn::<u8, 64, _>(|i| i as u8 * 3);
		let hex = encode_signature_hex(&sig);
		assert_eq!(hex.len(), 130);
		assert_eq!(decode_signature_hex(hex.as_bytes()), Some(sig));
		assert_eq!(
			decode_signature_hex(
				alloc::format!(" {}\n", hex.to_uppercase().replace("0X", "0x")).as_bytes()
			),
			Some(sig)
		);
		assert_eq!(decode_signature_hex(&hex.as_bytes()[2..]), None);
		assert_eq!(decode_signature_hex(&hex.as_bytes()[..129]), None);
		assert_eq!(
			decode_signature_hex(hex.replace('a', "g").as_bytes()),
			if hex.contains('a') { None } else { Some(sig) }
		);
		assert_eq!(decode_nonce_hex(b"zz"), None);
	}
}
