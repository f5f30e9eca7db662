//! Merkle trees: shape, paths, forgeries.

use super::*;

fn leaves(count: usize) -> Vec<Hash> {
	(0..count).map(|k| blake2_256(&(k as u64).to_le_bytes())).collect()
}

#[test]
fn promote_last_tree_equals_rfc6962_split_and_all_paths_verify() {
	for count in 1..=33usize {
		let leaves = leaves(count);
		let tree = MerkleTree::from_leaves(leaves.clone());
		assert_eq!(tree.root(), rfc6962_root(&leaves), "count {count}");
		assert_eq!(merkle_root(&leaves), tree.root());
		assert_eq!(tree.leaf_count(), count);
		for index in 0..count as u32 {
			let path = tree.path(index).unwrap();
			assert_eq!(Some(path.siblings.len()), path_length(count as u32, index));
			assert!(path.siblings.len() as u32 <= tree_depth(count as u32));
			assert!(verify_path(&tree.root(), count as u32, &leaves[index as usize], &path));
		}
		assert_eq!(tree.path(count as u32), None);
		assert_eq!(path_length(count as u32, count as u32), None);
	}
	assert_eq!(merkle_root(&[]), EMPTY_ROOT);
	assert_eq!(tree_depth(1), 0);
	assert_eq!(tree_depth(2), 1);
	assert_eq!(tree_depth(3), 2);
	assert_eq!(tree_depth(16_384), 14);
	assert_eq!(tree_depth(16_385), 15);
}

#[test]
fn odd_counts_promote_instead_of_duplicating() {
	let three = leaves(3);
	let root = merkle_root(&three);
	assert_eq!(root, node_hash(&node_hash(&three[0], &three[1]), &three[2]));
	// Bitcoin's duplicate-last rule would make [a, b, c] and [a, b, c, c] collide; here they differ.
	let mut four = three.clone();
	four.push(three[2]);
	assert_ne!(merkle_root(&four), root);
	// The promoted leaf's path has one sibling only.
	assert_eq!(MerkleTree::from_leaves(three).path(2).unwrap().siblings.len(), 1);
}

#[test]
fn forged_paths_are_rejected() {
	let count = 11u32;
	let leaves = leaves(count as usize);
	let tree = MerkleTree::from_leaves(leaves.clone());
	let root = tree.root();
	for index in 0..count {
		let honest = tree.path(index).unwrap();
		let leaf = &leaves[index as usize];
		// Flip each sibling.
		for s in 0..honest.siblings.len() {
			let mut forged = honest.clone();
			forged.siblings[s][0] ^= 1;
			assert!(!verify_path(&root, count, leaf, &forged));
		}
		// Extra or missing sibling.
		let mut longer = honest.clone();
		longer.siblings.push([0; 32]);
		assert_eq!(root_from_path(count, leaf, &longer), None);
		let mut shorter = honest.clone();
		shorter.siblings.pop();
		assert!(!verify_path(&root, count, leaf, &shorter));
		// Wrong index (same siblings), wrong leaf, index out of range.
		let mut moved = honest.clone();
		moved.leaf_index = (index + 1) % count;
		assert!(!verify_path(&root, count, leaf, &moved));
		assert!(!verify_path(&root, count, &leaves[((index + 1) % count) as usize], &honest));
		// (The leaf count is a protocol constant, not attacker input: a path may also fit a
		// tree of another size with the same shape along it, which is harmless.)
		let mut outside = honest.clone();
		outside.leaf_index = count;
		assert_eq!(root_from_path(count, leaf, &outside), None);
	}
	// An interior node is not accepted as a leaf (leaves and nodes have different domains).
	let interior = node_hash(&leaves[0], &leaves[1]);
	let lifted =
		MerklePath { leaf_index: 0, siblings: tree.path(0).unwrap().siblings[1..].to_vec() };
	assert!(!verify_path(&root, count, &interior, &lifted));
}

#[test]
fn column_leaves_bind_step_index_and_content() {
	let column = [1i8, -2, 3, -125];
	let leaf = column_leaf_hash(4, 2, &column);
	assert_ne!(leaf, column_leaf_hash(5, 2, &column));
	assert_ne!(leaf, column_leaf_hash(4, 3, &column));
	assert_ne!(leaf, column_leaf_hash(4, 2, &[1, -2, 3, -124]));
	let rows: Rows = (0..4).map(|i| vec![0, 0, i32::from(column[i]), 0]).collect();
	assert_eq!(leaf, reference_column_leaf(4, &rows, 2));
	assert_ne!(step_leaf_hash(1, &[0; 32]), step_leaf_hash(2, &[0; 32]));
}
