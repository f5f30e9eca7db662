//! The on-chain cost of proof-of-GPU per epoch, as a function of the number of GPUs `N` and of
//! verifiers `V`, and the projection that sizes the protocol.
//!
//! Per epoch the chain carries:
//!
//! * `N` commits (one per Active GPU; 8 + 8 + 32 + 64 bytes of call data each), spread over the
//!   commit window, singly or batched (`submit_commits`);
//! * `q·N` sampled GPUs, each judged by `k` assigned verifiers: `q·N·k` verdicts (≈ 9 bytes each)
//!   in `V` reports (one signed transaction per verifier per epoch), spread over the verification
//!   phase (the rest of the epoch);
//! * two epoch hooks (epoch start, beacon), O(1) each: nothing is written per GPU at epoch start
//!   (seeds are implicit, `challenge_seed(R_e, g, e)`);
//! * fraud proofs: one per caught cheater, ≈ 3n bytes + paths (not part of the steady state).
//!
//! [`CostModel::heliox`] holds the per-item weights of the pallet (its `weights.rs`: ref time in
//! picoseconds, RocksDB reads 25 µs, writes 100 µs) and a 2 s / 5 MiB block with 75 % for normal
//! transactions (the Heliox runtime). [`CostModel::epoch_load`] gives the per-block load of the
//! busier phase. The projection (`q = 10 %`, `k = 5`, a 600-block epoch, commits in the first
//! half, one commit per transaction: the worst case; batching only lowers it):
//!
//! | GPUs `N` | verifiers `V` | commits / block (commit phase) | verdicts / block (verify phase) | ref time / block (busier phase) | bytes / block | share of a block's normal class |
//! | --- | --- | --- | --- | --- | --- | --- |
//! | 1 000 | 100 | 3.3 | 1.7 | 2.2 ms | 0.7 KB | 0.15 % |
//! | 10 000 | 100 | 33 | 17 | 22 ms | 7.5 KB | 1.5 % |
//! | **100 000** | 100 | 333 | 167 | 218 ms | 75 KB | **14.6 %** (10.9 % of the whole 2 s block) |
//! | 100 000 | 1 000 | 333 | 167 | 218 ms | 75 KB | 14.6 % |
//! | 1 000 000 | 1 000 | 3 333 | 1 667 | 2.18 s | 750 KB | 146 % (too much: batch commits, lengthen the epoch) |
//!
//! Per epoch at 100k GPUs: 100 000 commits (22 MB of transactions, 65 s of weight in total) and
//! 50 000 verdicts in `V` reports (0.26 MB with `V = 100`, 20 s of weight). Commits dominate;
//! batching them (`submit_commits`) removes most of the per-transaction overhead.
//!
//! Off chain, a verifier checks one GPU in `K·O(n)`: at the production size `n = 16384`,
//! `T = 1024`, `K = 48` the answer is 2.48 MB (51 702 bytes per opening) and decoding plus
//! verifying it takes 3.7 ms (13 ms when openings touch `X_0`, whose columns are regenerated from
//! the PRF) on one core of the 2-core development VM (release build; signature checks add about
//! 50 µs per opening), against `2n³·T ≈ 9·10¹⁵` int8 operations to recompute the chain (13 days
//! at the CPU backend's 8 GOPS, over an hour on an H100): a ratio above 10⁸. With `q = 10 %`,
//! `k = 5`, 100 000 GPUs and 100 verifiers each verifier checks about 500 GPUs per epoch:
//! ≈ 1.2 GB downloaded and a few seconds of CPU per 30-minute epoch.
//!
//! The table is reproduced (and the 25 % target at 100k GPUs asserted) by
//! `tests::cost_model::projection_table`, with the exact figures printed.

/// Cost of one item: execution time and bytes in the block.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ItemCost {
	/// Reference time in picoseconds (`Weight::ref_time`).
	pub ref_time: u64,
	/// Bytes of the encoded extrinsic (or of the item within one).
	pub bytes: u64,
}

impl ItemCost {
	fn times(self, count: u64) -> ItemCost {
		ItemCost {
			ref_time: self.ref_time.saturating_mul(count),
			bytes: self.bytes.saturating_mul(count),
		}
	}
	fn plus(self, other: ItemCost) -> ItemCost {
		ItemCost {
			ref_time: self.ref_time.saturating_add(other.ref_time),
			bytes: self.bytes.saturating_add(other.bytes),
		}
	}
}

/// Inputs of the projection.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CostModel {
	/// Active GPUs `N` (each commits every epoch).
	pub gpus: u64,
	/// Verifiers `V` (each sends one report per epoch).
	pub verifiers: u32,
	/// Blocks per challenge epoch.
	pub epoch_blocks: u32,
	/// Blocks of the commit window (commits land here; verdicts in the rest of the epoch).
	pub commit_window_blocks: u32,
	/// Sampled fraction `q` in parts per billion.
	pub sample_fraction_ppb: u32,
	/// Verifiers assigned per sampled GPU `k`.
	pub verifiers_per_gpu: u32,
	/// Commits per `submit_commits` transaction (1 = `submit_commit`).
	pub commits_per_tx: u32,
	/// Transaction overhead (base extrinsic weight, signature, nonce and fee; envelope bytes).
	pub transaction: ItemCost,
	/// One commit (signature check, registry reads, one write; call bytes).
	pub commit: ItemCost,
	/// One report's fixed part (verifier lookup, dedupe).
	pub report: ItemCost,
	/// One verdict (assignment, tally read/write, settlement share).
	pub verdict: ItemCost,
	/// Both epoch hooks together, per epoch.
	pub hooks_ref_time: u64,
	/// Block reference time available to normal transactions (picoseconds).
	pub block_ref_time: u64,
	/// Block bytes available to normal transactions.
	pub block_bytes: u64,
}

/// The load of one epoch.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct EpochLoad {
	/// Commit transactions.
	pub commit_txs: u64,
	/// Sampled GPUs (expected).
	pub sampled: u64,
	/// Verdicts (expected).
	pub verdicts: u64,
	/// Whole epoch: commits.
	pub commits: ItemCost,
	/// Whole epoch: reports.
	pub reports: ItemCost,
	/// Per block during the commit window.
	pub commit_phase_per_block: ItemCost,
	/// Per block during the verification phase.
	pub verify_phase_per_block: ItemCost,
	/// The busier phase's share of the block, parts per million (max of time and bytes).
	pub block_share_ppm: u64,
}

impl CostModel {
	/// The Heliox pallet's weights (see `pallets/gpu-proof/src/weights.rs`) on a 2 s / 5 MiB
	/// block (75 % normal), `q = 10 %`, `k = 5`, a 600-block epoch with commits in its first half,
	/// one commit per transaction.
	pub fn heliox(gpus: u64, verifiers: u32) -> Self {
		Self {
			gpus,
			verifiers,
			epoch_blocks: 600,
			commit_window_blocks: 300,
			sample_fraction_ppb: 100_000_000,
			verifiers_per_gpu: 5,
			commits_per_tx: 1,
			// ExtrinsicBaseWeight (~110 µs) + signed-extension reads/writes (nonce, fee) and
			// the transaction signature; MultiAddress + signature + extensions ≈ 110 bytes.
			transaction: ItemCost { ref_time: 250_000_000, bytes: 110 },
			// `submit_commit`: 80 µs (sr25519 check) + 5 reads + 2 writes; call: index 2 +
			// gpu 8 + epoch 8 + root 32 + signature 64.
			commit: ItemCost { ref_time: 405_000_000, bytes: 114 },
			// `submit_verdicts` base: 40 µs + 5 reads + 1 write; call: index 2 + epoch 8 + length.
			report: ItemCost { ref_time: 265_000_000, bytes: 14 },
			// Per verdict: 30 µs (k + 1 hashes) + 3 reads + 3 writes (every verdict charged as if
			// it settled); bytes: gpu 8 + verdict 1.
			verdict: ItemCost { ref_time: 405_000_000, bytes: 9 },
			// `on_initialize_epoch_start` + `on_initialize_beacon`.
			hooks_ref_time: 2 * 170_000_000,
			block_ref_time: 1_500_000_000_000,
			block_bytes: 5 * 1024 * 1024 * 3 / 4,
		}
	}

	/// The expected load of one epoch and of a block in each phase.
	pub fn epoch_load(&self) -> EpochLoad {
		let per_tx = u64::from(self.commits_per_tx.max(1));
		let commit_txs = self.gpus.div_ceil(per_tx);
		let sampled = (u128::from(self.gpus) * u128::from(self.sample_fraction_ppb)
			/ u128::from(crate::PPB)) as u64;
		let assigned = u64::from(self.verifiers_per_gpu.min(self.verifiers));
		let verdicts = sampled.saturating_mul(assigned);
		let commits = self.transaction.times(commit_txs).plus(self.commit.times(self.gpus));
		let reports = self
			.transaction
			.plus(self.report)
			.times(u64::from(self.verifiers))
			.plus(self.verdict.times(verdicts));
		let window = u64::from(self.commit_window_blocks.max(1));
		let verify_blocks =
			u64::from(self.epoch_blocks.saturating_sub(self.commit_window_blocks).max(1));
		let hooks = ItemCost { ref_time: self.hooks_ref_time, bytes: 0 };
		let per_block = |total: ItemCost, blocks: u64| ItemCost {
			ref_time: total.ref_time.div_ceil(blocks),
			bytes: total.bytes.div_ceil(blocks),
		};
		let commit_phase_per_block = per_block(commits.plus(hooks), window);
		let verify_phase_per_block = per_block(reports, verify_blocks);
		let share = |load: ItemCost| {
			let time =
				u128::from(load.ref_time) * 1_000_000 / u128::from(self.block_ref_time.max(1));
			let bytes = u128::from(load.bytes) * 1_000_000 / u128::from(self.block_bytes.max(1));
			time.max(bytes) as u64
		};
		EpochLoad {
			commit_txs,
			sampled,
			verdicts,
			commits,
			reports,
			commit_phase_per_block,
			verify_phase_per_block,
			block_share_ppm: share(commit_phase_per_block).max(share(verify_phase_per_block)),
		}
	}
}
