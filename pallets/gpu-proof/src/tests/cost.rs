//! The cost model of `heliox_gpu_proof::cost` fed with this pallet's weights and call sizes.

use super::*;
use crate::weights::WeightInfo;
use frame_support::BoundedVec;
use heliox_gpu_proof::cost::{CostModel, ItemCost};

#[test]
fn the_pallet_weights_keep_100k_gpus_within_a_quarter_block() {
	type W = ();
	let commit_call = RuntimeCall::GpuProof(crate::Call::submit_commit {
		gpu: 1,
		epoch: 1,
		root: [0; 32],
		agent_signature: [0; 64],
	})
	.encode()
	.len() as u64;
	let report_call = |verdicts: u32| {
		RuntimeCall::GpuProof(crate::Call::submit_verdicts {
			epoch: 1,
			verdicts: BoundedVec::truncate_from(vec![(1, Verdict::Pass); verdicts as usize]),
		})
		.encode()
		.len() as u64
	};
	let per_verdict = W::submit_verdicts(2).ref_time() - W::submit_verdicts(1).ref_time();
	let model = |gpus: u64, verifiers: u32| CostModel {
		commit: ItemCost { ref_time: W::submit_commit().ref_time(), bytes: commit_call },
		report: ItemCost {
			ref_time: W::submit_verdicts(1).ref_time() - per_verdict,
			bytes: report_call(0),
		},
		verdict: ItemCost { ref_time: per_verdict, bytes: report_call(1) - report_call(0) },
		hooks_ref_time: W::on_initialize_epoch_start().ref_time()
			+ W::on_initialize_beacon().ref_time(),
		..CostModel::heliox(gpus, verifiers)
	};
	for (gpus, verifiers) in [(1_000u64, 100u32), (100_000, 100), (100_000, 1_000)] {
		let load = model(gpus, verifiers).epoch_load();
		println!(
			"N = {gpus}, V = {verifiers}: commit phase {:.1} ms + {} B per block, verify phase \
			 {:.1} ms + {} B per block, {:.2} % of a block; per epoch {} commits ({} B), {} \
			 verdicts ({} B)",
			load.commit_phase_per_block.ref_time as f64 / 1e9,
			load.commit_phase_per_block.bytes,
			load.verify_phase_per_block.ref_time as f64 / 1e9,
			load.verify_phase_per_block.bytes,
			load.block_share_ppm as f64 / 1e4,
			load.commit_txs,
			load.commits.bytes,
			load.verdicts,
			load.reports.bytes,
		);
		assert!(load.block_share_ppm < 250_000, "{load:?}");
	}
	// The FRAME-free defaults are these weights.
	assert_eq!(CostModel::heliox(1, 1).commit.ref_time, W::submit_commit().ref_time());
	assert_eq!(CostModel::heliox(1, 1).verdict.ref_time, per_verdict);
}
