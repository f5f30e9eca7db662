//! Column-major int8 matrices and the entry reduction `((·) mod 251) − 125`.

use alloc::{vec, vec::Vec};
use core::slice::{ChunksExact, ChunksExactMut};

/// The modulus of the reduction: a prime just below 256, so reduced values fit int8 after
/// centring and carry no exploitable structure (unlike a power of two, which a cheater could
/// compute in low-precision arithmetic).
pub const MODULUS: u32 = 251;
/// Smallest entry value.
pub const ENTRY_MIN: i8 = -125;
/// Largest entry value.
pub const ENTRY_MAX: i8 = 125;

/// `((dot + r) mod 251) − 125` with a true (Euclidean) modulus: the remainder is in `[0, 250]`
/// before centring, whatever the sign of `dot + r`.
///
/// `dot` is a column-by-column dot product; `i64` leaves room for any length-n dot product of
/// arbitrary i8 columns, so this is exact for untrusted inputs too.
pub fn next_entry(dot: i64, r: i8) -> i8 {
	// `rem_euclid(251)` is in `[0, 250]`, so the centred value is in `[−125, 125]` and fits i8.
	((dot + i64::from(r)).rem_euclid(i64::from(MODULUS)) - 125) as i8
}

/// An `n × n` int8 matrix stored column-major: column `j` is `entries[j·n .. (j+1)·n]`.
///
/// Column-major because columns are what the protocol touches: they are the Merkle leaves, and
/// entry `(i, j)` of `Xᵀ·Y` is column `i` of `X` dotted with column `j` of `Y`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Matrix {
	n: u32,
	entries: Vec<i8>,
}

impl Matrix {
	/// The all-zero `n × n` matrix.
	pub fn zeroed(n: u32) -> Self {
		let n_usize = n as usize;
		Self { n, entries: vec![0; n_usize.saturating_mul(n_usize)] }
	}

	/// Wraps column-major entries; `None` unless `entries.len() == n²`.
	pub fn from_column_major(n: u32, entries: Vec<i8>) -> Option<Self> {
		let n_usize = n as usize;
		(n_usize.checked_mul(n_usize) == Some(entries.len())).then_some(Self { n, entries })
	}

	/// The dimension `n`.
	pub fn n(&self) -> u32 {
		self.n
	}

	/// All entries, column-major.
	pub fn as_column_major(&self) -> &[i8] {
		&self.entries
	}

	/// All entries, column-major, mutable (the length cannot change).
	pub fn as_column_major_mut(&mut self) -> &mut [i8] {
		&mut self.entries
	}

	/// Column `j`, or `None` if `j ≥ n`.
	pub fn column(&self, j: u32) -> Option<&[i8]> {
		let n = self.n as usize;
		let start = (j as usize).checked_mul(n)?;
		self.entries.get(start..start.checked_add(n)?)
	}

	/// Column `j`, mutable, or `None` if `j ≥ n`.
	pub fn column_mut(&mut self, j: u32) -> Option<&mut [i8]> {
		let n = self.n as usize;
		let start = (j as usize).checked_mul(n)?;
		self.entries.get_mut(start..start.checked_add(n)?)
	}

	/// Entry `(i, j)` (row `i`, column `j`), or `None` if out of range.
	pub fn get(&self, i: u32, j: u32) -> Option<i8> {
		if i >= self.n {
			return None;
		}
		self.column(j)?.get(i as usize).copied()
	}

	/// The columns in order.
	pub fn columns(&self) -> ChunksExact<'_, i8> {
		self.entries.chunks_exact((self.n as usize).max(1))
	}

	/// The columns in order, mutable.
	pub fn columns_mut(&mut self) -> ChunksExactMut<'_, i8> {
		self.entries.chunks_exact_mut((self.n as usize).max(1))
	}
}
