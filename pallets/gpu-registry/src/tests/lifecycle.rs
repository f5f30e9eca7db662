//! The lifecycle: activation, suspension, resume, retirement, withdrawal and slashing.

use super::*;
use crate::{AgentKeys, Error, Event, GpuStatus, Gpus, Revenue, Verification, Verified};
use frame_support::assert_noop;
use sp_runtime::Perbill;

fn status(gpu: GpuId) -> GpuStatus<u64> {
	Gpus::<Test>::get(gpu).unwrap().status
}

#[test]
fn on_live_activates_a_pending_gpu_once() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		assert_eq!(status(gpu), GpuStatus::Active);
		assert_eq!(registry_events().last(), Some(&Event::GpuActivated { gpu }));
		let events = registry_events().len();
		GpuRegistry::on_live(&gpu);
		assert_eq!(status(gpu), GpuStatus::Active);
		assert_eq!(registry_events().len(), events);
		// Unknown GPUs and other states are left alone.
		GpuRegistry::on_live(&42);
		GpuRegistry::on_unresponsive(&gpu);
		GpuRegistry::on_live(&gpu);
		assert_eq!(status(gpu), GpuStatus::Suspended);
	});
}

#[test]
fn on_unresponsive_suspends_without_stopping_monitoring_again() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		GpuRegistry::on_unresponsive(&gpu);
		assert_eq!(status(gpu), GpuStatus::Suspended);
		assert_eq!(registry_events().last(), Some(&Event::GpuSuspended { gpu }));
		assert_eq!(monitor_calls(), vec![MonitorCall::Start(gpu)]);
		// A pending GPU can be found unresponsive too.
		let other = register(ALICE, 2);
		GpuRegistry::on_unresponsive(&other);
		assert_eq!(status(other), GpuStatus::Suspended);
		// Retired GPUs are left alone.
		let retired = register(ALICE, 3);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), retired));
		GpuRegistry::on_unresponsive(&retired);
		assert!(matches!(status(retired), GpuStatus::Retired { .. }));
	});
}

#[test]
fn suspend_stops_monitoring() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		assert_ok!(GpuRegistry::suspend(gpu));
		assert_eq!(status(gpu), GpuStatus::Suspended);
		assert!(!monitored(gpu));
		assert_eq!(monitor_calls(), vec![MonitorCall::Start(gpu), MonitorCall::Stop(gpu)]);
	});
}

#[test]
fn suspend_refuses_unknown_and_not_running_gpus() {
	run(|| {
		assert_noop!(GpuRegistry::suspend(9), Error::<Test>::UnknownGpu);
		let gpu = register(ALICE, 1);
		assert_ok!(GpuRegistry::suspend(gpu));
		assert_noop!(GpuRegistry::suspend(gpu), Error::<Test>::CannotSuspend);
		let slashed = register(ALICE, 2);
		assert_ok!(GpuRegistry::slash(slashed, Perbill::from_percent(1), None));
		assert_noop!(GpuRegistry::suspend(slashed), Error::<Test>::CannotSuspend);
	});
}

#[test]
fn resume_gpu_makes_a_suspended_gpu_pending_and_monitored() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		assert_ok!(GpuRegistry::suspend(gpu));
		assert_ok!(GpuRegistry::resume_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(status(gpu), GpuStatus::Pending);
		assert!(monitored(gpu));
		assert_eq!(monitor_calls().last(), Some(&MonitorCall::Start(gpu)));
		assert_eq!(registry_events().last(), Some(&Event::GpuResumed { gpu }));
		GpuRegistry::on_live(&gpu);
		assert_eq!(status(gpu), GpuStatus::Active);
	});
}

#[test]
fn resume_gpu_refuses_bad_input() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_noop!(
			GpuRegistry::resume_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			GpuRegistry::resume_gpu(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownGpu
		);
		assert_ok!(GpuRegistry::suspend(gpu));
		assert_noop!(
			GpuRegistry::resume_gpu(RuntimeOrigin::signed(BOB), gpu),
			Error::<Test>::NotOperator
		);
		register(ALICE, 2);
		set_liveness_slots(1);
		assert_noop!(
			GpuRegistry::resume_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::NoFreeLivenessSlot
		);
	});
}

#[test]
fn retire_gpu_stops_monitoring_and_starts_unbonding() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		run_to_block(5);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		let unbonds_at = 5 + UNBONDING;
		assert_eq!(status(gpu), GpuStatus::Retired { unbonds_at });
		assert!(!monitored(gpu));
		assert_eq!(registry_events().last(), Some(&Event::GpuRetired { gpu, unbonds_at }));
		// The stake stays held while unbonding.
		assert_eq!(stake_held(ALICE), STAKE);
	});
}

#[test]
fn retire_gpu_refuses_bad_input() {
	run(|| {
		let gpu = active_gpu(1, PaymentCurrency::Native, 10);
		assert_noop!(
			GpuRegistry::retire_gpu(RuntimeOrigin::signed(BOB), gpu),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownGpu
		);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 10));
		assert_noop!(
			GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::GpuRented
		);
		// Even after the end, until settled.
		run_to_block(20);
		assert_noop!(
			GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::GpuRented
		);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(CHARLIE), gpu));
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_noop!(
			GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::AlreadyRetired
		);
	});
}

#[test]
fn withdraw_stake_releases_the_stake_burns_the_nft_and_removes_the_gpu() {
	run(|| {
		let gpu = active_gpu(1, PaymentCurrency::Native, 10);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 10));
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert!(Revenue::<Test>::contains_key(gpu));
		let free_before = free(ALICE);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		run_to_block(11 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(stake_held(ALICE), 0);
		// Stake and item deposit are back.
		assert_eq!(free(ALICE), free_before + STAKE + 1);
		assert_eq!(GpuRegistry::nft_owner(gpu), None);
		assert!(Gpus::<Test>::get(gpu).is_none());
		assert!(!Revenue::<Test>::contains_key(gpu));
		assert_eq!(AgentKeys::<Test>::get(key(1)), None);
		// The other pallets are told to forget it.
		assert_eq!(withdrawn(), vec![gpu]);
		assert_eq!(
			registry_events().last(),
			Some(&Event::StakeWithdrawn { gpu, provider: ALICE, amount: STAKE })
		);
		// The agent key can register again; ids are not reused.
		assert_eq!(register(ALICE, 1), gpu + 1);
	});
}

#[test]
fn withdraw_stake_refuses_bad_input() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_noop!(
			GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::NotRetired
		);
		assert_noop!(
			GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownGpu
		);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_noop!(
			GpuRegistry::withdraw_stake(RuntimeOrigin::signed(BOB), gpu),
			Error::<Test>::NotOperator
		);
		run_to_block(UNBONDING);
		assert_noop!(
			GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::StillUnbonding
		);
		run_to_block(1 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
	});
}

#[test]
fn slash_pays_the_reporter_and_the_treasury() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		let (treasury, reporter) = (free(TREASURY), free(REPORTER));
		assert_eq!(GpuRegistry::slash(gpu, Perbill::from_percent(50), Some(REPORTER)), Ok(5_000));
		assert_eq!(free(REPORTER), reporter + 500);
		assert_eq!(free(TREASURY), treasury + 4_500);
		assert_eq!(stake_held(ALICE), 5_000);
		let record = Gpus::<Test>::get(gpu).unwrap();
		assert_eq!(record.stake, 5_000);
		assert_eq!(record.status, GpuStatus::Slashed);
		assert!(!monitored(gpu));
		assert_eq!(
			registry_events().last(),
			Some(&Event::GpuSlashed {
				gpu,
				provider: ALICE,
				amount: 5_000,
				to_treasury: 4_500,
				reporter: Some(REPORTER),
				to_reporter: 500,
				remaining_stake: 5_000,
			})
		);
		// A second slash takes from what is left.
		assert_eq!(GpuRegistry::slash(gpu, Perbill::from_percent(10), None), Ok(500));
		assert_eq!(free(TREASURY), treasury + 5_000);
		assert_eq!(stake_held(ALICE), 4_500);
	});
}

#[test]
fn a_reporter_that_cannot_receive_leaves_the_reward_to_the_treasury() {
	run(|| {
		let gpu = register(ALICE, 1);
		let treasury = free(TREASURY);
		// 50 slashed, 5 for the reporter: below the existential deposit of a new account.
		assert_eq!(GpuRegistry::slash(gpu, Perbill::from_parts(5_000_000), Some(NOBODY)), Ok(50));
		assert_eq!(free(NOBODY), 0);
		assert_eq!(free(TREASURY), treasury + 50);
		assert!(matches!(
			registry_events().last(),
			Some(Event::GpuSlashed { to_reporter: 0, to_treasury: 50, .. })
		));
	});
}

#[test]
fn slash_refuses_unknown_gpus() {
	run(|| {
		assert_noop!(
			GpuRegistry::slash(9, Perbill::from_percent(50), None),
			Error::<Test>::UnknownGpu
		);
	});
}

#[test]
fn a_slashed_gpu_can_only_be_retired_and_withdrawn() {
	run(|| {
		let gpu = active_gpu(1, PaymentCurrency::Native, 10);
		assert_ok!(GpuRegistry::slash(gpu, Perbill::from_percent(30), None));
		assert_noop!(
			GpuRegistry::resume_gpu(RuntimeOrigin::signed(ALICE), gpu),
			Error::<Test>::NotSuspended
		);
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1, 10), Error::<Test>::GpuNotActive);
		GpuRegistry::on_live(&gpu);
		assert_eq!(status(gpu), GpuStatus::Slashed);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		run_to_block(1 + UNBONDING);
		let free_before = free(ALICE);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(free(ALICE), free_before + 7_000 + 1);
		assert_eq!(stake_held(ALICE), 0);
	});
}

#[test]
fn the_directory_serves_agent_keys_and_endpoints() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_eq!(GpuRegistry::agent_key(&gpu), Some(key(1)));
		assert_eq!(GpuRegistry::agent_endpoint(&gpu), Some(ENDPOINT.to_vec()));
		assert_eq!(GpuRegistry::agent_key(&9), None);
		assert_eq!(GpuRegistry::agent_endpoint(&9), None);
	});
}

#[test]
fn record_verified_counts_passes_per_epoch_and_ignores_stale_or_unknown() {
	run(|| {
		let gpu = active_gpu(1, PaymentCurrency::Native, 10);
		GpuRegistry::record_verified(gpu, 4);
		assert_eq!(
			Verified::<Test>::get(gpu),
			Some(Verification { model: H100, epoch: 4, passes: 1 })
		);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::GpuRegistry(Event::GpuVerified {
				gpu,
				model: H100,
				epoch: 4,
				passes: 1
			})));
		// The same or an older epoch does not count twice.
		GpuRegistry::record_verified(gpu, 4);
		GpuRegistry::record_verified(gpu, 3);
		assert_eq!(Verified::<Test>::get(gpu).unwrap().passes, 1);
		GpuRegistry::record_verified(gpu, 6);
		assert_eq!(
			Verified::<Test>::get(gpu),
			Some(Verification { model: H100, epoch: 6, passes: 2 })
		);
		assert_eq!(GpuRegistry::gpu(gpu).unwrap().verified.unwrap().passes, 2);
		// Unknown GPUs are ignored.
		GpuRegistry::record_verified(99, 1);
		assert_eq!(Verified::<Test>::get(99), None);
		// Withdrawing the GPU removes its verification.
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		run_to_block(1 + UNBONDING);
		assert_ok!(GpuRegistry::withdraw_stake(RuntimeOrigin::signed(ALICE), gpu));
		assert_eq!(Verified::<Test>::get(gpu), None);
	});
}
