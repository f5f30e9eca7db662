//! Verifier cost at production size. Ignored by default (it wants a release build):
//! `cargo test -p heliox-gpu-proof --release -- --ignored --nocapture measure_`.
//!
//! An honest opening at n = 16384 would need the chain (2n³ ≈ 8.8·10¹² operations per step), so
//! this builds a *locally consistent* one instead: random trees in which only the opened leaves
//! are real, and `X_{t+1}[i, j]` set to the value the verifier will recompute. The verifier does
//! exactly the work of an honest opening (it is accepted), which is what is being timed.

use std::time::Instant;

use codec::Encode;

use super::*;

fn random_hashes(count: usize, salt: u64) -> Vec<Hash> {
	(0..count as u64).map(|k| blake2_256(&[salt.to_le_bytes(), k.to_le_bytes()].concat())).collect()
}

/// A column tree of `n` leaves in which the leaves at `real` are the given columns of `X_step`.
fn sparse_column_tree(n: u32, step: u32, real: &[(u32, &[i8])], salt: u64) -> MerkleTree {
	let mut leaves = random_hashes(n as usize, salt);
	for &(index, column) in real {
		leaves[index as usize] = column_leaf_hash(step, index, column);
	}
	MerkleTree::from_leaves(leaves)
}

fn consistent_opening(
	params: &ChallengeParams,
	seed: &Hash,
	t: u32,
	i: u32,
	j: u32,
) -> (Hash, Opening) {
	let n = params.n;
	let noise = MatrixPrf::additive(&[0xee; 32], n, 77);
	let initial = MatrixPrf::initial(seed, n);
	// Columns of X_t and X_lag: the PRF's own columns when they are X_0, noise otherwise.
	let col_xt_i = if t == 0 { initial.column(i) } else { noise.column(1) };
	let tree_t = sparse_column_tree(n, t, &[(i, &col_xt_i)], 1);
	let lag = lag_step(t, &tree_t.root(), params.lag);
	let col_lag_j = if lag == 0 { initial.column(j) } else { noise.column(2) };
	let tree_lag = if lag == t {
		sparse_column_tree(n, t, &[(i, &col_xt_i), (j, &col_lag_j)], 1)
	} else {
		sparse_column_tree(n, lag, &[(j, &col_lag_j)], 2)
	};
	let tree_t = if lag == t { tree_lag.clone() } else { tree_t };
	let dot: i64 =
		col_xt_i.iter().zip(&col_lag_j).map(|(&a, &b)| i64::from(a) * i64::from(b)).sum();
	let mut col_next_j = noise.column(3);
	col_next_j[i as usize] = next_entry(dot, r_entry(seed, n, t, i, j));
	let tree_next = sparse_column_tree(n, t + 1, &[(j, &col_next_j)], 3);
	let mut step_leaves = random_hashes(params.step_leaf_count() as usize, 4);
	for (step, root) in [(t, tree_t.root()), (lag, tree_lag.root()), (t + 1, tree_next.root())] {
		step_leaves[step as usize] = step_leaf_hash(step, &root);
	}
	let step_tree = MerkleTree::from_leaves(step_leaves);
	let opening = Opening {
		t,
		i,
		j,
		path_xt_i: tree_t.path(i).unwrap(),
		path_lag_j: tree_lag.path(j).unwrap(),
		path_next_j: tree_next.path(j).unwrap(),
		col_xt_i,
		col_lag_j,
		col_next_j,
		root_t: tree_t.root(),
		root_lag: tree_lag.root(),
		root_next: tree_next.root(),
		step_path_t: step_tree.path(t).unwrap(),
		step_path_lag: step_tree.path(lag).unwrap(),
		step_path_next: step_tree.path(t + 1).unwrap(),
	};
	(step_tree.root(), opening)
}

#[test]
#[ignore = "timing; run in release"]
fn measure_verifier_cost_at_n_16384() {
	let params = ChallengeParams { n: 16_384, lag: 64, steps: 1_024, samples: 48 };
	let seed = test_seed(99);
	for (label, t) in [("t = 700 (lag ≠ X_0)", 700u32), ("t = 0 (X_0 checked against the PRF)", 0)]
	{
		let (root, opening) = consistent_opening(&params, &seed, t, 12_345, 6_789);
		assert_eq!(verify_opening(&params, &seed, &root, &opening), Ok(()));
		let bytes = opening.encode();
		let iterations = 200u32;
		let start = Instant::now();
		for _ in 0..iterations {
			let decoded = decode_opening(&params, &bytes).unwrap();
			assert_eq!(verify_opening(&params, &seed, &root, &decoded), Ok(()));
		}
		let per_opening = start.elapsed() / iterations;
		println!(
			"n = 16384, T = 1024, {label}: {} bytes per opening (bound {}), {} bytes for K = 48; \
			 decode + verify_opening {:.1} µs, K = 48 → {:.2} ms",
			bytes.len(),
			encoded_len_bound(&params),
			48 * bytes.len(),
			per_opening.as_secs_f64() * 1e6,
			per_opening.as_secs_f64() * 1e3 * 48.0
		);
	}
}

#[test]
#[ignore = "timing; run in release"]
fn measure_cpu_backend_step() {
	for n in [256u32, 512, 1024] {
		let seed = test_seed(98);
		let mut x = Matrix::zeroed(n);
		CpuBackend.generate(&MatrixPrf::initial(&seed, n), &mut x).unwrap();
		let mut out = Matrix::zeroed(n);
		let start = Instant::now();
		CpuBackend.step(&x, &x, &MatrixPrf::additive(&seed, n, 0), &mut out).unwrap();
		let step = start.elapsed();
		let start = Instant::now();
		let root = column_root(1, &out);
		let hashing = start.elapsed();
		println!(
			"CpuBackend n = {n}: step {:.1} ms ({:.2} GOPS int8), column root {:.2} ms [{}…]",
			step.as_secs_f64() * 1e3,
			2.0 * f64::from(n).powi(3) / step.as_secs_f64() / 1e9,
			hashing.as_secs_f64() * 1e3,
			&hex(&root)[..8]
		);
	}
}
