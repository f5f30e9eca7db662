//! The cost model's projection (the table in `cost.rs`).

use crate::cost::*;

#[test]
fn projection_table() {
	println!("| N | V | verdicts | chunks | blocks needed | average block | peak block |");
	for (gpus, verifiers) in
		[(1_000u64, 100u32), (10_000, 100), (100_000, 100), (100_000, 1_000), (1_000_000, 1_000)]
	{
		let load = CostModel::heliox(gpus, verifiers).epoch_load();
		println!(
			"| {gpus} | {verifiers} | {} | {} | {} of {} | {:.2} % | {:.2} % |",
			load.verdicts,
			load.chunks,
			load.blocks_needed,
			load.verify_blocks,
			load.average_share_ppm as f64 / 1e4,
			load.peak_share_ppm as f64 / 1e4,
		);
		assert!(load.fits(), "{load:?}");
		assert!(load.peak_share_ppm < 250_000, "{load:?}");
	}
	// The sizing target: at 100k GPUs, within 25 % of a block in every block.
	for verifiers in [100, 1_000] {
		let load = CostModel::heliox(100_000, verifiers).epoch_load();
		assert_eq!(load.sampled, 10_000);
		assert_eq!(load.missed, 900);
		assert_eq!(load.verdicts, 32_700);
		assert!(load.peak_share_ppm < 250_000 && load.fits(), "{load:?}");
	}
	// Linear in N; the peak does not grow with N (the budget caps it).
	let small = CostModel::heliox(1_000, 100).epoch_load();
	let large = CostModel::heliox(100_000, 100).epoch_load();
	assert_eq!(large.verdicts, small.verdicts * 100);
	assert!(large.peak_share_ppm <= CostModel::heliox(1_000_000, 100).epoch_load().peak_share_ppm);
	// Without a budget the same verdicts would need more than the phase at 10M GPUs.
	assert!(!CostModel::heliox(10_000_000, 1_000).epoch_load().fits());
}

#[test]
fn degenerate_inputs_do_not_panic() {
	let model = CostModel {
		gpus: u64::MAX,
		verifiers: 0,
		epoch_blocks: 0,
		commit_window_blocks: 0,
		max_verdicts: 0,
		budget_ppm: 0,
		..CostModel::heliox(0, 0)
	};
	let _ = model.epoch_load();
	let load = CostModel::heliox(0, 0).epoch_load();
	assert_eq!((load.verdicts, load.chunks), (0, 0));
}
