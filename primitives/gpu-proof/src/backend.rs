//! Where the workload runs: the [`ComputeBackend`] trait and the reference [`CpuBackend`].
//!
//! The trait owns the matrices (an associated type), so a CUDA backend keeps them in device
//! memory and only column leaves, roots and opened columns cross to the host. Every backend must
//! be bit-exact with [`CpuBackend`]: the test vectors pin `X_0`, `R_t`, the step roots and the
//! commitment root.

use alloc::{vec, vec::Vec};

use crate::{column_leaves, merkle_root, next_entry, Hash, Matrix, MatrixPrf};

/// A device that can hold `n × n` int8 matrices and run one workload step on them.
pub trait ComputeBackend {
	/// One `n × n` matrix in the backend's memory.
	type Matrix;
	/// Why the backend failed (out of memory, driver error, mismatched dimensions…).
	type Error;

	/// A new `n × n` matrix (contents unspecified).
	fn allocate(&mut self, n: u32) -> Result<Self::Matrix, Self::Error>;

	/// Fills `out` with the PRF matrix `prf` (used for `X_0`).
	fn generate(&mut self, prf: &MatrixPrf, out: &mut Self::Matrix) -> Result<(), Self::Error>;

	/// One step: `out = ((x_tᵀ · x_lag + R_t) mod 251) − 125`, exact, with int32 accumulation and
	/// a Euclidean modulus ([`next_entry`]). `R_t` is given as its PRF so a backend can generate
	/// it where it computes (it is never needed as a whole by anyone else). `x_t` and `x_lag` may
	/// be the same matrix (step 0).
	fn step(
		&mut self,
		x_t: &Self::Matrix,
		x_lag: &Self::Matrix,
		r_t: &MatrixPrf,
		out: &mut Self::Matrix,
	) -> Result<(), Self::Error>;

	/// The column leaves of `x` as step `step` ([`column_leaf_hash`](crate::column_leaf_hash)),
	/// in column order: the n² bytes of hashing per step a GPU backend wants on the device.
	fn column_leaves(&mut self, step: u32, x: &Self::Matrix) -> Result<Vec<Hash>, Self::Error>;

	/// `ρ_step`, the Merkle root over the columns of `x`.
	fn column_root(&mut self, step: u32, x: &Self::Matrix) -> Result<Hash, Self::Error> {
		Ok(merkle_root(&self.column_leaves(step, x)?))
	}

	/// Column `j` of `x`, copied out (for openings).
	fn read_column(&mut self, x: &Self::Matrix, j: u32) -> Result<Vec<i8>, Self::Error>;
}

/// Why the [`CpuBackend`] refused: it is only ever handed inconsistent inputs by a caller bug,
/// but reports it instead of panicking.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CpuBackendError {
	/// The matrices (or the PRF) of a step do not all have the same dimension.
	DimensionMismatch,
	/// A column index is `≥ n`.
	ColumnOutOfRange,
}

/// The reference backend: plain loops over host memory, correct first, cache-friendly second.
#[derive(Clone, Copy, Default, Debug)]
pub struct CpuBackend;

/// Lag columns processed together: each column of `X_t` is loaded once per block and dotted with
/// all of them while it sits in L1 (8 columns of 16 KiB at n = 16384 stay in L2).
const LAG_COLUMN_BLOCK: usize = 8;

/// `Σ a_k·b_k` in int32: exact because `n ≤ 16384` bounds it by `n·128² = 2²⁸`.
pub(crate) fn dot(a: &[i8], b: &[i8]) -> i32 {
	a.iter().zip(b).map(|(&x, &y)| i32::from(x) * i32::from(y)).sum()
}

impl ComputeBackend for CpuBackend {
	type Matrix = Matrix;
	type Error = CpuBackendError;

	fn allocate(&mut self, n: u32) -> Result<Matrix, CpuBackendError> {
		Ok(Matrix::zeroed(n))
	}

	fn generate(&mut self, prf: &MatrixPrf, out: &mut Matrix) -> Result<(), CpuBackendError> {
		if prf.n() != out.n() {
			return Err(CpuBackendError::DimensionMismatch);
		}
		prf.fill_from(0, out.as_column_major_mut());
		Ok(())
	}

	fn step(
		&mut self,
		x_t: &Matrix,
		x_lag: &Matrix,
		r_t: &MatrixPrf,
		out: &mut Matrix,
	) -> Result<(), CpuBackendError> {
		let n = x_t.n();
		if x_lag.n() != n || out.n() != n || r_t.n() != n {
			return Err(CpuBackendError::DimensionMismatch);
		}
		let n = n as usize;
		let block_len = LAG_COLUMN_BLOCK * n;
		let mut r_block = vec![0i8; block_len];
		let lag_blocks = x_lag.as_column_major().chunks(block_len);
		let out_blocks = out.as_column_major_mut().chunks_mut(block_len);
		for (block_index, (lag_block, out_block)) in lag_blocks.zip(out_blocks).enumerate() {
			// R_t for the same columns, generated sequentially (one keystream seek per block).
			let r_block =
				r_block.get_mut(..lag_block.len()).ok_or(CpuBackendError::DimensionMismatch)?;
			r_t.fill_from((block_index * block_len) as u64, r_block);
			// Out entry (i, j) = column i of X_t · column j of X_lag (+ R_t[i, j]).
			for (i, x_column) in x_t.columns().enumerate() {
				let lag_columns = lag_block.chunks_exact(n);
				let out_columns = out_block.chunks_exact_mut(n);
				let r_columns = r_block.chunks_exact(n);
				for ((lag_column, out_column), r_column) in
					lag_columns.zip(out_columns).zip(r_columns)
				{
					if let (Some(out_entry), Some(&r)) = (out_column.get_mut(i), r_column.get(i)) {
						*out_entry = next_entry(i64::from(dot(x_column, lag_column)), r);
					}
				}
			}
		}
		Ok(())
	}

	fn column_leaves(&mut self, step: u32, x: &Matrix) -> Result<Vec<Hash>, CpuBackendError> {
		Ok(column_leaves(step, x))
	}

	fn read_column(&mut self, x: &Matrix, j: u32) -> Result<Vec<i8>, CpuBackendError> {
		x.column(j).map(<[i8]>::to_vec).ok_or(CpuBackendError::ColumnOutOfRange)
	}
}

/// A model of a cheating device, for soundness measurements and fault-injection tests: it runs
/// each step on the [`CpuBackend`], then replaces a fraction `skip_ppm / 10⁶` of the output
/// entries by a wrong value — the outcome of skipping that part of the product. The choice is
/// deterministic in `(R_t, position)`, so a replay reproduces the committed (wrong) chain and every
/// Merkle path of its openings verifies; only the entry check can catch it.
#[derive(Clone, Copy, Debug)]
pub struct SkippingBackend {
	/// Parts per million of the entries of every step that are wrong.
	pub skip_ppm: u32,
}

impl ComputeBackend for SkippingBackend {
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
		for (index, entry) in out.as_column_major_mut().iter_mut().enumerate() {
			let mut input = [0u8; 48];
			input[..32].copy_from_slice(r_t.key());
			input[32..40].copy_from_slice(&r_t.stream().to_le_bytes());
			input[40..].copy_from_slice(&(index as u64).to_le_bytes());
			let coin = sp_crypto_hashing::blake2_128(&input);
			let draw = u32::from_le_bytes([coin[0], coin[1], coin[2], coin[3]]) % 1_000_000;
			if draw < self.skip_ppm {
				*entry = if *entry == crate::ENTRY_MAX { crate::ENTRY_MIN } else { *entry + 1 };
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
