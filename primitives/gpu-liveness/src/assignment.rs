//! Which validators probe which slots in a period.
//!
//! Monitored GPUs occupy **slots** `0..N`. For a period with seed `s`, `N` slots, `V`
//! verifiers and `k = min(probers, V)` probers per slot:
//!
//! 1. a **rotation** `r = H(s) mod N` moves every slot to the rotated index
//!    `u = (slot + r) mod N`, so the slots a verifier covers change every period;
//! 2. a **permutation** `π` of the verifier positions `0..V` (Fisher–Yates driven by a
//!    blake2 counter-mode stream keyed by `s`) decides which verifier sits at which position;
//! 3. the slot with rotated index `u` has **base position** `b = floor(u·V/N)` and is covered by
//!    the verifiers at positions `b, b+1, …, b+k−1 (mod V)`.
//!
//! Hence every slot is covered by exactly `k` distinct verifiers, and the slots of the
//! verifier at position `j` are ONE contiguous run of rotated indices (with wraparound):
//! `u ∈ [ceil((j−k+1)·N/V), ceil((j+1)·N/V))`, about `k·N/V` slots. A report is therefore a
//! plain bitmap over that run, bit `i` standing for rotated index `start + i`.
//!
//! Everything is integer arithmetic on `u64`, identical on chain and in the off-chain worker.

use alloc::vec::Vec;

/// Domain of the rotation hash.
const ROTATION_CONTEXT: &[u8] = b"heliox/liveness/rotation";
/// Domain of the permutation stream.
const PERMUTATION_CONTEXT: &[u8] = b"heliox/liveness/permutation";

/// A deterministic stream of `u64`s: blake2-256 of (context, seed, counter), 4 words a block.
pub struct SeedStream {
	context: &'static [u8],
	seed: [u8; 32],
	counter: u64,
	block: [u8; 32],
	used: usize,
}

impl SeedStream {
	/// A stream keyed by `seed` under the domain `context`.
	pub fn new(context: &'static [u8], seed: &[u8; 32]) -> Self {
		Self { context, seed: *seed, counter: 0, block: [0; 32], used: 4 }
	}

	/// The next word of the stream.
	pub fn next_u64(&mut self) -> u64 {
		if self.used >= 4 {
			let mut input = Vec::with_capacity(self.context.len() + 40);
			input.extend_from_slice(self.context);
			input.extend_from_slice(&self.seed);
			input.extend_from_slice(&self.counter.to_le_bytes());
			self.block = sp_crypto_hashing::blake2_256(&input);
			self.counter = self.counter.wrapping_add(1);
			self.used = 0;
		}
		let mut word = [0u8; 8];
		let at = self.used * 8;
		word.copy_from_slice(&self.block[at..at + 8]);
		self.used += 1;
		u64::from_le_bytes(word)
	}

	/// A value in `0..bound` (`bound > 0`), by rejection so it is unbiased.
	pub fn below(&mut self, bound: u64) -> u64 {
		if bound <= 1 {
			return 0;
		}
		// Largest multiple of `bound` that fits: reject draws above it.
		let zone = u64::MAX - (u64::MAX % bound);
		loop {
			let v = self.next_u64();
			if v < zone {
				return v % bound;
			}
		}
	}
}

/// The assignment of one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
	slots: u32,
	verifiers: u32,
	probers: u32,
	rotation: u32,
	/// `position -> verifier index`.
	at_position: Vec<u32>,
	/// `verifier index -> position`.
	position_of: Vec<u32>,
}

/// `ceil(a / b)` for `b > 0`.
fn div_ceil(a: u64, b: u64) -> u64 {
	a.div_ceil(b)
}

impl Assignment {
	/// The assignment for `seed`, `slots` slots and `verifiers` verifiers with `probers` probers
	/// per slot (capped at `verifiers`).
	pub fn new(seed: &[u8; 32], slots: u32, verifiers: u32, probers: u32) -> Self {
		let probers = probers.min(verifiers);
		let rotation = if slots == 0 {
			0
		} else {
			let h = sp_crypto_hashing::blake2_256(&[ROTATION_CONTEXT, seed.as_slice()].concat());
			let mut w = [0u8; 8];
			w.copy_from_slice(&h[..8]);
			(u64::from_le_bytes(w) % u64::from(slots)) as u32
		};
		let mut at_position: Vec<u32> = (0..verifiers).collect();
		let mut stream = SeedStream::new(PERMUTATION_CONTEXT, seed);
		for i in (1..at_position.len()).rev() {
			let j = stream.below(i as u64 + 1) as usize;
			at_position.swap(i, j);
		}
		let mut position_of = alloc::vec![0u32; verifiers as usize];
		for (pos, &v) in at_position.iter().enumerate() {
			if let Some(slot) = position_of.get_mut(v as usize) {
				*slot = pos as u32;
			}
		}
		Self { slots, verifiers, probers, rotation, at_position, position_of }
	}

	/// Number of slots `N`.
	pub fn slots(&self) -> u32 {
		self.slots
	}

	/// Number of verifiers `V`.
	pub fn verifiers(&self) -> u32 {
		self.verifiers
	}

	/// Probers per slot `k = min(probers, V)`.
	pub fn probers(&self) -> u32 {
		self.probers
	}

	/// The rotation `r`.
	pub fn rotation(&self) -> u32 {
		self.rotation
	}

	/// Votes needed to decide a slot live: a strict majority of its `k` probers.
	pub fn quorum(&self) -> u32 {
		quorum(self.probers)
	}

	/// The position of verifier `verifier` in the permutation.
	pub fn position(&self, verifier: u32) -> Option<u32> {
		self.position_of.get(verifier as usize).copied()
	}

	/// First rotated index `u` of position `p` (may equal `N` for an empty tail position).
	fn first_u(&self, p: u64) -> u64 {
		div_ceil(p * u64::from(self.slots), u64::from(self.verifiers))
	}

	/// The run of verifier `verifier`: `(start_u, len)`, `start_u < N` unless `N == 0`.
	/// `(0, 0)` for an unknown verifier or when there is nothing to probe.
	pub fn range_of(&self, verifier: u32) -> (u32, u32) {
		let Some(j) = self.position(verifier) else { return (0, 0) };
		if self.slots == 0 || self.probers == 0 {
			return (0, 0);
		}
		let v = u64::from(self.verifiers);
		let k = u64::from(self.probers);
		// First position whose slots this verifier covers: j − k + 1 (mod V).
		let s = (u64::from(j) + v + 1 - k) % v;
		let start = self.first_u(s);
		let len = self.first_u(s + k) - start;
		((start % u64::from(self.slots)) as u32, len as u32)
	}

	/// The slot behind bit `bit` of `verifier`'s report (`None` past the end of its run).
	pub fn slot_at(&self, verifier: u32, bit: u32) -> Option<u32> {
		let (start, len) = self.range_of(verifier);
		if bit >= len {
			return None;
		}
		let n = u64::from(self.slots);
		let u = (u64::from(start) + u64::from(bit)) % n;
		Some(((u + n - u64::from(self.rotation)) % n) as u32)
	}

	/// The bit of `slot` in `verifier`'s report, if `verifier` covers it.
	pub fn bit_of(&self, verifier: u32, slot: u32) -> Option<u32> {
		if slot >= self.slots {
			return None;
		}
		let (start, len) = self.range_of(verifier);
		let n = u64::from(self.slots);
		let u = (u64::from(slot) + u64::from(self.rotation)) % n;
		let offset = (u + n - u64::from(start)) % n;
		(offset < u64::from(len)).then_some(offset as u32)
	}

	/// The `k` verifiers covering `slot`, in position order (empty for an unknown slot).
	pub fn probers_of(&self, slot: u32) -> Vec<u32> {
		if slot >= self.slots || self.verifiers == 0 {
			return Vec::new();
		}
		let n = u64::from(self.slots);
		let v = u64::from(self.verifiers);
		let u = (u64::from(slot) + u64::from(self.rotation)) % n;
		let base = u * v / n;
		(0..u64::from(self.probers))
			.filter_map(|i| self.at_position.get(((base + i) % v) as usize).copied())
			.collect()
	}

	/// The slots of `verifier`'s run, in bit order.
	pub fn slots_of(&self, verifier: u32) -> impl Iterator<Item = u32> + '_ {
		let (_, len) = self.range_of(verifier);
		(0..len).filter_map(move |bit| self.slot_at(verifier, bit))
	}
}

/// A strict majority of `k` probers: `k / 2 + 1`.
pub fn quorum(probers: u32) -> u32 {
	probers / 2 + 1
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	fn check_all(a: &Assignment) {
		let n = a.slots();
		let mut coverage = vec![Vec::new(); n as usize];
		let mut total = 0u64;
		for v in 0..a.verifiers() {
			let (start, len) = a.range_of(v);
			assert!(len <= n);
			if n > 0 {
				assert!(start < n);
			}
			total += u64::from(len);
			for bit in 0..len {
				let slot = a.slot_at(v, bit).expect("in range");
				assert_eq!(a.bit_of(v, slot), Some(bit));
				coverage[slot as usize].push(v);
			}
			assert_eq!(a.slot_at(v, len), None);
		}
		assert_eq!(total, u64::from(n) * u64::from(a.probers()));
		for slot in 0..n {
			let mut from_ranges = coverage[slot as usize].clone();
			from_ranges.sort();
			let mut probers = a.probers_of(slot);
			assert_eq!(probers.len() as u32, a.probers(), "exactly k probers");
			probers.sort();
			probers.dedup();
			assert_eq!(probers.len() as u32, a.probers(), "distinct probers");
			assert_eq!(from_ranges, probers, "ranges agree with probers_of");
			for v in 0..a.verifiers() {
				assert_eq!(a.bit_of(v, slot).is_some(), probers.contains(&v));
			}
		}
	}

	#[test]
	fn edge_cases() {
		// N = 0: nothing to cover.
		let a = Assignment::new(&[1; 32], 0, 5, 3);
		assert_eq!(a.range_of(2), (0, 0));
		assert!(a.probers_of(0).is_empty());
		check_all(&a);
		// V = 1: the single verifier covers everything.
		let a = Assignment::new(&[2; 32], 10, 1, 3);
		assert_eq!(a.probers(), 1);
		assert_eq!(a.quorum(), 1);
		assert_eq!(a.range_of(0).1, 10);
		check_all(&a);
		// N < V.
		let a = Assignment::new(&[3; 32], 2, 7, 3);
		check_all(&a);
		// V = 0.
		let a = Assignment::new(&[3; 32], 4, 0, 3);
		assert_eq!(a.range_of(0), (0, 0));
		assert!(a.probers_of(0).is_empty());
		// Unknown verifier.
		assert_eq!(Assignment::new(&[3; 32], 4, 2, 3).range_of(2), (0, 0));
	}

	#[test]
	fn quorum_is_strict_majority() {
		assert_eq!(quorum(1), 1);
		assert_eq!(quorum(2), 2);
		assert_eq!(quorum(3), 2);
		assert_eq!(quorum(4), 3);
		assert_eq!(quorum(5), 3);
	}

	#[test]
	fn ranges_are_about_k_n_over_v() {
		let a = Assignment::new(&[9; 32], 100_000, 100, 3);
		for v in 0..100 {
			let (_, len) = a.range_of(v);
			assert!((2_999..=3_001).contains(&len), "{len}");
		}
	}

	#[test]
	fn seed_changes_rotation_and_permutation() {
		let a = Assignment::new(&[1; 32], 1_000, 50, 3);
		let b = Assignment::new(&[2; 32], 1_000, 50, 3);
		assert_ne!(a.probers_of(0), b.probers_of(0));
		assert_eq!(a, Assignment::new(&[1; 32], 1_000, 50, 3));
	}

	#[test]
	fn stream_below_stays_in_bounds() {
		let mut s = SeedStream::new(b"t", &[0; 32]);
		for bound in 1..200u64 {
			assert!(s.below(bound) < bound);
		}
		assert_eq!(s.below(0), 0);
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(200))]
		#[test]
		fn exact_k_coverage(seed in any::<[u8; 32]>(), n in 0u32..300, v in 1u32..40, k in 1u32..6) {
			check_all(&Assignment::new(&seed, n, v, k));
		}
	}
}
