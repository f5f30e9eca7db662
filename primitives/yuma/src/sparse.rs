//! Compressed sparse rows (CSR) and the `O(nnz + n)` primitives the epoch needs on them.
//!
//! Indices into per-UID vectors come from validated inputs (`uid < n`), but lookups still go
//! through [`at`] / [`add_at`] so that no input can make the runtime panic.

use alloc::vec::Vec;
use core::ops::Range;

use crate::fixed::Fixed;
use crate::types::Uid;

/// `slice[index]`, or the default value when out of range (never happens on validated input).
pub(crate) fn at<T: Copy + Default>(slice: &[T], index: usize) -> T {
	slice.get(index).copied().unwrap_or_default()
}

/// `slice[index] += value` in `u128` bit space (ignored when out of range).
pub(crate) fn add_at(slice: &mut [u128], index: usize, value: Fixed) {
	if let Some(cell) = slice.get_mut(index) {
		*cell = cell.saturating_add(u128::from(value.to_bits()));
	}
}

/// A sparse matrix of [`Fixed`] values in compressed sparse row form. Columns within a row are
/// strictly increasing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Csr {
	/// `row_start[i]..row_start[i + 1]` are row `i`'s entries; `rows + 1` items.
	row_start: Vec<usize>,
	/// Column of each entry.
	pub(crate) cols: Vec<Uid>,
	/// Value of each entry.
	pub(crate) vals: Vec<Fixed>,
}

impl Csr {
	/// An empty matrix ready to receive rows in order with [`Csr::push`] / [`Csr::end_row`].
	pub(crate) fn with_capacity(rows: usize, entries: usize) -> Self {
		let mut row_start = Vec::with_capacity(rows.saturating_add(1));
		row_start.push(0);
		Csr { row_start, cols: Vec::with_capacity(entries), vals: Vec::with_capacity(entries) }
	}

	/// Appends an entry to the row being built.
	pub(crate) fn push(&mut self, col: Uid, val: Fixed) {
		self.cols.push(col);
		self.vals.push(val);
	}

	/// Closes the row being built.
	pub(crate) fn end_row(&mut self) {
		self.row_start.push(self.cols.len());
	}

	/// Number of entries pushed so far.
	pub(crate) fn len(&self) -> usize {
		self.cols.len()
	}

	/// Number of completed rows.
	pub(crate) fn rows(&self) -> usize {
		self.row_start.len().saturating_sub(1)
	}

	/// Entry index range of row `row` (empty when out of range).
	pub(crate) fn row_range(&self, row: usize) -> Range<usize> {
		let start = at(&self.row_start, row);
		let end = self.row_start.get(row.saturating_add(1)).copied().unwrap_or(start);
		start..end
	}

	/// Row `row` as parallel column and value slices.
	pub(crate) fn row(&self, row: usize) -> (&[Uid], &[Fixed]) {
		let range = self.row_range(row);
		(self.cols.get(range.clone()).unwrap_or_default(), self.vals.get(range).unwrap_or_default())
	}

	/// Iterates `(row, entry range)` over all rows.
	pub(crate) fn row_ranges(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
		self.row_start.windows(2).enumerate().map(|(row, w)| match w {
			[start, end] => (row, *start..*end),
			_ => (row, 0..0),
		})
	}

	/// Iterates `(row, col, value)` over all entries in row-major order.
	pub(crate) fn entries(&self) -> impl Iterator<Item = (usize, Uid, Fixed)> + '_ {
		self.row_ranges().flat_map(move |(row, range)| {
			let cols = self.cols.get(range.clone()).unwrap_or_default();
			let vals = self.vals.get(range).unwrap_or_default();
			cols.iter().zip(vals).map(move |(&col, &val)| (row, col, val))
		})
	}

	/// A matrix with the same sparsity pattern and values `f(row, col, value)`.
	pub(crate) fn map(&self, mut f: impl FnMut(usize, Uid, Fixed) -> Fixed) -> Csr {
		let vals = self.entries().map(|(row, col, val)| f(row, col, val)).collect();
		Csr { row_start: self.row_start.clone(), cols: self.cols.clone(), vals }
	}

	/// A matrix with the same sparsity pattern and the given values, one per entry.
	pub(crate) fn with_values(&self, mut vals: Vec<Fixed>) -> Csr {
		// Always the same length by construction; resizing keeps the structure consistent anyway.
		vals.resize(self.len(), Fixed::ZERO);
		Csr { row_start: self.row_start.clone(), cols: self.cols.clone(), vals }
	}

	/// Exact column sums in `u128` bit space, `n_cols` of them.
	pub(crate) fn column_sums(&self, n_cols: usize) -> Vec<u128> {
		let mut sums = alloc::vec![0u128; n_cols];
		for (&col, &val) in self.cols.iter().zip(&self.vals) {
			add_at(&mut sums, usize::from(col), val);
		}
		sums
	}

	/// Column maxima, `n_cols` of them.
	pub(crate) fn column_max(&self, n_cols: usize) -> Vec<Fixed> {
		let mut max = alloc::vec![Fixed::ZERO; n_cols];
		for (&col, &val) in self.cols.iter().zip(&self.vals) {
			if let Some(cell) = max.get_mut(usize::from(col)) {
				*cell = (*cell).max(val);
			}
		}
		max
	}

	/// Divides every entry by its column's sum (entries of all-zero columns stay zero).
	pub(crate) fn column_normalized(&self, n_cols: usize) -> Csr {
		let sums = self.column_sums(n_cols);
		self.map(|_, col, val| {
			Fixed::from_ratio(u128::from(val.to_bits()), at(&sums, usize::from(col)))
		})
	}

	/// The transpose's entries grouped by column, by a counting sort: `O(nnz + n_cols)`.
	/// Returns `(col_start, (row, value) per entry)` where column `j`'s entries are
	/// `col_start[j]..col_start[j + 1]`, in increasing row order.
	pub(crate) fn transpose(&self, n_cols: usize) -> (Vec<usize>, Vec<(Uid, Fixed)>) {
		let mut col_start = alloc::vec![0usize; n_cols.saturating_add(1)];
		for &col in &self.cols {
			if let Some(count) = col_start.get_mut(usize::from(col).saturating_add(1)) {
				*count = count.saturating_add(1);
			}
		}
		let mut running = 0usize;
		for start in col_start.iter_mut() {
			running = running.saturating_add(*start);
			*start = running;
		}
		// `next[j]` is where column j's next entry goes; starts at col_start[j].
		let mut next: Vec<usize> = col_start.iter().take(n_cols).copied().collect();
		let mut by_col = alloc::vec![(0 as Uid, Fixed::ZERO); self.len()];
		for (row, col, val) in self.entries() {
			if let Some(slot) = next.get_mut(usize::from(col)) {
				if let Some(cell) = by_col.get_mut(*slot) {
					*cell = (Uid::try_from(row).unwrap_or(Uid::MAX), val);
				}
				*slot = slot.saturating_add(1);
			}
		}
		(col_start, by_col)
	}
}

/// Normalizes `u128` accumulators to sum 1 (all-zero stays all-zero).
pub(crate) fn normalize(values: &[u128]) -> Vec<Fixed> {
	let sum = values.iter().fold(0u128, |acc, v| acc.saturating_add(*v));
	values.iter().map(|&v| Fixed::from_ratio(v, sum)).collect()
}
