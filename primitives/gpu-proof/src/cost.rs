//! The on-chain cost of proof-of-GPU per epoch, as a function of the number of GPUs `N` and of
//! verifiers `V`, and the projection that sizes the protocol.
//!
//! Commits never touch the chain: each GPU's agent-signed commit is collected off chain by its
//! `k` assigned verifiers at its deadline block. Per epoch the chain carries:
//!
//! * verdicts: `k` per sampled GPU (`q·N·k`) and `k` per GPU that missed its commit (a fraction
//!   `m` of the others), ≈ 9 bytes each, in chunks of at most `MaxVerdicts`, each a signed
//!   transaction of a verifier, in the verification phase (the blocks after the beacon);
//! * two epoch hooks (epoch start, beacon), O(1) each: nothing is written per GPU at epoch start
//!   (seeds and verifier assignments are implicit, from `R_e`);
//! * fraud proofs: one per caught cheater, ≈ 3n bytes + paths (not part of the steady state).
//!
//! The pallet admits verdict chunks into a block only up to a **budget** (the runtime's
//! `VerdictBlockShare`, 20 % of the block's maximum weight, each chunk counted with its
//! extrinsic's base weight) and refuses the rest until a later block. So the load of one block is
//! bounded whatever `N`: at most the budget, plus the transaction extensions' weight of the
//! chunks that fit (at most `budget / chunk(1)` of them), plus the hooks —
//! [`EpochLoad::peak_share_ppm`]. What grows with `N` is the number of blocks the verdicts need,
//! [`EpochLoad::blocks_needed`], which must stay below the verification phase.
//!
//! [`CostModel::heliox`] holds the per-item weights of the pallet (its `weights.rs`: ref time in
//! picoseconds, ParityDB reads 8 µs, writes 50 µs) on a 2 s / 5 MiB block, `q = 10 %`, `k = 3`,
//! `m = 1 %`, `MaxVerdicts = 512`, a 600-block epoch with the beacon at block 50. The
//! projection (`tests::cost_model::projection_table` prints it; the pallet's
//! `tests::cost::the_pallet_weights_keep_100k_gpus_within_a_quarter_block` recomputes it from
//! the weights it is compiled with):
//!
//! | GPUs `N` | verifiers `V` | verdicts / epoch | chunks | blocks at the budget (of 550) | average block | peak block |
//! | --- | --- | --- | --- | --- | --- | --- |
//! | 1 000 | 100 | 327 | 100 | 1 | 0.03 % | 19.1 % |
//! | 10 000 | 100 | 3 270 | 100 | 4 | 0.14 % | 20.7 % |
//! | **100 000** | 100 | 32 700 | 100 | 35 | **1.2 %** | **20.7 %** |
//! | 100 000 | 1 000 | 32 700 | 1 000 | 40 | 1.5 % | 21.0 % |
//! | 1 000 000 | 1 000 | 327 000 | 1 000 | 342 | 12.4 % | 21.0 % |
//!
//! At 100k GPUs the verdicts need about 35–40 of the 550 verification blocks and no block carries
//! more than about 21 % of its maximum weight; at a million GPUs they still fit the phase.
//! (The weights are the benchmark CLI's output on a debug-built node, whose native host
//! functions — storage overlay, hashing, signature checks — are unoptimized: upper bounds. The
//! pallet's own cost test takes the `()` weights, priced at RocksDB's 25 µs reads and 100 µs
//! writes, and projects 51 of 550 blocks at 100k GPUs and V = 100.)
//!
//! Off chain, each verifier fetches `k·N/V` signed commits (112 bytes each) at the deadlines and
//! checks its `q·k·N/V` sampled GPUs in `K·O(n)`: at the production size `n = 16384`,
//! `T = 1024`, `K = 48` an answer is 2.48 MB (51 702 bytes per opening) and decoding plus
//! verifying it takes 3.7 ms (13 ms when openings touch `X_0`, whose columns are regenerated from
//! the PRF) on one core of the 2-core development VM (release build; signature checks add about
//! 50 µs per opening), against `2n³·T ≈ 9·10¹⁵` int8 operations to recompute the chain (13 days
//! at the CPU backend's 8 GOPS, over an hour on an H100): a ratio above 10⁸. With `q = 10 %`,
//! `k = 3`, 100 000 GPUs and 100 verifiers each verifier collects 3 000 commits (0.34 MB) and
//! checks about 300 GPUs per epoch: ≈ 0.75 GB downloaded and a few seconds of CPU per
//! 30-minute epoch.

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
	/// Active GPUs `N`.
	pub gpus: u64,
	/// Verifiers `V`.
	pub verifiers: u32,
	/// Blocks per challenge epoch.
	pub epoch_blocks: u32,
	/// Blocks from the epoch start to the beacon (verdicts land in the rest of the epoch).
	pub commit_window_blocks: u32,
	/// Sampled fraction `q` in parts per billion.
	pub sample_fraction_ppb: u32,
	/// Fraction `m` of the unsampled GPUs that miss their commit, in parts per billion.
	pub miss_fraction_ppb: u32,
	/// Verifiers assigned per GPU `k`.
	pub verifiers_per_gpu: u32,
	/// Most verdicts per chunk (`MaxVerdicts`).
	pub max_verdicts: u32,
	/// The base weight of an extrinsic (counted in the budget with each chunk) and the
	/// envelope bytes (address, signature, extensions).
	pub extrinsic_base: ItemCost,
	/// The transaction extensions' weight per transaction (nonce, fee, mortality; not in the
	/// budget).
	pub extensions_ref_time: u64,
	/// One chunk's fixed part (verifier lookup, budget, cursor; call bytes).
	pub report: ItemCost,
	/// One verdict (assignment, tally read/write, settlement share).
	pub verdict: ItemCost,
	/// Both epoch hooks together, per epoch.
	pub hooks_ref_time: u64,
	/// The block's maximum reference time (picoseconds).
	pub block_ref_time: u64,
	/// The block's maximum length in bytes.
	pub block_bytes: u64,
	/// The verdict budget per block, parts per million of `block_ref_time`.
	pub budget_ppm: u32,
}

/// The load of one epoch.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct EpochLoad {
	/// Sampled GPUs (expected).
	pub sampled: u64,
	/// Unsampled GPUs that missed their commit (expected).
	pub missed: u64,
	/// Verdicts (expected).
	pub verdicts: u64,
	/// Verdict chunks (transactions).
	pub chunks: u64,
	/// Whole epoch: the chunks' weight and bytes (extensions included).
	pub reports: ItemCost,
	/// Blocks the verdicts need at the per-block budget.
	pub blocks_needed: u64,
	/// Blocks of the verification phase.
	pub verify_blocks: u64,
	/// The average load of a verification-phase block.
	pub average_per_block: ItemCost,
	/// The average block's share, parts per million (max of time and bytes).
	pub average_share_ppm: u64,
	/// The fullest block's share: the budget, the extensions of the chunks that fit in it and
	/// the hooks, parts per million (max of time and bytes).
	pub peak_share_ppm: u64,
}

impl EpochLoad {
	/// Whether every verdict fits in the verification phase at the budget.
	pub fn fits(&self) -> bool {
		self.blocks_needed <= self.verify_blocks
	}
}

impl CostModel {
	/// The Heliox pallet's weights (see `pallets/gpu-proof/src/weights.rs`) on a 2 s / 5 MiB
	/// block, `q = 10 %`, `k = 3`, `m = 1 %`, chunks of 512 verdicts, a 20 % verdict budget and a
	/// 600-block epoch with the beacon at block 50.
	pub fn heliox(gpus: u64, verifiers: u32) -> Self {
		Self {
			gpus,
			verifiers,
			epoch_blocks: 600,
			commit_window_blocks: 50,
			sample_fraction_ppb: 100_000_000,
			miss_fraction_ppb: 10_000_000,
			verifiers_per_gpu: 3,
			max_verdicts: 512,
			// ExtrinsicBaseWeight (~110 µs); MultiAddress + signature + extensions ≈ 110 bytes.
			extrinsic_base: ItemCost { ref_time: 110_000_000, bytes: 110 },
			// CheckNonce, ChargeTransactionPayment, CheckMortality, …: a few reads and writes.
			extensions_ref_time: 140_000_000,
			// `submit_verdicts` base as generated into pallet-gpu-proof's `weights.rs` (the
			// benchmark CLI on a debug-built node, so an upper bound): 2 064 µs + 7 reads + 2
			// writes at ParityDB weights; call: index 2 + epoch 8 + length.
			report: ItemCost { ref_time: 2_220_000_000, bytes: 14 },
			// Per verdict: 237 µs + 3 reads + 3 writes; bytes: gpu 8 + verdict 1.
			verdict: ItemCost { ref_time: 411_000_000, bytes: 9 },
			// `on_initialize_epoch_start` + `on_initialize_beacon`.
			hooks_ref_time: 2 * 170_000_000,
			block_ref_time: 2_000_000_000_000,
			block_bytes: 5 * 1024 * 1024,
			budget_ppm: 200_000,
		}
	}

	/// The expected load of one epoch and of its blocks.
	pub fn epoch_load(&self) -> EpochLoad {
		let fraction = |ppb: u32, of: u64| {
			(u128::from(of) * u128::from(ppb.min(crate::PPB)) / u128::from(crate::PPB)) as u64
		};
		let sampled = fraction(self.sample_fraction_ppb, self.gpus);
		let missed = fraction(self.miss_fraction_ppb, self.gpus.saturating_sub(sampled));
		let assigned = u64::from(self.verifiers_per_gpu.min(self.verifiers));
		let verdicts = sampled.saturating_add(missed).saturating_mul(assigned);
		let verifiers = u64::from(self.verifiers.max(1));
		let per_verifier = verdicts.div_ceil(verifiers);
		let max_verdicts = u64::from(self.max_verdicts.max(1));
		let chunks =
			if verdicts == 0 { 0 } else { per_verifier.div_ceil(max_verdicts) * verifiers };
		let chunk_fixed = self.extrinsic_base.plus(self.report);
		let extensions = ItemCost { ref_time: self.extensions_ref_time, bytes: 0 };
		let budgeted = chunk_fixed.times(chunks).plus(self.verdict.times(verdicts));
		let reports = budgeted.plus(extensions.times(chunks));
		let budget = u128::from(self.block_ref_time) * u128::from(self.budget_ppm) / 1_000_000;
		let budget = budget as u64;
		let blocks_needed = budgeted.ref_time.div_ceil(budget.max(1));
		let verify_blocks =
			u64::from(self.epoch_blocks.saturating_sub(self.commit_window_blocks).max(1));
		let average_per_block = ItemCost {
			ref_time: reports.ref_time.div_ceil(verify_blocks),
			bytes: reports.bytes.div_ceil(verify_blocks),
		};
		let share = |ref_time: u64, bytes: u64| {
			let time = u128::from(ref_time) * 1_000_000 / u128::from(self.block_ref_time.max(1));
			let bytes = u128::from(bytes) * 1_000_000 / u128::from(self.block_bytes.max(1));
			time.max(bytes) as u64
		};
		// The fullest block: the budget filled with the smallest chunks (the most extensions).
		let smallest_chunk = chunk_fixed.plus(self.verdict).ref_time.max(1);
		let chunks_in_block = (budget / smallest_chunk).min(chunks);
		let peak_time = budget.min(budgeted.ref_time)
			+ chunks_in_block.saturating_mul(self.extensions_ref_time)
			+ self.hooks_ref_time / 2;
		let peak_bytes = chunks_in_block
			.saturating_mul(chunk_fixed.plus(self.verdict).bytes)
			.max(u64::from(self.max_verdicts).saturating_mul(self.verdict.bytes));
		EpochLoad {
			sampled,
			missed,
			verdicts,
			chunks,
			reports,
			blocks_needed,
			verify_blocks,
			average_per_block,
			average_share_ppm: share(average_per_block.ref_time, average_per_block.bytes),
			peak_share_ppm: share(peak_time, peak_bytes),
		}
	}
}
