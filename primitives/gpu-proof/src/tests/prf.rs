//! The ChaCha20 PRF: layout, random access, the entry mapping.

use super::*;

/// ChaCha20 block function, written from the specification: constants, key, 64-bit counter
/// (words 12–13), 64-bit stream id (words 14–15).
fn chacha20_block(key: &Hash, counter: u64, stream: u64) -> [u32; 16] {
	fn quarter_round(s: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize) {
		s[a] = s[a].wrapping_add(s[b]);
		s[d] = (s[d] ^ s[a]).rotate_left(16);
		s[c] = s[c].wrapping_add(s[d]);
		s[b] = (s[b] ^ s[c]).rotate_left(12);
		s[a] = s[a].wrapping_add(s[b]);
		s[d] = (s[d] ^ s[a]).rotate_left(8);
		s[c] = s[c].wrapping_add(s[d]);
		s[b] = (s[b] ^ s[c]).rotate_left(7);
	}
	let mut state = [0u32; 16];
	state[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
	for (word, bytes) in state[4..12].iter_mut().zip(key.chunks_exact(4)) {
		*word = u32::from_le_bytes(bytes.try_into().unwrap());
	}
	state[12] = counter as u32;
	state[13] = (counter >> 32) as u32;
	state[14] = stream as u32;
	state[15] = (stream >> 32) as u32;
	let mut working = state;
	for _ in 0..10 {
		quarter_round(&mut working, 0, 4, 8, 12);
		quarter_round(&mut working, 1, 5, 9, 13);
		quarter_round(&mut working, 2, 6, 10, 14);
		quarter_round(&mut working, 3, 7, 11, 15);
		quarter_round(&mut working, 0, 5, 10, 15);
		quarter_round(&mut working, 1, 6, 11, 12);
		quarter_round(&mut working, 2, 7, 8, 13);
		quarter_round(&mut working, 3, 4, 9, 14);
	}
	let mut out = [0u32; 16];
	for k in 0..16 {
		out[k] = working[k].wrapping_add(state[k]);
	}
	out
}

/// Entry with column-major linear index `m` of the PRF matrix on `stream`, from the spec.
fn reference_entry(key: &Hash, stream: u64, m: u64) -> i8 {
	let word_index = 2 * m;
	let block = chacha20_block(key, word_index / 16, stream);
	let offset = (word_index % 16) as usize; // even, so both halves are in the same block
	let word = u64::from(block[offset]) | (u64::from(block[offset + 1]) << 32);
	(((u128::from(word) * 251) >> 64) as i16 - 125) as i8
}

#[test]
fn reference_chacha_matches_rfc_7539_block_test_vector() {
	// RFC 7539 §2.3.2: key 00..1f, nonce 00000009 0000004a 00000000, block counter 1. In the
	// 64-bit counter / 64-bit stream layout the first nonce word is the counter's high half.
	let key: Hash = core::array::from_fn(|k| k as u8);
	let counter = 1 | (0x0900_0000u64 << 32);
	let stream = 0x4a00_0000u64;
	let expected_first_row = [0xe4e7_f110, 0x1559_3bd1, 0x1fdd_0f50, 0xc471_20a3];
	assert_eq!(chacha20_block(&key, counter, stream)[..4], expected_first_row);
	// And rand_chacha agrees at that position.
	let mut generator = ChaCha20Rng::from_seed(key);
	generator.set_stream(stream);
	generator.set_word_pos(u128::from(counter) * 16);
	let words: Vec<u32> = (0..4).map(|_| generator.next_u32()).collect();
	assert_eq!(words, expected_first_row);
}

#[test]
fn prf_entries_follow_the_specified_keystream_layout() {
	let seed = test_seed(1);
	let key = prf_key(&seed);
	let n = 37;
	for t in [0u32, 1, 2, 1_000_000] {
		let prf = MatrixPrf::additive(&seed, n, t);
		assert_eq!(prf.stream(), u64::from(t) + 1);
		assert_eq!(prf.key(), &key);
		for (i, j) in [(0, 0), (1, 0), (0, 1), (36, 36), (5, 17), (7, 31)] {
			let m = u64::from(j) * u64::from(n) + u64::from(i);
			assert_eq!(prf.entry(i, j), reference_entry(&key, u64::from(t) + 1, m));
			assert_eq!(r_entry(&seed, n, t, i, j), prf.entry(i, j));
		}
	}
	let initial = MatrixPrf::initial(&seed, n);
	assert_eq!(initial.stream(), INITIAL_MATRIX_STREAM);
	assert_eq!(initial.entry(3, 4), reference_entry(&key, 0, 4 * 37 + 3));
	assert_eq!(initial_entry(&seed, n, 3, 4), initial.entry(3, 4));
	// X_0 and R_t read different streams.
	assert_ne!(
		(0..n).map(|i| initial.entry(i, 0)).collect::<Vec<_>>(),
		MatrixPrf::additive(&seed, n, 0).column(0)
	);
	// prf_key is the documented hash.
	let mut input = b"heliox/pogpu/v1/prf-key".to_vec();
	input.extend_from_slice(&seed);
	assert_eq!(key, blake2_256(&input));
}

#[test]
fn random_access_matches_sequential_generation() {
	let seed = test_seed(2);
	let n = 21u32;
	let prf = MatrixPrf::additive(&seed, n, 5);
	let mut matrix = Matrix::zeroed(n);
	CpuBackend.generate(&prf, &mut matrix).unwrap();
	for j in 0..n {
		assert_eq!(prf.column(j), matrix.column(j).unwrap());
		for i in 0..n {
			assert_eq!(matrix.get(i, j), Some(prf.entry(i, j)));
		}
	}
}

#[test]
fn entry_mapping_is_in_range_and_balanced() {
	assert_eq!(entry_from_word(0), -125);
	assert_eq!(entry_from_word(u64::MAX), 125);
	// Bucket b starts at ⌈b·2⁶⁴/251⌉.
	for bucket in 0u128..251 {
		let start = ((bucket << 64).div_ceil(251)) as u64;
		assert_eq!(i16::from(entry_from_word(start)), bucket as i16 - 125);
		if start > 0 {
			assert_eq!(i16::from(entry_from_word(start - 1)), bucket as i16 - 126);
		}
	}
	// Over many PRF entries, every value occurs and counts are close to uniform.
	let mut counts = [0u32; 251];
	let prf = MatrixPrf::initial(&test_seed(3), 256);
	let mut column = vec![0i8; 251 * 200];
	prf.fill_from(0, &mut column);
	for value in column {
		assert!((ENTRY_MIN..=ENTRY_MAX).contains(&value));
		counts[(i16::from(value) + 125) as usize] += 1;
	}
	// Expected 200 per value, σ ≈ 14: allow ±6σ.
	assert!(counts.iter().all(|&c| (116..=284).contains(&c)), "{counts:?}");
}
