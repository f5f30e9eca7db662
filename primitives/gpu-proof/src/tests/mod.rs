//! Tests. Helpers here are deliberately independent re-implementations (row-major matrices, an
//! explicit transpose, per-entry PRF access, RFC 6962 recursive Merkle roots), so that agreement
//! with the crate is evidence, not tautology.

mod cost;
mod cost_model;
mod merkle;
mod openings;
mod params;
mod prf;
mod properties;
mod protocol;
mod soundness;
mod vectors;
mod workload;

use alloc::{vec, vec::Vec};

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};
use sp_crypto_hashing::blake2_256;

use crate::*;

/// Row-major matrix: `rows[i][j]`.
pub type Rows = Vec<Vec<i32>>;

/// Hex of a hash.
pub fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// RFC 6962 style root: left subtree = largest power of two strictly below the count.
pub fn rfc6962_root(leaves: &[Hash]) -> Hash {
	match leaves.len() {
		0 => EMPTY_ROOT,
		1 => leaves[0],
		len => {
			let mut split = 1;
			while split * 2 < len {
				split *= 2;
			}
			let (left, right) = leaves.split_at(split);
			let mut input = b"heliox/pogpu/v1/node".to_vec();
			input.extend_from_slice(&rfc6962_root(left));
			input.extend_from_slice(&rfc6962_root(right));
			blake2_256(&input)
		},
	}
}

/// Column leaf hashed by hand from a row-major matrix.
pub fn reference_column_leaf(step: u32, rows: &Rows, column: usize) -> Hash {
	let mut input = b"heliox/pogpu/v1/column-leaf".to_vec();
	input.extend_from_slice(&step.to_le_bytes());
	input.extend_from_slice(&(column as u32).to_le_bytes());
	for row in rows {
		input.push(row[column] as i8 as u8);
	}
	blake2_256(&input)
}

/// ρ of a row-major matrix.
pub fn reference_root(step: u32, rows: &Rows) -> Hash {
	let leaves: Vec<Hash> =
		(0..rows.len()).map(|column| reference_column_leaf(step, rows, column)).collect();
	rfc6962_root(&leaves)
}

/// δ by hand.
pub fn reference_delta(root: &Hash, lag_window: u32) -> u32 {
	let mut input = b"heliox/pogpu/v1/lag".to_vec();
	input.extend_from_slice(root);
	let digest = blake2_256(&input);
	let word = u64::from_le_bytes(digest[..8].try_into().unwrap());
	1 + (word % u64::from(lag_window)) as u32
}

/// The chain computed the slow, obvious way.
pub struct ReferenceChain {
	pub matrices: Vec<Rows>,
	pub roots: Vec<Hash>,
	pub lags: Vec<u32>,
	pub commitment_root: Hash,
}

/// `X_0` entry by entry through O(1) PRF access.
pub fn reference_initial(seed: &Hash, n: u32) -> Rows {
	(0..n).map(|i| (0..n).map(|j| i32::from(initial_entry(seed, n, i, j))).collect()).collect()
}

pub fn reference_chain(params: &ChallengeParams, seed: &Hash) -> ReferenceChain {
	reference_chain_from(params, seed, reference_initial(seed, params.n))
}

/// The chain from an arbitrary (possibly forged) `X_0`.
pub fn reference_chain_from(
	params: &ChallengeParams,
	seed: &Hash,
	initial: Rows,
) -> ReferenceChain {
	let n = params.n as usize;
	let mut matrices = vec![initial];
	let mut roots = vec![reference_root(0, &matrices[0])];
	let mut lags = Vec::new();
	for t in 0..params.steps {
		let delta = reference_delta(&roots[t as usize], params.lag);
		// t − δ, or X_0 when δ > t.
		let lag = t.saturating_sub(delta);
		lags.push(lag);
		let x = &matrices[t as usize];
		let transposed: Rows = (0..n).map(|i| (0..n).map(|k| x[k][i]).collect()).collect();
		let lagged = &matrices[lag as usize];
		let next: Rows = (0..n)
			.map(|i| {
				(0..n)
					.map(|j| {
						let product: i32 = (0..n).map(|k| transposed[i][k] * lagged[k][j]).sum();
						let r = i32::from(r_entry(seed, params.n, t, i as u32, j as u32));
						(product + r).rem_euclid(251) - 125
					})
					.collect()
			})
			.collect();
		roots.push(reference_root(t + 1, &next));
		matrices.push(next);
	}
	let step_leaves: Vec<Hash> = roots
		.iter()
		.enumerate()
		.map(|(step, root)| {
			let mut input = b"heliox/pogpu/v1/step-leaf".to_vec();
			input.extend_from_slice(&(step as u32).to_le_bytes());
			input.extend_from_slice(root);
			blake2_256(&input)
		})
		.collect();
	let commitment_root = rfc6962_root(&step_leaves);
	ReferenceChain { matrices, roots, lags, commitment_root }
}

/// Row-major → column-major [`Matrix`].
pub fn to_matrix(rows: &Rows) -> Matrix {
	let n = rows.len();
	let entries = (0..n).flat_map(|j| rows.iter().map(move |row| row[j] as i8)).collect();
	Matrix::from_column_major(n as u32, entries).unwrap()
}

/// Every matrix of a chain kept in memory, with its commitment: builds openings with arbitrary
/// (including dishonest) choices.
pub struct FullChain {
	pub params: ChallengeParams,
	pub seed: Hash,
	pub matrices: Vec<Matrix>,
	pub commitment: Commitment,
}

impl FullChain {
	/// The honest chain (computed by the reference implementation).
	pub fn honest(params: ChallengeParams, seed: Hash) -> Self {
		let reference = reference_chain(&params, &seed);
		Self::from_matrices(params, seed, reference.matrices.iter().map(to_matrix).collect())
	}

	/// Commits to arbitrary matrices (a cheater's chain).
	pub fn from_matrices(params: ChallengeParams, seed: Hash, matrices: Vec<Matrix>) -> Self {
		let roots = matrices
			.iter()
			.enumerate()
			.map(|(step, matrix)| column_root(step as u32, matrix))
			.collect();
		Self { params, seed, matrices, commitment: Commitment::from_step_roots(roots) }
	}

	pub fn root(&self) -> Hash {
		self.commitment.root()
	}

	/// The protocol's lag step of step `t` for this chain.
	pub fn lag_of(&self, t: u32) -> u32 {
		lag_step(t, &self.commitment.step_roots()[t as usize], self.params.lag)
	}

	/// An opening of `(t, i, j)` that uses `X_lag` as the lag matrix.
	pub fn opening_with_lag(&self, t: u32, i: u32, j: u32, lag: u32) -> Opening {
		let tree =
			|step: u32| MerkleTree::from_leaves(column_leaves(step, &self.matrices[step as usize]));
		let (tree_t, tree_lag, tree_next) = (tree(t), tree(lag), tree(t + 1));
		let column =
			|step: u32, index: u32| self.matrices[step as usize].column(index).unwrap().to_vec();
		Opening {
			t,
			i,
			j,
			col_xt_i: column(t, i),
			col_lag_j: column(lag, j),
			col_next_j: column(t + 1, j),
			path_xt_i: tree_t.path(i).unwrap(),
			path_lag_j: tree_lag.path(j).unwrap(),
			path_next_j: tree_next.path(j).unwrap(),
			root_t: tree_t.root(),
			root_lag: tree_lag.root(),
			root_next: tree_next.root(),
			step_path_t: self.commitment.step_path(t).unwrap(),
			step_path_lag: self.commitment.step_path(lag).unwrap(),
			step_path_next: self.commitment.step_path(t + 1).unwrap(),
		}
	}

	/// The honest opening of `(t, i, j)` for this chain.
	pub fn opening(&self, t: u32, i: u32, j: u32) -> Opening {
		self.opening_with_lag(t, i, j, self.lag_of(t))
	}

	pub fn verify(&self, opening: &Opening) -> Result<(), ProofError> {
		verify_opening(&self.params, &self.seed, &self.root(), opening)
	}
}

/// A cheater: computes each step honestly from its own (committed) chain, then replaces each
/// output entry with probability `skip_ppm / 10⁶` by a uniform value in `[−125, 125]` — the
/// outcome of skipping that part of the product. Its choices come from ChaCha keyed by the step's
/// PRF key and stream, so a replay reproduces the same committed chain.
pub struct CheatingBackend {
	pub skip_ppm: u32,
}

impl ComputeBackend for CheatingBackend {
	type Matrix = Matrix;
	type Error = CpuBackendError;

	fn allocate(&mut self, n: u32) -> Result<Matrix, CpuBackendError> {
		CpuBackend.allocate(n)
	}

	fn generate(&mut self, prf: &MatrixPrf, out: &mut Matrix) -> Result<(), CpuBackendError> {
		CpuBackend.generate(prf, out)
	}

	fn step(
		&mut self,
		x_t: &Matrix,
		x_lag: &Matrix,
		r_t: &MatrixPrf,
		out: &mut Matrix,
	) -> Result<(), CpuBackendError> {
		CpuBackend.step(x_t, x_lag, r_t, out)?;
		let mut key_input = b"cheater".to_vec();
		key_input.extend_from_slice(r_t.key());
		key_input.extend_from_slice(&r_t.stream().to_le_bytes());
		let mut coins = ChaCha20Rng::from_seed(blake2_256(&key_input));
		// P[coin < threshold] = skip_ppm / 10⁶ (u128: the threshold is 2⁶⁴ when skipping all).
		let threshold = (u128::from(self.skip_ppm) << 64) / 1_000_000;
		for entry in out.as_column_major_mut() {
			let coin = u128::from(coins.next_u64());
			let replacement = entry_from_word(coins.next_u64());
			if coin < threshold {
				*entry = replacement;
			}
		}
		Ok(())
	}

	fn column_leaves(&mut self, step: u32, x: &Matrix) -> Result<Vec<Hash>, CpuBackendError> {
		CpuBackend.column_leaves(step, x)
	}

	fn read_column(&mut self, x: &Matrix, j: u32) -> Result<Vec<i8>, CpuBackendError> {
		CpuBackend.read_column(x, j)
	}
}

/// A deterministic test seed.
pub fn test_seed(index: u64) -> Hash {
	challenge_seed(&[0x5e; 32], index, 1_000 + index)
}
