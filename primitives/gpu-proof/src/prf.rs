//! The counter-mode PRF that gives `X_0` and the additive matrices `R_t`.
//!
//! **Specification** (what a GPU backend must reproduce bit for bit):
//!
//! * key `k = blake2_256("heliox/pogpu/v1/prf-key" ‖ seed)` ([`prf_key`]);
//! * cipher: ChaCha20 (20 rounds, original Bernstein layout) with state words 0–3 the constants,
//!   4–11 the key, 12–13 a 64-bit little-endian block counter and 14–15 a 64-bit little-endian
//!   stream id — exactly `rand_chacha` 0.3's `ChaCha20Rng` with `set_stream`;
//! * stream id `0` for `X_0` ([`INITIAL_MATRIX_STREAM`]) and `t + 1` for `R_t`, so the two kinds of
//!   matrices (and the `R_t` of different steps) read disjoint keystreams;
//! * entry `(i, j)` (column-major linear index `m = j·n + i`) is the little-endian `u64` made of
//!   keystream words `2m` (low half) and `2m + 1` (high half), i.e. keystream bytes
//!   `8m .. 8m + 8`, mapped by [`entry_from_word`].
//!
//! Random access costs one `set_word_pos` (one ChaCha refill) per entry, independent of `n`.

use alloc::{vec, vec::Vec};

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use sp_crypto_hashing::blake2_256;

use crate::{domain, Hash, MODULUS};

/// ChaCha stream id of the initial matrix `X_0`; `R_t` uses stream `t + 1`.
pub const INITIAL_MATRIX_STREAM: u64 = 0;

/// The ChaCha20 key of a challenge: `blake2_256("heliox/pogpu/v1/prf-key" ‖ seed)`. Deriving it
/// (instead of keying with the seed itself) keeps the seed free for other uses.
pub fn prf_key(seed: &Hash) -> Hash {
	let mut input = [0u8; domain::PRF_KEY.len() + 32];
	let (prefix, seed_bytes) = input.split_at_mut(domain::PRF_KEY.len());
	prefix.copy_from_slice(domain::PRF_KEY);
	seed_bytes.copy_from_slice(seed);
	blake2_256(&input)
}

/// Maps 64 uniform bits to `[−125, 125]`: `⌊word·251 / 2⁶⁴⌋ − 125`.
///
/// Each of the 251 values has probability `⌊2⁶⁴/251⌋/2⁶⁴` or `⌈2⁶⁴/251⌉/2⁶⁴`, so the distance from
/// uniform is below `251/2⁶⁴ < 2⁻⁵⁶` — no modulo bias worth the name, and unlike rejection
/// sampling every entry has a fixed keystream position, which the O(1) verifier needs.
pub fn entry_from_word(word: u64) -> i8 {
	// `word·251 < 2⁶⁴·251`, so the high 64 bits are `< 251` and the narrowing is exact.
	let bucket = ((u128::from(word) * u128::from(MODULUS)) >> 64) as i16;
	(bucket - 125) as i8
}

/// One PRF matrix (`X_0` or some `R_t`) of dimension `n`, never materialised by the verifier:
/// entries are generated on demand from the keystream.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MatrixPrf {
	key: Hash,
	stream: u64,
	n: u32,
}

impl MatrixPrf {
	/// The PRF of the initial matrix `X_0`.
	pub fn initial(seed: &Hash, n: u32) -> Self {
		Self { key: prf_key(seed), stream: INITIAL_MATRIX_STREAM, n }
	}

	/// The PRF of the additive matrix `R_t` of step `t`.
	pub fn additive(seed: &Hash, n: u32, t: u32) -> Self {
		Self { key: prf_key(seed), stream: u64::from(t) + 1, n }
	}

	/// The ChaCha20 key (for a backend that generates the keystream itself).
	pub fn key(&self) -> &Hash {
		&self.key
	}

	/// The ChaCha20 stream id: 0 for `X_0`, `t + 1` for `R_t`.
	pub fn stream(&self) -> u64 {
		self.stream
	}

	/// The matrix dimension.
	pub fn n(&self) -> u32 {
		self.n
	}

	/// A generator positioned at the entry with column-major linear index `linear_index`.
	fn generator_at(&self, linear_index: u64) -> ChaCha20Rng {
		let mut generator = ChaCha20Rng::from_seed(self.key);
		generator.set_stream(self.stream);
		generator.set_word_pos(u128::from(linear_index) * 2);
		generator
	}

	/// Entry `(i, j)` in O(1). Indices are not range-checked: `(i, j)` outside the matrix name
	/// keystream positions of other entries (callers check ranges first).
	pub fn entry(&self, i: u32, j: u32) -> i8 {
		let linear_index = u64::from(j) * u64::from(self.n) + u64::from(i);
		entry_from_word(next_word(&mut self.generator_at(linear_index)))
	}

	/// Writes consecutive entries (column-major) starting at `linear_index` into `out`: the
	/// sequential fast path of matrix and column generation.
	pub fn fill_from(&self, linear_index: u64, out: &mut [i8]) {
		let mut generator = self.generator_at(linear_index);
		for entry in out {
			*entry = entry_from_word(next_word(&mut generator));
		}
	}

	/// Column `j` (`n` entries).
	pub fn column(&self, j: u32) -> Vec<i8> {
		let mut column = vec![0i8; self.n as usize];
		self.fill_from(u64::from(j) * u64::from(self.n), &mut column);
		column
	}
}

/// The next 64-bit keystream value: word `2m` is the low half, word `2m + 1` the high half.
fn next_word(generator: &mut ChaCha20Rng) -> u64 {
	let low = generator.next_u32();
	let high = generator.next_u32();
	u64::from(low) | (u64::from(high) << 32)
}

/// `R_t[i, j]` for the challenge with seed `seed` and dimension `n`, in O(1) (one ChaCha refill).
pub fn r_entry(seed: &Hash, n: u32, t: u32, i: u32, j: u32) -> i8 {
	MatrixPrf::additive(seed, n, t).entry(i, j)
}

/// `X_0[i, j]` for the challenge with seed `seed` and dimension `n`, in O(1).
pub fn initial_entry(seed: &Hash, n: u32, i: u32, j: u32) -> i8 {
	MatrixPrf::initial(seed, n).entry(i, j)
}
