//! Wall-clock comparison of the sparse epoch and the dense reference. Ignored by default; run with
//! `cargo test --release -- --ignored --nocapture timing`.

use std::time::Instant;

use super::support::{empty_inputs, params, SplitMix};
use crate::dense::run_epoch_dense;
use crate::{run_epoch, BondsMode, EpochInputs, LiquidAlpha};

/// `n` UIDs, the first `validators` of them with stake and permits, each weighting (and holding
/// bonds on) `per_row` random UIDs.
fn subnet(n: u16, validators: u16, per_row: u16, seed: u64) -> EpochInputs {
	let mut inputs = empty_inputs(n);
	let mut rng = SplitMix(seed);
	for v in 0..usize::from(validators) {
		inputs.stake[v] = 1_000 + rng.below(1_000_000);
		inputs.validator_permit[v] = true;
		let mut row: Vec<(u16, u16)> = (0..per_row)
			.map(|_| (rng.below(u64::from(n)) as u16, 1 + rng.below(65_535) as u16))
			.collect();
		row.sort_unstable_by_key(|&(j, _)| j);
		row.dedup_by_key(|&mut (j, _)| j);
		inputs.bonds[v] = row.iter().map(|&(j, w)| (j, w / 3)).collect();
		inputs.weights[v] = row;
	}
	inputs
}

#[test]
#[ignore]
fn timing() {
	let liquid = BondsMode::Yuma3 { liquid_alpha: Some(LiquidAlpha::default()) };
	for (n, validators, per_row, dense) in [
		(256u16, 64u16, 256u16, true),
		(1024, 64, 1024, true),
		(4096, 64, 4096, true),
		(65_535, 64, 4096, false),
	] {
		for mode in [BondsMode::Classic, liquid] {
			let inputs = subnet(n, validators, per_row, 1);
			let p = params(mode);
			let start = Instant::now();
			let sparse = run_epoch(&inputs, &p).unwrap();
			let sparse_time = start.elapsed();
			let dense_time = dense.then(|| {
				let start = Instant::now();
				let reference = run_epoch_dense(&inputs, &p).unwrap();
				assert_eq!(sparse, reference);
				start.elapsed()
			});
			let nnz: usize = inputs.weights.iter().map(Vec::len).sum();
			std::println!(
				"n={n:>5} V={validators} nnz(W)={nnz:>6} {:<8} sparse {sparse_time:>10.2?}  dense {}",
				if mode == BondsMode::Classic { "classic" } else { "liquid" },
				dense_time.map_or("(skipped)".into(), |t| std::format!("{t:.2?}"))
			);
		}
	}
}
