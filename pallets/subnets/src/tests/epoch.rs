use super::subnet_with_validator;
use crate::{mock::*, weights::WeightInfo, *};
use frame_support::{
	assert_ok,
	traits::{fungible::Inspect, Hooks},
};

fn epoch_runs() -> Vec<(NetUid, u32)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			Event::EpochRun { netuid, epoch_index, .. } => Some((netuid, epoch_index)),
			_ => None,
		})
		.collect()
}

#[test]
fn emission_accrues_per_block_and_is_paid_at_the_epoch() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		run_to_block(10);
		assert_eq!(Subnets::pending_emission(netuid), 9 * BLOCK_EMISSION);
		assert!(epoch_runs().is_empty());
		let issuance = Balances::total_issuance();
		let owner_before = Balances::balance(&1);
		let validator_before = Balances::balance(&2);
		run_to_block(11);
		assert_eq!(epoch_runs(), vec![(netuid, 1)]);
		let emission = 10 * BLOCK_EMISSION;
		let owner_cut = emission * 11_796 / 65_535;
		// No weights yet: everything but the owner cut follows stake (all on the validator).
		assert_eq!(Balances::total_issuance(), issuance + emission);
		assert_eq!(Balances::balance(&1) - owner_before, owner_cut);
		assert_eq!(Balances::balance(&2) - validator_before, emission - owner_cut);
		assert_eq!(
			last_event(),
			Event::EpochRun {
				netuid,
				epoch_index: 1,
				emission,
				owner_emission: owner_cut,
				undistributed: 0
			}
		);
		assert_eq!(Subnets::pending_emission(netuid), 0);
		let validator = Neurons::<Test>::get(netuid, 0).unwrap();
		assert!(validator.validator_permit);
		assert_eq!(validator.emission, emission - owner_cut);
		// Zero-stake miners get no permit.
		assert!(!Neurons::<Test>::get(netuid, 1).unwrap().validator_permit);
	});
}

#[test]
fn weights_turn_into_incentive_dividends_and_bonds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		run_to_block(12); // first epoch at 11 hands out the permit
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(101),
			netuid,
			uids(&[1, 2]),
			vals(&[3, 1]),
			0
		));
		let (b3, b4, b2) = (Balances::balance(&3), Balances::balance(&4), Balances::balance(&2));
		run_to_block(21);
		let miner1 = Neurons::<Test>::get(netuid, 1).unwrap();
		let miner2 = Neurons::<Test>::get(netuid, 2).unwrap();
		let validator = Neurons::<Test>::get(netuid, 0).unwrap();
		assert_eq!((miner1.incentive, miner2.incentive), (49_151, 16_383));
		assert_eq!(validator.dividends, 65_535);
		assert_eq!((miner1.consensus, miner2.consensus), (49_151, 16_383));
		assert_eq!(validator.validator_trust, 65_535);
		// Half to the miners (3:1), half to the validator, after the owner cut.
		let emission = 10 * BLOCK_EMISSION;
		let rest = emission - emission * 11_796 / 65_535;
		let (p3, p4, p2) =
			(Balances::balance(&3) - b3, Balances::balance(&4) - b4, Balances::balance(&2) - b2);
		assert_eq!(p3 + p4 + p2, rest);
		assert!(p3.abs_diff(3 * p4) <= 3, "{p3} {p4}");
		assert!(p2.abs_diff(rest / 2) <= 1);
		assert_eq!((miner1.emission, miner2.emission, validator.emission), (p3, p4, p2));
		// The validator's bonds follow its weights.
		let bonds = Bonds::<Test>::get(netuid, 0).unwrap().into_inner();
		assert_eq!(bonds.iter().map(|(uid, _)| *uid).collect::<Vec<_>>(), vec![1, 2]);
		assert!(bonds.iter().all(|(_, b)| *b > 0));
	});
}

#[test]
fn at_most_max_epochs_per_block_the_rest_deferred() {
	ExtBuilder::default().build_and_execute(|| {
		for owner in 1..=3 {
			new_subnet(owner);
		}
		run_to_block(10);
		assert!(epoch_runs().is_empty());
		run_to_block(11);
		assert_eq!(epoch_runs(), vec![(0, 1), (1, 1)]);
		assert!(events().contains(&Event::EpochsDeferred { count: 1 }));
		System::reset_events();
		run_to_block(12);
		assert_eq!(epoch_runs(), vec![(2, 1)]);
		// The deferred subnet keeps its own tempo from when it ran.
		assert_eq!(EpochSchedule::<Test>::get().into_inner(), vec![(0, 21), (1, 21), (2, 22)]);
		System::reset_events();
		run_to_block(21);
		assert_eq!(epoch_runs(), vec![(0, 2), (1, 2)]);
		run_to_block(22);
		assert_eq!(epoch_runs(), vec![(0, 2), (1, 2), (2, 2)]);
	});
}

#[test]
fn most_overdue_epochs_run_first() {
	ExtBuilder::default().build_and_execute(|| {
		for owner in 1..=4 {
			new_subnet(owner);
		}
		// Subnet 3 is due earlier than the others.
		EpochSchedule::<Test>::mutate(|s| s[3].1 = 5);
		run_to_block(11);
		// Block 5 ran subnet 3; block 11 runs 0 and 1; 2 waits.
		assert_eq!(epoch_runs(), vec![(3, 1), (0, 1), (1, 1)]);
		System::reset_events();
		run_to_block(12);
		assert_eq!(epoch_runs(), vec![(2, 1)]);
	});
}

#[test]
fn on_initialize_charges_the_epochs_it_ran() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		run_to_block(12);
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(101),
			netuid,
			uids(&[1, 2]),
			vals(&[3, 1]),
			0
		));
		// Nothing due.
		System::set_block_number(13);
		assert_eq!(Subnets::on_initialize(13), <() as WeightInfo>::on_initialize(0));
		run_to_block(20);
		System::set_block_number(21);
		// n = 3 UIDs, w = 2 weights + 0 bonds (the validator had none yet).
		assert_eq!(
			Subnets::on_initialize(21),
			<() as WeightInfo>::on_initialize(1) + <() as WeightInfo>::epoch(3, 2)
		);
		System::set_block_number(31);
		// Now 2 weights + 2 bonds.
		assert_eq!(
			Subnets::on_initialize(31),
			<() as WeightInfo>::on_initialize(1) + <() as WeightInfo>::epoch(3, 4)
		);
	});
}

#[test]
fn weights_on_a_replaced_uid_do_not_count() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		set_params(1, netuid, |p| p.max_uids = 3);
		run_to_block(12);
		assert_ok!(Subnets::set_weights(
			RuntimeOrigin::signed(101),
			netuid,
			uids(&[1, 2]),
			vals(&[1, 1]),
			0
		));
		// Miner 2's UID changes hands after the weights were set.
		Neurons::<Test>::mutate(netuid, 1, |n| n.as_mut().unwrap().emission = 1_000_000_000_000);
		register(netuid, 5, 105);
		assert_eq!(Uids::<Test>::get(netuid, 105), Some(2));
		run_to_block(21);
		let new_holder = Neurons::<Test>::get(netuid, 2).unwrap();
		assert_eq!(new_holder.incentive, 0);
		assert_eq!(Neurons::<Test>::get(netuid, 1).unwrap().incentive, 65_535);
	});
}

#[test]
fn emission_is_shared_between_subnets() {
	ExtBuilder::default().build_and_execute(|| {
		new_subnet(1);
		run_to_block(5);
		new_subnet(2);
		run_to_block(6);
		// Blocks 2..=5 went to subnet 0 alone, block 6 is shared.
		assert_eq!(Subnets::pending_emission(0), 4 * BLOCK_EMISSION + BLOCK_EMISSION / 2);
		assert_eq!(Subnets::pending_emission(1), BLOCK_EMISSION / 2);
	});
}

#[test]
fn empty_subnet_pays_only_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		new_subnet(1);
		let before = Balances::balance(&1);
		run_to_block(11);
		let emission = 10 * BLOCK_EMISSION;
		let owner_cut = emission * 11_796 / 65_535;
		assert_eq!(Balances::balance(&1) - before, owner_cut);
		assert_eq!(
			last_event(),
			Event::EpochRun {
				netuid: 0,
				epoch_index: 1,
				emission: owner_cut,
				owner_emission: owner_cut,
				undistributed: emission - owner_cut
			}
		);
	});
}

#[test]
fn huge_stakes_are_scaled_into_u64() {
	let stakes = [u128::MAX, u128::MAX / 2, 3, 0];
	let scaled = crate::features::epoch::stakes_to_u64(&stakes);
	assert_eq!(scaled[0], u64::MAX);
	assert_eq!(scaled[1], u64::MAX / 2);
	assert_eq!(scaled[3], 0);
	assert_eq!(crate::features::epoch::stakes_to_u64(&[5, 7]), vec![5, 7]);
}

/// The pallet feeds its storage to `heliox_yuma::run_epoch` and stores exactly what it returns.
#[test]
fn epoch_stores_exactly_what_heliox_yuma_computes() {
	use heliox_yuma::{BondsMode, EpochInputs, EpochParams};
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		for i in 0..6u64 {
			register(netuid, 2 + i, 101 + i);
		}
		for (hotkey, stake) in [(101, 1_000), (102, 600), (103, 300)] {
			assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(10), hotkey, stake));
		}
		run_to_block(12);
		let rows: [(u64, &[Uid], &[u16]); 3] = [
			(101, &[3, 4, 5], &[10, 20, 30]),
			(102, &[1, 3, 4], &[5, 40, 10]),
			(103, &[0, 5], &[1, 1]),
		];
		for (hotkey, u, v) in rows {
			assert_ok!(Subnets::set_weights(
				RuntimeOrigin::signed(hotkey),
				netuid,
				uids(u),
				vals(v),
				0
			));
		}
		run_to_block(20);
		let info = Networks::<Test>::get(netuid).unwrap();
		let neurons: Vec<_> =
			(0..6).map(|uid| Neurons::<Test>::get(netuid, uid).unwrap()).collect();
		let inputs = EpochInputs {
			n: 6,
			current_block: 21,
			last_epoch_block: info.last_epoch_block,
			emission: Subnets::pending_emission(netuid) + BLOCK_EMISSION,
			stake: neurons.iter().map(|n| TotalHotkeyStake::<Test>::get(n.hotkey)).collect(),
			last_update: neurons.iter().map(|n| n.last_update).collect(),
			registered_at: neurons.iter().map(|n| n.registered_at).collect(),
			validator_permit: neurons.iter().map(|n| n.validator_permit).collect(),
			weights: (0..6).map(|uid| Subnets::weights_of(netuid, uid)).collect(),
			bonds: (0..6).map(|uid| Subnets::bonds_of(netuid, uid)).collect(),
		};
		assert_eq!(inputs.validator_permit, vec![true, true, true, false, false, false]);
		let params = EpochParams {
			kappa: info.params.kappa,
			activity_cutoff: info.params.activity_cutoff.into(),
			stake_threshold: 0,
			max_allowed_validators: info.params.max_validators,
			bonds_penalty: u16::MAX,
			bonds_moving_average: info.params.bonds_moving_average,
			bonds_mode: BondsMode::Yuma3 { liquid_alpha: None },
			owner_cut: 11_796,
		};
		let expected = heliox_yuma::run_epoch(&inputs, &params).unwrap();
		let scores = expected.u16_scores();

		run_to_block(21);
		for uid in 0..6u16 {
			let i = uid as usize;
			let n = Neurons::<Test>::get(netuid, uid).unwrap();
			assert_eq!(n.consensus, scores.consensus[i]);
			assert_eq!(n.trust, scores.trust[i]);
			assert_eq!(n.validator_trust, scores.validator_trust[i]);
			assert_eq!(n.incentive, scores.incentive[i]);
			assert_eq!(n.dividends, scores.dividends[i]);
			assert_eq!(n.emission, expected.emission[i]);
			assert_eq!(n.validator_permit, expected.validator_permit[i]);
			assert_eq!(Subnets::bonds_of(netuid, uid), expected.bonds[i]);
		}
		assert!(scores.incentive.iter().skip(3).any(|x| *x > 0));
		assert!(matches!(
			last_event(),
			Event::EpochRun { owner_emission, .. } if owner_emission == expected.owner_emission
		));
	});
}

#[test]
fn dropped_weights_leave_decaying_bonds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = subnet_with_validator(1_000);
		run_to_block(12);
		let set = |u: &[Uid], v: &[u16]| {
			assert_ok!(Subnets::set_weights(
				RuntimeOrigin::signed(101),
				netuid,
				uids(u),
				vals(v),
				0
			));
		};
		set(&[1, 2], &[1, 1]);
		run_to_block(21);
		let before = Subnets::bonds_of(netuid, 0);
		assert_eq!(before.len(), 2);
		// The validator drops UID 2: its bond decays by (1 − α) = 0.9 instead of vanishing.
		set(&[1], &[1]);
		run_to_block(31);
		let after = Subnets::bonds_of(netuid, 0);
		assert_eq!(after.len(), 2);
		let (b2, a2) = (before[1].1 as u64, after[1].1 as u64);
		assert!(a2 < b2 && a2.abs_diff(b2 * 9 / 10) <= 1, "{b2} -> {a2}");
		assert!(after[0].1 > before[0].1);
	});
}
