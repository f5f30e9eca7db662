//! Which live bits a report must back with signed agent answers.
//!
//! A report claims "these slots answered". To make that claim cost real probing, the report
//! carries the agents' signed answers for up to `E` of its live bits, and WHICH bits is fixed
//! by the period seed, the verifier and the bitmap itself: starting at a position derived from
//! `H(seed, verifier, bitmap)` (Fiat–Shamir: the challenge is known only once the bitmap is
//! fixed), the first `min(E, live)` set bits, wrapping around the end. The seed is unknown
//! before the period starts and each answer is bound to the verifier's own nonce, so a lazy
//! validator that marks everything live without probing cannot produce the signatures it will
//! be asked for; one that copies another validator's answers fails the nonce check.
//!
//! Limits: `E` samples catch a validator that probed a fraction `f` of its live claims with
//! probability about `1 − f^E` per bitmap, and a cheater can re-draw the challenge by changing
//! its bitmap (grinding). Evidence makes fully lazy reports impossible and partial laziness
//! costly; the `k`-prober quorum is what makes a single dishonest validator harmless.

use crate::bitmap::Bitmap;
use alloc::vec::Vec;

/// Domain of the evidence start position.
const EVIDENCE_CONTEXT: &[u8] = b"heliox/liveness/evidence";

/// The position where the evidence scan of `verifier_index`'s `bitmap` starts, in
/// `0..bitmap.len()`: `H(context, seed, verifier_index, len, bitmap bytes) mod len`.
pub fn evidence_start(seed: &[u8; 32], verifier_index: u32, bitmap: &Bitmap) -> u32 {
	let len = bitmap.len();
	if len == 0 {
		return 0;
	}
	let bytes = bitmap.as_bytes();
	let mut input = Vec::with_capacity(EVIDENCE_CONTEXT.len() + 40 + bytes.len());
	input.extend_from_slice(EVIDENCE_CONTEXT);
	input.extend_from_slice(seed);
	input.extend_from_slice(&verifier_index.to_le_bytes());
	input.extend_from_slice(&len.to_le_bytes());
	input.extend_from_slice(bytes);
	let h = sp_crypto_hashing::blake2_256(&input);
	let mut w = [0u8; 8];
	w.copy_from_slice(&h[..8]);
	(u64::from_le_bytes(w) % u64::from(len)) as u32
}

/// The bit positions whose signed answers a report with `bitmap` must carry, in scan order:
/// the first `min(max_evidence, live)` set bits from [`evidence_start`], wrapping.
pub fn required_evidence(
	seed: &[u8; 32],
	verifier_index: u32,
	bitmap: &Bitmap,
	max_evidence: u32,
) -> Vec<u32> {
	let want = bitmap.count_ones().min(max_evidence) as usize;
	let mut out = Vec::with_capacity(want);
	if want == 0 {
		return out;
	}
	let start = evidence_start(seed, verifier_index, bitmap);
	let after = bitmap.ones().filter(|&b| b >= start);
	let before = bitmap.ones().take_while(|&b| b < start);
	out.extend(after.chain(before).take(want));
	out
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn picks_from_the_start_and_wraps() {
		let seed = [5u8; 32];
		let mut b = Bitmap::new(100);
		for i in 0..100 {
			b.set(i, true);
		}
		let start = evidence_start(&seed, 3, &b);
		let got = required_evidence(&seed, 3, &b, 4);
		let expected: Vec<u32> = (0..4).map(|i| (start + i) % 100).collect();
		assert_eq!(got, expected);
		// Fewer live bits than E: all of them.
		let mut sparse = Bitmap::new(100);
		sparse.set(7, true);
		sparse.set(93, true);
		let got = required_evidence(&seed, 3, &sparse, 4);
		assert_eq!(got.len(), 2);
		assert!(got.contains(&7) && got.contains(&93));
		// Nothing live, or no evidence asked: nothing.
		assert!(required_evidence(&seed, 3, &Bitmap::new(100), 4).is_empty());
		assert!(required_evidence(&seed, 3, &b, 0).is_empty());
		assert!(required_evidence(&seed, 3, &Bitmap::new(0), 4).is_empty());
	}

	#[test]
	fn start_depends_on_seed_verifier_and_bitmap() {
		let b = Bitmap::new(1_000_000);
		let starts: alloc::collections::BTreeSet<u32> =
			(0..20u8).map(|s| evidence_start(&[s; 32], 0, &b)).collect();
		assert!(starts.len() > 15);
		assert_ne!(evidence_start(&[1; 32], 0, &b), evidence_start(&[1; 32], 1, &b));
		let mut other = b.clone();
		other.set(5, true);
		assert_ne!(evidence_start(&[1; 32], 0, &b), evidence_start(&[1; 32], 0, &other));
	}

	proptest! {
		#[test]
		fn evidence_is_the_first_set_bits_after_start(
			seed in any::<[u8; 32]>(), len in 1u32..200, e in 0u32..10,
			picks in proptest::collection::btree_set(0u32..200, 0..60),
		) {
			let mut b = Bitmap::new(len);
			for &p in &picks { b.set(p, true); }
			let got = required_evidence(&seed, 1, &b, e);
			let start = evidence_start(&seed, 1, &b);
			let expected: Vec<u32> = (0..len).map(|i| (start + i) % len).filter(|&i| b.get(i))
				.take(e as usize).collect();
			prop_assert_eq!(got, expected);
		}
	}
}
