//! Benchmarks of every call and of the `on_initialize` queue service (frame-benchmarking v2).
//!
//! Each benchmark sets up its worst case: fees on (extra treasury transfers), revenue vesting
//! (accrual on every vault operation), full per-account request lists, and `n` matured
//! requests from distinct accounts for the queue service. `create_assets` is measured with
//! both assets present (its usual path after genesis); creating them happens once.

// Benchmark setup may panic: it runs only in benchmarks and their tests.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic
)]

use super::*;
use crate::pallet::{
	AccountRequests, AllowList, Collaterals, Deals, GpuDeals, Params, Paused, QueueLen, Requests,
	Vault,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungibles::{Create, Inspect, Mutate},
	EnsureOrigin, Get, Hooks,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::One, Permill, Saturating};

const SEED: u32 = 0;

fn unit<T: Config>() -> u128 {
	10u128.pow(u32::from(T::AidDecimals::get()))
}

fn admin<T: Config>() -> T::RuntimeOrigin {
	T::AdminOrigin::try_successful_origin().expect("AdminOrigin has a successful origin")
}

/// Creates AID/sAID and a collateral asset with AID's decimals and no cap; returns its id.
fn setup_collateral<T: Config>() -> T::AssetId {
	Pallet::<T>::ensure_assets().unwrap();
	let asset = T::BenchmarkHelper::collateral_asset(0);
	if !T::Assets::asset_exists(asset) {
		T::Assets::create(asset, account("asset-admin", 0, SEED), true, 1u128).unwrap();
	}
	Pallet::<T>::do_set_collateral(asset, T::AidDecimals::get(), u128::MAX).unwrap();
	asset
}

/// Fees and revenue vesting on, so every path does its most work.
fn worst_case_parameters<T: Config>(cooldown: BlockNumberFor<T>) {
	Params::<T>::put(Parameters {
		mint_fee: Permill::from_percent(1),
		redeem_fee: Permill::from_percent(1),
		performance_fee: Permill::from_percent(15),
		cooldown,
		vesting_period: T::VestingPeriod::get(),
	});
	Paused::<T>::put(false);
}

/// An allow-listed account holding `units` whole AID (minted against collateral).
fn aid_holder<T: Config>(name: &'static str, index: u32, units: u128) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let collateral = setup_collateral::<T>();
	AllowList::<T>::insert(&who, ());
	let amount = units * unit::<T>();
	T::Assets::mint_into(collateral, &who, amount * 2).unwrap();
	let fee = Params::<T>::get().mint_fee;
	Params::<T>::mutate(|p| p.mint_fee = Permill::zero());
	Pallet::<T>::do_mint_aid(who.clone(), collateral, amount).unwrap();
	Params::<T>::mutate(|p| p.mint_fee = fee);
	who
}

/// An account holding `units` AID deposited in the vault; returns it and its shares.
fn vault_holder<T: Config>(name: &'static str, index: u32, units: u128) -> (T::AccountId, u128) {
	let who = aid_holder::<T>(name, index, units);
	Pallet::<T>::do_deposit(who.clone(), units * unit::<T>(), 0).unwrap();
	let shares = Pallet::<T>::said_balance(&who);
	(who, shares)
}

/// Opens a deal for GPU `i` and injects revenue so vesting is in progress.
fn deal_with_vesting<T: Config>(i: u32) -> (T::GpuId, T::AccountId) {
	let gpu = T::BenchmarkHelper::gpu(i);
	let beneficiary: T::AccountId = account("beneficiary", i, SEED);
	Pallet::<T>::do_fund_gpu_deal(gpu.clone(), beneficiary.clone(), 10 * unit::<T>()).unwrap();
	let payer = aid_holder::<T>("payer", i, 10);
	Pallet::<T>::do_accept_revenue(&payer, &gpu, unit::<T>()).unwrap();
	(gpu, beneficiary)
}

/// The fewest shares a request may have (worth `MinWithdrawal`, at least one share).
fn min_request<T: Config>() -> u128 {
	Pallet::<T>::preview_withdraw(T::MinWithdrawal::get()).unwrap().max(1)
}

/// `n` matured withdrawal requests from distinct accounts, with enough liquidity for all.
fn matured_queue<T: Config>(n: u32) {
	worst_case_parameters::<T>(BlockNumberFor::<T>::one());
	vault_holder::<T>("whale", 0, 1_000);
	deal_with_vesting::<T>(0);
	for i in 0..n {
		let (who, shares) = vault_holder::<T>("queuer", i, 10);
		Pallet::<T>::do_request_withdraw(who, shares).unwrap();
	}
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(2u32.into()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn mint_aid() {
		worst_case_parameters::<T>(0u32.into());
		let collateral = setup_collateral::<T>();
		let who: T::AccountId = whitelisted_caller();
		AllowList::<T>::insert(&who, ());
		let amount = 100 * unit::<T>();
		T::Assets::mint_into(collateral, &who, amount).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), collateral, amount);

		assert_eq!(Pallet::<T>::aid_balance(&who), amount - unit::<T>());
	}

	#[benchmark]
	fn redeem_aid() {
		worst_case_parameters::<T>(0u32.into());
		let collateral = setup_collateral::<T>();
		let who = aid_holder::<T>("redeemer", 0, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), collateral, 100 * unit::<T>());

		assert_eq!(Pallet::<T>::aid_balance(&who), 0);
	}

	#[benchmark]
	fn deposit() {
		worst_case_parameters::<T>(0u32.into());
		vault_holder::<T>("holder", 0, 100);
		deal_with_vesting::<T>(0);
		let who = aid_holder::<T>("depositor", 0, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 100 * unit::<T>(), 0);

		assert!(Pallet::<T>::said_balance(&who) > 0);
	}

	#[benchmark]
	fn mint() {
		worst_case_parameters::<T>(0u32.into());
		vault_holder::<T>("holder", 0, 100);
		deal_with_vesting::<T>(0);
		let who = aid_holder::<T>("minter", 0, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 1_000_000, u128::MAX);

		assert_eq!(Pallet::<T>::said_balance(&who), 1_000_000);
	}

	#[benchmark]
	fn withdraw() {
		worst_case_parameters::<T>(0u32.into());
		let (who, _) = vault_holder::<T>("holder", 0, 100);
		deal_with_vesting::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 50 * unit::<T>(), u128::MAX);

		assert_eq!(Pallet::<T>::aid_balance(&who), 50 * unit::<T>());
	}

	#[benchmark]
	fn redeem() {
		worst_case_parameters::<T>(0u32.into());
		let (who, shares) = vault_holder::<T>("holder", 0, 100);
		deal_with_vesting::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), shares / 2, 0);

		assert!(Pallet::<T>::aid_balance(&who) > 0);
	}

	#[benchmark]
	fn request_withdraw() {
		worst_case_parameters::<T>(10u32.into());
		let (who, shares) = vault_holder::<T>("holder", 0, 100);
		let max = T::MaxRequestsPerAccount::get();
		let chunk = min_request::<T>();
		for _ in 1..max {
			Pallet::<T>::do_request_withdraw(who.clone(), chunk).unwrap();
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), shares / 2);

		assert_eq!(AccountRequests::<T>::get(&who).len() as u32, max);
	}

	#[benchmark]
	fn cancel_withdraw() {
		worst_case_parameters::<T>(10u32.into());
		let (who, _) = vault_holder::<T>("holder", 0, 100);
		let max = T::MaxRequestsPerAccount::get();
		let chunk = min_request::<T>();
		for _ in 0..max {
			Pallet::<T>::do_request_withdraw(who.clone(), chunk).unwrap();
		}
		let last = *AccountRequests::<T>::get(&who).last().unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last);

		assert!(Requests::<T>::get(last).is_none());
	}

	#[benchmark]
	fn process_queue(n: Linear<1, { T::MaxQueueLen::get() }>) {
		matured_queue::<T>(n);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), n);

		assert_eq!(QueueLen::<T>::get(), 0);
	}

	#[benchmark]
	fn pay_revenue() {
		worst_case_parameters::<T>(0u32.into());
		vault_holder::<T>("holder", 0, 100);
		let (gpu, _) = deal_with_vesting::<T>(0);
		let payer = aid_holder::<T>("payer", 1, 100);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), gpu, 100 * unit::<T>());

		assert!(Vault::<T>::get().vesting.amount > 0);
	}

	#[benchmark]
	fn fund_gpu_deal() {
		worst_case_parameters::<T>(0u32.into());
		vault_holder::<T>("holder", 0, 100);
		let gpu = T::BenchmarkHelper::gpu(1);
		let beneficiary: T::AccountId = account("beneficiary", 1, SEED);
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, gpu.clone(), beneficiary, 50 * unit::<T>());

		assert!(GpuDeals::<T>::contains_key(&gpu));
	}

	#[benchmark]
	fn close_gpu_deal() {
		worst_case_parameters::<T>(0u32.into());
		vault_holder::<T>("holder", 0, 100);
		deal_with_vesting::<T>(0);
		let deal = GpuDeals::<T>::get(T::BenchmarkHelper::gpu(0)).unwrap();
		let origin = admin::<T>();

		// Part repaid, part written down: both paths.
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, deal, 5 * unit::<T>());

		assert!(Deals::<T>::get(deal).is_none());
	}

	#[benchmark]
	fn set_collateral() {
		Pallet::<T>::ensure_assets().unwrap();
		// Index 0: every benchmark starts from genesis, where no collateral is set yet, and a
		// runtime whose asset ids follow an allocator can only create the next id.
		let asset = T::BenchmarkHelper::collateral_asset(0);
		if !T::Assets::asset_exists(asset) {
			T::Assets::create(asset, account("asset-admin", 0, SEED), true, 1u128).unwrap();
		}
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, T::AidDecimals::get(), u128::MAX);

		assert!(Collaterals::<T>::contains_key(asset));
	}

	#[benchmark]
	fn remove_collateral() {
		let asset = setup_collateral::<T>();
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset);

		assert!(!Collaterals::<T>::contains_key(asset));
	}

	#[benchmark]
	fn allow_account() {
		let who: T::AccountId = account("kyc", 0, SEED);
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(AllowList::<T>::contains_key(&who));
	}

	#[benchmark]
	fn disallow_account() {
		let who: T::AccountId = account("kyc", 0, SEED);
		AllowList::<T>::insert(&who, ());
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!AllowList::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_parameters() {
		let parameters = Parameters {
			mint_fee: Permill::from_percent(1),
			redeem_fee: Permill::from_percent(1),
			performance_fee: Permill::from_percent(15),
			cooldown: 100u32.into(),
			vesting_period: 100u32.into(),
		};
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parameters);

		assert_eq!(Params::<T>::get(), parameters);
	}

	#[benchmark]
	fn set_paused() {
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, true);

		assert!(Paused::<T>::get());
	}

	#[benchmark]
	fn create_assets() {
		Pallet::<T>::ensure_assets().unwrap();
		let origin = admin::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert!(T::Assets::asset_exists(T::AidAssetId::get()));
	}

	#[benchmark]
	fn on_initialize_queue(n: Linear<0, { T::MaxQueueProcessPerBlock::get() }>) {
		matured_queue::<T>(n);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(QueueLen::<T>::get(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
