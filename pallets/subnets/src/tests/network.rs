use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::DispatchError;

fn lock_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Subnets(HoldReason::SubnetLock), &who)
}

#[test]
fn register_network_holds_lock_and_schedules_epoch() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		assert_eq!(netuid, 0);
		let info = Networks::<Test>::get(0).unwrap();
		assert_eq!(info.locked, MIN_LOCK);
		assert_eq!(info.owner, 1);
		assert_eq!(info.n, 0);
		assert_eq!(info.params, Subnets::default_hyperparameters());
		assert_eq!(lock_held(1), MIN_LOCK);
		assert_eq!(Balances::balance(&1), INITIAL - MIN_LOCK);
		assert_eq!(EpochSchedule::<Test>::get().into_inner(), vec![(0, 1 + TEMPO as u64)]);
		assert_eq!(last_event(), Event::NetworkRegistered { netuid: 0, owner: 1, lock: MIN_LOCK });
	});
}

#[test]
fn lock_cost_doubles_then_decays_to_floor() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Subnets::network_lock_cost(), MIN_LOCK);
		new_subnet(1);
		assert_eq!(Subnets::network_lock_cost(), 2 * MIN_LOCK);
		new_subnet(2);
		assert_eq!(Networks::<Test>::get(1).unwrap().locked, 2 * MIN_LOCK);
		assert_eq!(Subnets::network_lock_cost(), 4 * MIN_LOCK);
		// Linear decay over LockReductionInterval = 100 blocks.
		System::set_block_number(51);
		assert_eq!(Subnets::network_lock_cost(), 2 * MIN_LOCK);
		System::set_block_number(76);
		assert_eq!(Subnets::network_lock_cost(), MIN_LOCK);
		System::set_block_number(500);
		assert_eq!(Subnets::network_lock_cost(), MIN_LOCK);
	});
}

#[test]
fn netuids_are_reused_lowest_first() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(new_subnet(1), 0);
		assert_eq!(new_subnet(2), 1);
		assert_eq!(new_subnet(3), 2);
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(2), 1));
		assert_eq!(new_subnet(4), 1);
		assert_eq!(
			EpochSchedule::<Test>::get().iter().map(|(id, _)| *id).collect::<Vec<_>>(),
			vec![0, 1, 2]
		);
	});
}

#[test]
fn too_many_subnets() {
	ExtBuilder::default().build_and_execute(|| {
		for owner in 1..=4 {
			new_subnet(owner);
		}
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(5)),
			Error::<Test>::TooManySubnets
		);
	});
}

#[test]
fn register_network_insufficient_balance() {
	ExtBuilder::default().balance(30, MIN_LOCK).build_and_execute(|| {
		// The lock would leave nothing for the existential deposit.
		assert_noop!(
			Subnets::register_network(RuntimeOrigin::signed(30)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn dissolve_removes_everything_and_returns_lock() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = crate::tests::subnet_with_validator(500);
		run_to_block(3);
		assert_ok!(Subnets::serve_axon(RuntimeOrigin::signed(102), netuid, 1, 1, 8080, 4, 0));
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(1), netuid));
		assert_eq!(lock_held(1), 0);
		assert!(Networks::<Test>::get(netuid).is_none());
		assert!(EpochSchedule::<Test>::get().is_empty());
		assert_eq!(Neurons::<Test>::iter_prefix(netuid).count(), 0);
		assert_eq!(Uids::<Test>::iter_prefix(netuid).count(), 0);
		assert_eq!(Axons::<Test>::iter_prefix(netuid).count(), 0);
		// Stake is on hotkeys, not subnets: it stays.
		assert_eq!(TotalHotkeyStake::<Test>::get(101), 500);
		assert_eq!(last_event(), Event::NetworkDissolved { netuid, owner: 1, returned: MIN_LOCK });
		// No epoch runs for it any more.
		run_to_block(30);
		assert!(!events().iter().any(|e| matches!(e, Event::EpochRun { .. })));
	});
}

#[test]
fn dissolve_errors() {
	ExtBuilder::default().build_and_execute(|| {
		new_subnet(1);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(1), 3),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::dissolve_network(RuntimeOrigin::signed(2), 0),
			Error::<Test>::NotSubnetOwner
		);
	});
}

#[test]
fn owner_sets_hyperparameters_within_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		set_params(1, netuid, |p| {
			p.tempo = 20;
			p.kappa = 40_000;
			p.commit_reveal_enabled = true;
			p.reveal_period = 2;
		});
		let info = Networks::<Test>::get(netuid).unwrap();
		assert_eq!(info.params.tempo, 20);
		assert_eq!(info.params.kappa, 40_000);
		// The next epoch moves with the tempo.
		assert_eq!(EpochSchedule::<Test>::get().into_inner(), vec![(0, 21)]);
		assert_eq!(last_event(), Event::HyperparametersSet { netuid, params: info.params });
	});
}

#[test]
fn set_hyperparameters_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		register(netuid, 2, 102);
		let params = Networks::<Test>::get(netuid).unwrap().params;
		assert_noop!(
			Subnets::set_hyperparameters(RuntimeOrigin::signed(1), 7, params),
			Error::<Test>::SubnetNotFound
		);
		assert_noop!(
			Subnets::set_hyperparameters(RuntimeOrigin::signed(2), netuid, params),
			Error::<Test>::NotSubnetOwner
		);
		for bad in [
			SubnetHyperparameters { tempo: 1, ..params },
			SubnetHyperparameters { kappa: 60_000, ..params },
			SubnetHyperparameters { max_uids: 17, ..params }, // above MaxUids
			SubnetHyperparameters { reveal_period: 0, ..params },
			SubnetHyperparameters { bonds_moving_average: 1_000_001, ..params },
		] {
			assert_noop!(
				Subnets::set_hyperparameters(RuntimeOrigin::signed(1), netuid, bad),
				Error::<Test>::HyperparametersOutOfBounds
			);
		}
		assert_noop!(
			Subnets::set_hyperparameters(
				RuntimeOrigin::signed(1),
				netuid,
				SubnetHyperparameters { max_uids: 1, ..params }
			),
			Error::<Test>::MaxUidsBelowCurrent
		);
	});
}

#[test]
fn admin_sets_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		let mut bounds = HyperparamBounds::<Test>::get();
		bounds.tempo = Range::new(100, 200);
		assert_noop!(
			Subnets::set_hyperparameter_bounds(RuntimeOrigin::signed(1), bounds),
			DispatchError::BadOrigin
		);
		assert_ok!(Subnets::set_hyperparameter_bounds(RuntimeOrigin::root(), bounds));
		assert_eq!(HyperparamBounds::<Test>::get(), bounds);
		assert_eq!(last_event(), Event::HyperparameterBoundsSet { bounds });
		// The default tempo (10) is now out of bounds.
		let params = Networks::<Test>::get(netuid).unwrap().params;
		assert_noop!(
			Subnets::set_hyperparameters(RuntimeOrigin::signed(1), netuid, params),
			Error::<Test>::HyperparametersOutOfBounds
		);
		set_params(1, netuid, |p| p.tempo = 150);
	});
}

#[test]
fn invalid_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let good = HyperparamBounds::<Test>::get();
		for bad in [
			HyperparameterBounds { tempo: Range::new(5, 4), ..good },
			HyperparameterBounds { tempo: Range::new(0, 4), ..good },
			HyperparameterBounds { kappa: Range::new(2, 1), ..good },
			HyperparameterBounds { reveal_period: Range::new(0, 1), ..good },
			HyperparameterBounds { bonds_moving_average: Range::new(0, 1_000_001), ..good },
		] {
			assert_noop!(
				Subnets::set_hyperparameter_bounds(RuntimeOrigin::root(), bad),
				Error::<Test>::InvalidBounds
			);
		}
	});
}
