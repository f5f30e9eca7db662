//! The cost model's projection (the table in `cost.rs`).

use crate::cost::*;

#[test]
fn projection_table() {
	println!("| N | V | commits/block | verdicts/block | ref time/block | bytes/block | share |");
	for (gpus, verifiers) in
		[(1_000u64, 100u32), (10_000, 100), (100_000, 100), (100_000, 1_000), (1_000_000, 1_000)]
	{
		let model = CostModel::heliox(gpus, verifiers);
		let load = model.epoch_load();
		let busiest =
			if load.commit_phase_per_block.ref_time >= load.verify_phase_per_block.ref_time {
				load.commit_phase_per_block
			} else {
				load.verify_phase_per_block
			};
		println!(
			"| {gpus} | {verifiers} | {:.1} | {:.1} | {:.2} ms | {:.1} KB | {:.2} % |",
			gpus as f64 / f64::from(model.commit_window_blocks),
			load.verdicts as f64 / f64::from(model.epoch_blocks - model.commit_window_blocks),
			busiest.ref_time as f64 / 1e9,
			load.commit_phase_per_block.bytes.max(load.verify_phase_per_block.bytes) as f64 / 1e3,
			load.block_share_ppm as f64 / 1e4,
		);
	}
	// The sizing target: at 100k GPUs and a 600-block epoch, within 25 % of a block.
	for verifiers in [100, 1_000] {
		let load = CostModel::heliox(100_000, verifiers).epoch_load();
		assert!(load.block_share_ppm < 250_000, "{load:?}");
		assert_eq!(load.sampled, 10_000);
		assert_eq!(load.verdicts, 50_000);
	}
	// Batching commits only lowers it.
	let single = CostModel::heliox(100_000, 100).epoch_load();
	let batched = CostModel { commits_per_tx: 16, ..CostModel::heliox(100_000, 100) }.epoch_load();
	assert!(batched.commit_phase_per_block.ref_time < single.commit_phase_per_block.ref_time);
	// Linear in N.
	let small = CostModel::heliox(1_000, 100).epoch_load();
	assert!(single.commits.ref_time / small.commits.ref_time == 100);
}

#[test]
fn degenerate_inputs_do_not_panic() {
	let model = CostModel {
		gpus: u64::MAX,
		verifiers: 0,
		epoch_blocks: 0,
		commit_window_blocks: 0,
		commits_per_tx: 0,
		..CostModel::heliox(0, 0)
	};
	let _ = model.epoch_load();
	let load = CostModel::heliox(0, 0).epoch_load();
	assert_eq!(load.verdicts, 0);
}
