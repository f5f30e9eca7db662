//! The cost model of `heliox_gpu_proof::cost` fed with this pallet's weights and call sizes.

use super::*;
use crate::weights::WeightInfo;
use frame_support::BoundedVec;
use heliox_gpu_proof::cost::{CostModel, ItemCost};

#[test]
fn the_pallet_weights_keep_100k_gpus_within_a_quarter_block() {
	type W = ();
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
			"N = {gpus}, V = {verifiers}: {} verdicts in {} chunks, {} of {} verification blocks \
			 at the budget; average block {:.2} %, peak block {:.2} % ({} B of verdicts per \
			 epoch); no commit transaction",
			load.verdicts,
			load.chunks,
			load.blocks_needed,
			load.verify_blocks,
			load.average_share_ppm as f64 / 1e4,
			load.peak_share_ppm as f64 / 1e4,
			load.reports.bytes,
		);
		assert!(load.peak_share_ppm < 250_000, "{load:?}");
		assert!(load.fits(), "{load:?}");
	}
}
