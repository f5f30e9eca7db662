//! Targeted behaviours: omitted = zero, bond decay and pruning, masks, permits, emission
//! fallbacks, liquid alpha, validation, and a large sparse subnet.

use alloc::vec::Vec;

use super::support::{carry_over, empty_inputs, params, total, SplitMix};
use crate::alpha::{ema, fixed_alpha, AlphaRule};
use crate::dense::run_epoch_dense;
use crate::{
	run_epoch, BondsMode, EpochError, EpochInputs, EpochParams, Fixed, InputField, LiquidAlpha,
};

const YUMA3: BondsMode = BondsMode::Yuma3 { liquid_alpha: None };
const LIQUID: BondsMode = BondsMode::Yuma3 {
	liquid_alpha: Some(LiquidAlpha { alpha_low: 45_875, alpha_high: 58_982, steepness: 1_000 }),
};

/// Five UIDs: validators 0 (stake 600) and 1 (stake 400) hold permits; 2, 3, 4 are miners.
/// Validator 0 weights miners 2 and 3, validator 1 weights miner 2 only.
fn small_subnet() -> EpochInputs {
	let mut inputs = empty_inputs(5);
	inputs.stake[0] = 600;
	inputs.stake[1] = 400;
	inputs.validator_permit[0] = true;
	inputs.validator_permit[1] = true;
	inputs.weights[0] = vec![(2, 30_000), (3, 30_000)];
	inputs.weights[1] = vec![(2, 65_535)];
	inputs
}

fn both(inputs: &EpochInputs, params: &EpochParams) -> crate::EpochOutputs {
	let sparse = run_epoch(inputs, params).unwrap();
	assert_eq!(sparse, run_epoch_dense(inputs, params).unwrap(), "sparse and dense disagree");
	sparse
}

#[test]
fn omitted_weight_is_a_zero_in_the_median() {
	let inputs = small_subnet();
	// Miner 3: 60% of the stake sets 0.5, 40% sets nothing (= 0).
	let mut p = params(YUMA3);
	p.kappa = 32_767; // ½: 60% ≥ ½ support 0.5
	assert_eq!(both(&inputs, &p).consensus[3], Fixed::HALF);
	p.kappa = 45_875; // 0.7: only the zero has 70% support
	assert_eq!(both(&inputs, &p).consensus[3], Fixed::ZERO);
	// Writing the zero explicitly changes nothing.
	let mut explicit = inputs.clone();
	explicit.weights[1] = vec![(2, 65_535), (3, 0), (4, 0)];
	assert_eq!(both(&explicit, &p), both(&inputs, &p));
}

#[test]
fn explicit_zeros_in_weights_and_bonds_change_nothing() {
	let mut rng = SplitMix(11);
	for mode in [BondsMode::Classic, YUMA3, LIQUID] {
		let mut inputs = small_subnet();
		inputs.bonds[0] = vec![(2, 20_000), (4, 9_000)];
		inputs.bonds[1] = vec![(3, 65_535)];
		let mut with_zeros = inputs.clone();
		for row in with_zeros.weights.iter_mut().chain(with_zeros.bonds.iter_mut()) {
			for j in 0..5u16 {
				if !row.iter().any(|&(c, _)| c == j) && rng.below(2) == 0 {
					row.push((j, 0));
				}
			}
			row.sort_unstable_by_key(|&(c, _)| c);
		}
		let p = params(mode);
		assert_eq!(both(&with_zeros, &p), both(&inputs, &p));
	}
}

#[test]
fn omitted_bond_decays_by_one_minus_alpha() {
	// Validator 0 held a bond on miner 4 but no longer weights it at all.
	let mut inputs = small_subnet();
	inputs.bonds[0] = vec![(2, 10_000), (4, 40_000)];
	let previous = Fixed::from_u16_proportion(40_000);

	let out = both(&inputs, &params(YUMA3));
	let expected = ema(fixed_alpha(900_000), Fixed::ZERO, previous).to_u16_proportion();
	assert!((35_999..=36_000).contains(&expected), "0.9 · 40000");
	assert!(
		out.bonds[0].contains(&(4, expected)),
		"bond must decay, not vanish: {:?}",
		out.bonds[0]
	);

	// Liquid alpha: selling (w = 0 < b), d = b ≈ 0.61 → α slightly above the midpoint 0.8.
	let out = both(&inputs, &params(LIQUID));
	let rule = AlphaRule::for_epoch(&params(LIQUID), true);
	let alpha = rule.alpha(Fixed::ZERO, previous, out.consensus[4]);
	assert!(alpha.to_f64() > 0.8 && alpha.to_f64() < 0.9);
	let expected = ema(alpha, Fixed::ZERO, previous).to_u16_proportion();
	assert!(expected > 0 && expected < 40_000 / 4);
	assert!(out.bonds[0].contains(&(4, expected)), "{:?}", out.bonds[0]);

	// Classic: validator 0 is the only holder of column 4, so it keeps the whole column.
	let out = both(&inputs, &params(BondsMode::Classic));
	assert!(out.bonds[0].contains(&(4, u16::MAX)), "{:?}", out.bonds[0]);
}

#[test]
fn unused_bonds_decay_to_exactly_zero_and_are_pruned() {
	let mut inputs = small_subnet();
	inputs.bonds[0] = vec![(4, 65_535)];
	let p = params(YUMA3);
	let mut last = u16::MAX;
	for epoch in 0..200 {
		let out = both(&inputs, &p);
		match out.bonds[0].iter().find(|&&(j, _)| j == 4) {
			Some(&(_, bond)) => {
				assert!(bond < last, "epoch {epoch}: {bond} !< {last}");
				last = bond;
			},
			None => {
				assert!(last <= 10, "pruned early at {last}");
				return;
			},
		}
		carry_over(&mut inputs, &out);
	}
	panic!("bond never decayed to zero");
}

#[test]
fn bonds_of_reregistered_uids_are_cleared() {
	let mut inputs = small_subnet();
	inputs.bonds[0] = vec![(4, 40_000)];
	inputs.registered_at[4] = inputs.last_epoch_block; // UID 4 changed hands since the last epoch
	for mode in [BondsMode::Classic, YUMA3, LIQUID] {
		let out = both(&inputs, &params(mode));
		assert!(out.bonds[0].iter().all(|&(j, _)| j != 4), "{mode:?}: {:?}", out.bonds[0]);
	}
}

#[test]
fn weights_on_a_later_registration_are_dropped() {
	let mut inputs = small_subnet();
	inputs.current_block = 10;
	inputs.last_update[0] = 5;
	inputs.last_update[1] = 5;
	inputs.registered_at[3] = 5; // set at block 5, when UID 3 had just been (re)registered
	let out = both(&inputs, &params(YUMA3));
	assert_eq!(out.consensus[3], Fixed::ZERO);
	assert!(out.bonds[0].iter().all(|&(j, _)| j != 3));
	// Validator 0's row is renormalized over what remains: all of it on miner 2.
	assert_eq!(out.validator_trust[0], Fixed::ONE);

	inputs.registered_at[3] = 4;
	assert_eq!(both(&inputs, &params(YUMA3)).consensus[3], Fixed::HALF);
}

#[test]
fn self_weights_and_rows_without_permit_are_dropped() {
	let mut inputs = small_subnet();
	inputs.weights[0] = vec![(0, 65_535), (2, 65_535)]; // self-weight dropped → all on 2
	inputs.weights[4] = vec![(3, 65_535)]; // no permit: ignored
	inputs.stake[4] = 1_000_000;
	let out = both(&inputs, &params(YUMA3));
	assert_eq!(out.consensus[0], Fixed::ZERO);
	assert_eq!(out.consensus[2], Fixed::ONE);
	assert_eq!(out.consensus[3], Fixed::ZERO);
	assert_eq!(out.incentive[2], Fixed::ONE);
	// UID 4 now has the most stake: it gets a permit for the next epoch.
	assert!(out.validator_permit[4]);
}

#[test]
fn permits_go_to_the_top_k_nonzero_stakes_lower_uid_first() {
	let mut inputs = empty_inputs(5);
	inputs.stake = vec![5, 7, 7, 0, 7];
	let mut p = params(YUMA3);
	p.max_allowed_validators = 2;
	assert_eq!(both(&inputs, &p).validator_permit, vec![false, true, true, false, false]);
	p.max_allowed_validators = 0;
	assert_eq!(both(&inputs, &p).validator_permit, vec![false; 5]);
	p.max_allowed_validators = 10;
	assert_eq!(both(&inputs, &p).validator_permit, vec![true, true, true, false, true]);
	p.stake_threshold = 6;
	assert_eq!(both(&inputs, &p).validator_permit, vec![false, true, true, false, true]);
}

#[test]
fn inactive_validators_have_no_say() {
	let mut inputs = small_subnet();
	inputs.current_block = 10_000;
	inputs.last_update = vec![9_000; 5];
	inputs.last_update[0] = 1; // 1 + 5000 < 10000: inactive
	let out = both(&inputs, &params(YUMA3));
	assert!(!out.active[0] && out.active[1]);
	// Only validator 1 (all weight on miner 2) counts.
	assert_eq!(out.consensus[2], Fixed::ONE);
	assert_eq!(out.consensus[3], Fixed::ZERO);
	assert_eq!(out.incentive[2], Fixed::ONE);
	assert_eq!(out.dividends[0], Fixed::ZERO);
	assert_eq!(out.dividends[1], Fixed::ONE);
}

#[test]
fn bonds_penalty_interpolates_between_weights_and_clipped_weights() {
	// Validator 0 puts 0.5 on miner 3, whose consensus (κ = 0.7) is 0.
	let mut p = params(YUMA3);
	p.kappa = 45_875;
	let inputs = small_subnet();
	let alpha = fixed_alpha(900_000);
	let half = Fixed::HALF;
	for (penalty, w_tilde) in [(u16::MAX, Fixed::ZERO), (0, half)] {
		p.bonds_penalty = penalty;
		let out = both(&inputs, &p);
		let expected = ema(alpha, w_tilde, Fixed::ZERO).to_u16_proportion();
		let bond = out.bonds[0].iter().find(|&&(j, _)| j == 3).map_or(0, |&(_, b)| b);
		assert_eq!(bond, expected, "penalty {penalty}");
	}
}

#[test]
fn emission_falls_back_to_stake_and_always_adds_up() {
	// No weights: validators are paid by active stake (600 : 400).
	let mut inputs = small_subnet();
	inputs.weights = vec![Vec::new(); 5];
	let out = both(&inputs, &params(YUMA3));
	assert_eq!(out.validator_emission, vec![600_000_000, 400_000_000, 0, 0, 0]);
	assert_eq!(out.server_emission, vec![0; 5]);

	// No active stake (no permits yet): by stake.
	inputs.validator_permit = vec![false; 5];
	inputs.stake[2] = 1_000;
	let out = both(&inputs, &params(YUMA3));
	assert_eq!(out.validator_emission, vec![300_000_000, 200_000_000, 500_000_000, 0, 0]);

	// No stake at all: nothing can be paid.
	let mut empty = empty_inputs(3);
	empty.emission = 77;
	let out = both(&empty, &params(YUMA3));
	assert_eq!((out.undistributed, total(&out.emission)), (77, 0));
}

#[test]
fn owner_cut_comes_first() {
	let inputs = small_subnet();
	let out = both(&inputs, &EpochParams::default()); // 18% owner cut
	assert_eq!(out.owner_emission, 179_995_422); // ⌊1e9 · 11796 / 65535⌋
	assert_eq!(u128::from(out.owner_emission) + total(&out.emission), 1_000_000_000);
	assert_eq!(out.undistributed, 0);
}

#[test]
fn liquid_alpha_follows_the_sigmoid() {
	let liquid = LiquidAlpha::default();
	let rule = |steepness| {
		AlphaRule::for_epoch(
			&params(BondsMode::Yuma3 { liquid_alpha: Some(LiquidAlpha { steepness, ..liquid }) }),
			true,
		)
	};
	let low = Fixed::from_u16_proportion(liquid.alpha_low).to_f64();
	let high = Fixed::from_u16_proportion(liquid.alpha_high).to_f64();
	let w = |x: f64| Fixed::from_ratio((x * 1e6) as u128, 1_000_000);
	let exact = |d: f64, k: f64| low + (high - low) / (1.0 + (-k * (d - 0.5)).exp());
	for (weight, bond, consensus) in [
		(0.9f64, 0.1f64, 0.1f64),
		(0.6, 0.2, 0.1),
		(0.3, 0.3, 0.3),
		(0.0, 0.7, 0.2),
		(0.4, 0.45, 0.0),
	] {
		let d: f64 = if weight >= bond { (weight - consensus).max(0.0) } else { bond - weight };
		for steepness in [1_000i16, 100, -1_000, 0] {
			let alpha = rule(steepness).alpha(w(weight), w(bond), w(consensus)).to_f64();
			let expected = exact(d, f64::from(steepness) / 100.0);
			assert!(
				(alpha - expected).abs() < 1e-9,
				"w={weight} b={bond} c={consensus} k={steepness}: {alpha} vs {expected}"
			);
		}
	}
	// Without any consensus the fixed alpha is used, as on the reference chain.
	assert!(matches!(AlphaRule::for_epoch(&params(LIQUID), false), AlphaRule::Fixed(_)));
	assert!(matches!(AlphaRule::for_epoch(&params(BondsMode::Classic), true), AlphaRule::Fixed(_)));
}

#[test]
fn malformed_inputs_are_rejected() {
	let p = params(YUMA3);
	let check = |mutate: &dyn Fn(&mut EpochInputs), expected: EpochError| {
		let mut inputs = small_subnet();
		mutate(&mut inputs);
		assert_eq!(run_epoch(&inputs, &p), Err(expected));
		assert_eq!(run_epoch_dense(&inputs, &p), Err(expected));
	};
	check(
		&|i| i.stake.push(1),
		EpochError::LengthMismatch { field: InputField::Stake, expected: 5, found: 6 },
	);
	check(
		&|i| {
			i.last_update.pop();
		},
		EpochError::LengthMismatch { field: InputField::LastUpdate, expected: 5, found: 4 },
	);
	check(
		&|i| {
			i.registered_at.pop();
		},
		EpochError::LengthMismatch { field: InputField::RegisteredAt, expected: 5, found: 4 },
	);
	check(
		&|i| {
			i.validator_permit.pop();
		},
		EpochError::LengthMismatch { field: InputField::ValidatorPermit, expected: 5, found: 4 },
	);
	check(
		&|i| {
			i.weights.pop();
		},
		EpochError::LengthMismatch { field: InputField::Weights, expected: 5, found: 4 },
	);
	check(
		&|i| {
			i.bonds.pop();
		},
		EpochError::LengthMismatch { field: InputField::Bonds, expected: 5, found: 4 },
	);
	check(
		&|i| i.weights[1] = vec![(5, 1)],
		EpochError::UidOutOfRange { field: InputField::Weights, row: 1, uid: 5 },
	);
	check(
		&|i| i.bonds[3] = vec![(9, 1)],
		EpochError::UidOutOfRange { field: InputField::Bonds, row: 3, uid: 9 },
	);
	check(
		&|i| i.weights[0] = vec![(3, 1), (2, 1)],
		EpochError::UnsortedRow { field: InputField::Weights, row: 0 },
	);
	check(
		&|i| i.bonds[2] = vec![(1, 1), (1, 1)],
		EpochError::UnsortedRow { field: InputField::Bonds, row: 2 },
	);

	let inputs = small_subnet();
	let bad = EpochParams { bonds_moving_average: 1_000_001, ..p };
	assert_eq!(run_epoch(&inputs, &bad), Err(EpochError::BondsMovingAverageTooLarge(1_000_001)));
	let inverted = LiquidAlpha { alpha_low: 2, alpha_high: 1, steepness: 10 };
	let bad = EpochParams { bonds_mode: BondsMode::Yuma3 { liquid_alpha: Some(inverted) }, ..p };
	assert_eq!(
		run_epoch(&inputs, &bad),
		Err(EpochError::LiquidAlphaRangeInverted { alpha_low: 2, alpha_high: 1 })
	);
}

#[test]
fn empty_subnet_pays_only_the_owner() {
	let inputs = empty_inputs(0);
	let out = both(&inputs, &EpochParams::default());
	assert_eq!(out.owner_emission + out.undistributed, inputs.emission);
	assert!(out.emission.is_empty() && out.bonds.is_empty());
}

#[test]
fn codec_round_trip() {
	use codec::{Decode, Encode};
	let inputs = small_subnet();
	let out = both(&inputs, &params(LIQUID));
	assert_eq!(crate::EpochOutputs::decode(&mut &out.encode()[..]).unwrap(), out);
	assert_eq!(EpochInputs::decode(&mut &inputs.encode()[..]).unwrap(), inputs);
	let p = params(LIQUID);
	assert_eq!(EpochParams::decode(&mut &p.encode()[..]).unwrap(), p);
}

/// A full-size subnet (65535 UIDs, 64 validators × 256 weights and bonds on a pool of 300 miners,
/// so that most columns reach consensus): the sparse epoch never allocates per-validator dense rows,
/// so this costs what its entries cost.
#[test]
fn largest_subnet_is_cheap_when_sparse() {
	let n = u16::MAX;
	let mut inputs = empty_inputs(n);
	let mut rng = SplitMix(3);
	for v in 0..64u16 {
		let i = usize::from(v);
		inputs.stake[i] = 1_000 + rng.below(1_000_000);
		inputs.validator_permit[i] = true;
		let mut row: Vec<(u16, u16)> =
			(0..256).map(|_| (64 + rng.below(300) as u16, rng.below(65_536) as u16)).collect();
		row.sort_unstable_by_key(|&(j, _)| j);
		row.dedup_by_key(|&mut (j, _)| j);
		inputs.bonds[i] = row.iter().map(|&(j, w)| (j, w / 2)).collect();
		inputs.weights[i] = row;
	}
	for mode in [BondsMode::Classic, LIQUID] {
		let out = run_epoch(&inputs, &params(mode)).unwrap();
		assert_eq!(total(&out.emission), u128::from(inputs.emission));
		let incentive: u128 = out.incentive.iter().map(|v| u128::from(v.to_bits())).sum();
		assert!(incentive > 0 && u128::from(Fixed::ONE.to_bits()) - incentive <= u128::from(n));
		assert_eq!(out.validator_permit.iter().filter(|&&p| p).count(), 64);
	}
}
