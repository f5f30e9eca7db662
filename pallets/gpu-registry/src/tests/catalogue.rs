//! The model catalogue and the revenue shares (governance).

use super::*;
use crate::{
	mock::model_spec, ChallengeParams, Error, Event, ModelGpus, ModelSpec, ModelSpecOf, Models,
	RevenueShares, Shares,
};
use frame_support::assert_noop;
use sp_runtime::{DispatchError, Permill};

fn bounded(spec: ModelSpec<Vec<u8>>) -> ModelSpecOf<Test> {
	spec.map_name(|name| BoundedVec::try_from(name).unwrap())
}

#[test]
fn genesis_builds_the_catalogue_and_the_collection() {
	run(|| {
		assert_eq!(Models::<Test>::iter().count(), 3);
		assert_eq!(Models::<Test>::get(H100).unwrap().min_stake, STAKE);
		assert!(crate::GpuCollection::<Test>::get().is_some());
		assert_eq!(Shares::<Test>::get(), DefaultShares::get());
	});
}

#[test]
fn set_model_adds_and_replaces_a_model() {
	run(|| {
		let spec = bounded(model_spec(b"B200", 180_000, 50_000));
		assert_ok!(GpuRegistry::set_model(RuntimeOrigin::root(), 9, spec.clone()));
		assert_eq!(Models::<Test>::get(9), Some(spec.clone()));
		assert_eq!(
			registry_events().last(),
			Some(&Event::ModelSet { model: 9, spec: spec.clone() })
		);
		let mut cheaper = spec;
		cheaper.min_stake = 1;
		assert_ok!(GpuRegistry::set_model(RuntimeOrigin::root(), 9, cheaper.clone()));
		assert_eq!(Models::<Test>::get(9), Some(cheaper));
	});
}

#[test]
fn changing_a_model_keeps_the_stake_of_registered_gpus() {
	run(|| {
		let gpu = register(ALICE, 1);
		let mut spec = Models::<Test>::get(H100).unwrap();
		spec.min_stake = STAKE * 2;
		assert_ok!(GpuRegistry::set_model(RuntimeOrigin::root(), H100, spec));
		assert_eq!(crate::Gpus::<Test>::get(gpu).unwrap().stake, STAKE);
		assert_eq!(stake_held(ALICE), STAKE);
	});
}

#[test]
fn set_model_requires_the_catalogue_origin() {
	run(|| {
		let spec = bounded(model_spec(b"B200", 180_000, 50_000));
		assert_noop!(
			GpuRegistry::set_model(RuntimeOrigin::signed(ALICE), 9, spec),
			DispatchError::BadOrigin
		);
		assert_noop!(
			GpuRegistry::remove_model(RuntimeOrigin::signed(ALICE), UNUSED),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_model_refuses_invalid_challenge_params() {
	run(|| {
		let valid =
			ChallengeParams { n: 1, lag: 1, steps: 2, samples: 1, deadline_slack: Permill::zero() };
		assert!(valid.is_valid());
		for invalid in [
			ChallengeParams { n: 0, ..valid },
			ChallengeParams { lag: 0, ..valid },
			ChallengeParams { steps: 1, ..valid },
			ChallengeParams { lag: 5, steps: 3, ..valid },
			ChallengeParams { samples: 0, ..valid },
		] {
			let mut spec = bounded(model_spec(b"X", 1, 1));
			spec.challenge = invalid;
			assert_noop!(
				GpuRegistry::set_model(RuntimeOrigin::root(), 9, spec),
				Error::<Test>::InvalidChallengeParams
			);
		}
		let mut spec = bounded(model_spec(b"X", 1, 1));
		spec.challenge = valid;
		assert_ok!(GpuRegistry::set_model(RuntimeOrigin::root(), 9, spec));
	});
}

#[test]
fn remove_model_removes_an_unused_model() {
	run(|| {
		assert_ok!(GpuRegistry::remove_model(RuntimeOrigin::root(), UNUSED));
		assert!(!Models::<Test>::contains_key(UNUSED));
		assert_eq!(registry_events().last(), Some(&Event::ModelRemoved { model: UNUSED }));
	});
}

#[test]
fn remove_model_refuses_unknown_models() {
	run(|| {
		assert_noop!(
			GpuRegistry::remove_model(RuntimeOrigin::root(), 42),
			Error::<Test>::UnknownModel
		);
	});
}

#[test]
fn remove_model_refuses_while_gpus_of_it_exist() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_eq!(ModelGpus::<Test>::get(H100), Some(1));
		assert_noop!(
			GpuRegistry::remove_model(RuntimeOrigin::root(), H100),
			Error::<Test>::ModelInUse
		);
		// Retired but not withdrawn: still in use.
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_noop!(
			GpuRegistry::remove_model(RuntimeOrigin::root(), H100),
			Error::<Test>::ModelInUse
		);
		run_to_block(1 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(ModelGpus::<Test>::get(H100), None);
		assert_ok!(GpuRegistry::remove_model(RuntimeOrigin::root(), H100));
	});
}

#[test]
fn set_revenue_shares_sets_shares_summing_to_100_percent() {
	run(|| {
		let shares = RevenueShares {
			operator: Permill::from_percent(30),
			holder: Permill::from_percent(60),
			protocol: Permill::from_percent(10),
		};
		assert_ok!(GpuRegistry::set_revenue_shares(RuntimeOrigin::root(), shares));
		assert_eq!(Shares::<Test>::get(), shares);
		assert_eq!(registry_events().last(), Some(&Event::RevenueSharesSet { shares }));
		let all_to_holder = RevenueShares {
			operator: Permill::zero(),
			holder: Permill::one(),
			protocol: Permill::zero(),
		};
		assert_ok!(GpuRegistry::set_revenue_shares(RuntimeOrigin::root(), all_to_holder));
	});
}

#[test]
fn set_revenue_shares_refuses_shares_not_summing_to_100_percent() {
	run(|| {
		for (operator, holder, protocol) in
			[(20, 75, 4), (20, 75, 6), (0, 0, 0), (100, 100, 0), (50, 50, 1)]
		{
			let shares = RevenueShares {
				operator: Permill::from_percent(operator),
				holder: Permill::from_percent(holder),
				protocol: Permill::from_percent(protocol),
			};
			assert_noop!(
				GpuRegistry::set_revenue_shares(RuntimeOrigin::root(), shares),
				Error::<Test>::InvalidShares
			);
		}
		assert_noop!(
			GpuRegistry::set_revenue_shares(
				RuntimeOrigin::signed(ALICE),
				<Test as crate::Config>::DefaultRevenueShares::get()
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn integrity_test_passes_for_the_mock() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(<crate::Pallet<Test> as Hooks<u64>>::integrity_test);
}
