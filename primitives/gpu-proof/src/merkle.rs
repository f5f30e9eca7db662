//! Binary Merkle trees over matrix columns (one tree per step, root `ρ_t`) and over step roots
//! (the commitment).
//!
//! * leaf of column `c` of `X_t`: `blake2_256("…/column-leaf" ‖ t (u32 LE) ‖ c (u32 LE) ‖ column)`
//!   with the column's i8 entries as two's-complement bytes. Binding the step and the column index
//!   into the leaf means a column cannot be presented as another column or as part of another
//!   step, even where two matrices happen to share a column.
//! * leaf of step `t`: `blake2_256("…/step-leaf" ‖ t (u32 LE) ‖ ρ_t)`.
//! * node: `blake2_256("…/node" ‖ left ‖ right)`. Leaves and nodes use different domains, so a
//!   node can never be passed off as a leaf (second preimage).
//! * odd counts: a level's last node without a partner is **promoted** unchanged to the next
//!   level (no duplication). With the leaf count known to the verifier (`n` columns, `T + 1`
//!   steps) the tree shape is fixed, and a path has exactly one sibling per level where its node
//!   has a partner ([`path_length`]). The result equals RFC 6962's recursive split (left subtree =
//!   the largest power of two below the count), which the tests check.

use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_crypto_hashing::blake2_256;

use crate::{domain, Hash, Matrix};

/// Root of a tree with no leaves. The protocol never builds one (`n ≥ 2`, `T + 1 ≥ 2`); it is
/// defined only so that [`merkle_root`] is total.
pub const EMPTY_ROOT: Hash = [0; 32];

/// A Merkle inclusion path: the leaf's index and the sibling hashes from the leaf level upwards,
/// one per level where the node has a partner.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct MerklePath {
	/// Index of the authenticated leaf (column index or step index).
	pub leaf_index: u32,
	/// Sibling hashes, leaf level first.
	pub siblings: Vec<Hash>,
}

/// An interior node: `blake2_256("heliox/pogpu/v1/node" ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
	let mut input = [0u8; domain::NODE.len() + 64];
	let (prefix, rest) = input.split_at_mut(domain::NODE.len());
	prefix.copy_from_slice(domain::NODE);
	let (left_bytes, right_bytes) = rest.split_at_mut(32);
	left_bytes.copy_from_slice(left);
	right_bytes.copy_from_slice(right);
	blake2_256(&input)
}

/// The leaf of column `column_index` of `X_step`.
pub fn column_leaf_hash(step: u32, column_index: u32, column: &[i8]) -> Hash {
	let mut buffer = Vec::new();
	column_leaf_hash_into(&mut buffer, step, column_index, column)
}

/// [`column_leaf_hash`] reusing `buffer` (hashing a whole matrix allocates once, not n times).
fn column_leaf_hash_into(
	buffer: &mut Vec<u8>,
	step: u32,
	column_index: u32,
	column: &[i8],
) -> Hash {
	buffer.clear();
	buffer.reserve(domain::COLUMN_LEAF.len() + 8 + column.len());
	buffer.extend_from_slice(domain::COLUMN_LEAF);
	buffer.extend_from_slice(&step.to_le_bytes());
	buffer.extend_from_slice(&column_index.to_le_bytes());
	// Two's-complement bytes: the i8 → u8 cast reinterprets the bits.
	buffer.extend(column.iter().map(|&entry| entry as u8));
	blake2_256(buffer)
}

/// The leaf of step `step` in the commitment tree.
pub fn step_leaf_hash(step: u32, step_root: &Hash) -> Hash {
	let mut input = [0u8; domain::STEP_LEAF.len() + 4 + 32];
	let (prefix, rest) = input.split_at_mut(domain::STEP_LEAF.len());
	prefix.copy_from_slice(domain::STEP_LEAF);
	let (step_bytes, root_bytes) = rest.split_at_mut(4);
	step_bytes.copy_from_slice(&step.to_le_bytes());
	root_bytes.copy_from_slice(step_root);
	blake2_256(&input)
}

/// The column leaves of `X_step`, in column order.
pub fn column_leaves(step: u32, matrix: &Matrix) -> Vec<Hash> {
	let mut buffer = Vec::new();
	matrix
		.columns()
		.enumerate()
		.map(|(index, column)| column_leaf_hash_into(&mut buffer, step, index as u32, column))
		.collect()
}

/// `ρ_step`: the Merkle root over the columns of `X_step`.
pub fn column_root(step: u32, matrix: &Matrix) -> Hash {
	merkle_root(&column_leaves(step, matrix))
}

/// Maximum path length (tree height) for `leaf_count` leaves: `⌈log₂ leaf_count⌉`.
pub fn tree_depth(leaf_count: u32) -> u32 {
	if leaf_count <= 1 {
		0
	} else {
		u32::BITS - (leaf_count - 1).leading_zeros()
	}
}

/// Exact number of siblings on the path of leaf `leaf_index` in a tree of `leaf_count` leaves
/// (promoted nodes have none at their level); `None` if the index is out of range.
pub fn path_length(leaf_count: u32, leaf_index: u32) -> Option<usize> {
	if leaf_index >= leaf_count {
		return None;
	}
	let (mut index, mut width, mut length) = (leaf_index, leaf_count, 0usize);
	while width > 1 {
		if index ^ 1 < width {
			length += 1;
		}
		index >>= 1;
		width = width.div_ceil(2);
	}
	Some(length)
}

/// Recomputes the root from a leaf hash and its path in a tree of `leaf_count` leaves. `None` if
/// the index is out of range or the path has too few or too many siblings: a path is accepted
/// only in its one canonical form.
pub fn root_from_path(leaf_count: u32, leaf_hash: &Hash, path: &MerklePath) -> Option<Hash> {
	if path.leaf_index >= leaf_count {
		return None;
	}
	let (mut index, mut width, mut node) = (path.leaf_index, leaf_count, *leaf_hash);
	let mut siblings = path.siblings.iter();
	while width > 1 {
		if index ^ 1 < width {
			let sibling = siblings.next()?;
			node =
				if index & 1 == 0 { node_hash(&node, sibling) } else { node_hash(sibling, &node) };
		}
		index >>= 1;
		width = width.div_ceil(2);
	}
	siblings.next().is_none().then_some(node)
}

/// Whether `path` proves `leaf_hash` at `path.leaf_index` under `root` in a tree of `leaf_count`
/// leaves.
pub fn verify_path(root: &Hash, leaf_count: u32, leaf_hash: &Hash, path: &MerklePath) -> bool {
	root_from_path(leaf_count, leaf_hash, path).as_ref() == Some(root)
}

/// The root over `leaves` (see the module docs for the odd-count rule).
pub fn merkle_root(leaves: &[Hash]) -> Hash {
	let Some(first) = leaves.first() else { return EMPTY_ROOT };
	if leaves.len() == 1 {
		return *first;
	}
	let mut level = next_level(leaves);
	while level.len() > 1 {
		level = next_level(&level);
	}
	level.first().copied().unwrap_or(EMPTY_ROOT)
}

/// One level up: pairs are hashed, a last unpaired node is promoted.
fn next_level(level: &[Hash]) -> Vec<Hash> {
	level
		.chunks(2)
		.map(|pair| match pair {
			[left, right] => node_hash(left, right),
			[last] => *last,
			_ => EMPTY_ROOT, // `chunks(2)` yields one or two nodes
		})
		.collect()
}

/// A Merkle tree with all its levels kept, for producing paths (agent side).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MerkleTree {
	/// `levels[0]` are the leaves, the last level is the root alone.
	levels: Vec<Vec<Hash>>,
}

impl MerkleTree {
	/// Builds the tree over `leaves`.
	pub fn from_leaves(leaves: Vec<Hash>) -> Self {
		let mut levels = Vec::new();
		let mut level = leaves;
		while level.len() > 1 {
			let up = next_level(&level);
			levels.push(level);
			level = up;
		}
		levels.push(level);
		Self { levels }
	}

	/// Number of leaves.
	pub fn leaf_count(&self) -> usize {
		self.levels.first().map_or(0, Vec::len)
	}

	/// The root ([`EMPTY_ROOT`] for no leaves).
	pub fn root(&self) -> Hash {
		self.levels.last().and_then(|top| top.first()).copied().unwrap_or(EMPTY_ROOT)
	}

	/// The leaves.
	pub fn leaves(&self) -> &[Hash] {
		self.levels.first().map_or(&[], Vec::as_slice)
	}

	/// The inclusion path of leaf `leaf_index`, or `None` if out of range.
	pub fn path(&self, leaf_index: u32) -> Option<MerklePath> {
		let mut index = leaf_index as usize;
		if index >= self.leaf_count() {
			return None;
		}
		let mut siblings = Vec::new();
		// The top level (the root) has no siblings.
		for level in self.levels.iter().take(self.levels.len().saturating_sub(1)) {
			if let Some(sibling) = level.get(index ^ 1) {
				siblings.push(*sibling);
			}
			index >>= 1;
		}
		Some(MerklePath { leaf_index, siblings })
	}
}
