//! Benchmarks of every call and of [`Pallet::slash`] (frame-benchmarking v2).
//!
//! Each benchmark sets up its worst case: `register_gpu` creates the GPU collection (the first
//! registration does), mints the item and sets all its attributes, with the longest region and
//! endpoint; `rent` pays in AID into the escrow account; `withdraw_stake` burns an item held
//! by another account; settlement is measured on both paths (holder share to a holder distinct
//! from the operator, and to the revenue sink) with a downtime refund, and the call is charged
//! the larger of the two.

// Benchmark setup may panic: it runs only in benchmarks and their tests.
#![allow(
	clippy::arithmetic_side_effects,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic
)]

use super::*;
use crate::pallet::{GpuCollection, Gpus, ModelGpus, Models, Rentals, Revenue, Shares};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect as _, InspectHold as _, Mutate as _},
		fungibles::Inspect as _,
		tokens::nonfungibles_v2::Transfer as _,
		EnsureOrigin, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{Perbill, Permill, Saturating};

const SEED: u32 = 0;
const MODEL: ModelId = 1;

/// A large native balance for `who` (stakes, deposits, rentals).
fn endow<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance().saturating_mul(1_000_000_000).max(1u128 << 80);
	T::Currency::set_balance(who, amount);
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	endow::<T>(&who);
	who
}

/// The stake of the benchmark model.
fn stake<T: Config>() -> u128 {
	T::Currency::minimum_balance().saturating_mul(100).max(100)
}

/// A model whose name is `len` bytes long.
fn model<T: Config>(len: u32) -> ModelSpecOf<T> {
	ModelSpec {
		name: BoundedVec::try_from(vec![b'M'; len as usize]).unwrap(),
		vram_mib: 81_920,
		int8_tops: 1_979,
		fp16_tflops: 989,
		memory_bandwidth_gbps: 3_350,
		min_stake: stake::<T>(),
		reward_weight: Permill::one(),
		challenge: ChallengeParams {
			n: 4_096,
			lag: 4,
			steps: 64,
			samples: 8,
			deadline_slack: Permill::from_percent(20),
		},
	}
}

fn setup_model<T: Config>() {
	Pallet::<T>::do_set_model(MODEL, model::<T>(T::MaxNameLen::get())).unwrap();
}

/// A valid endpoint exactly `len` bytes long (at least 8).
fn endpoint<T: Config>(len: u32) -> EndpointOf<T> {
	let mut bytes = b"http://".to_vec();
	bytes.resize(len.max(8) as usize, b'h');
	BoundedVec::try_from(bytes).unwrap()
}

fn region<T: Config>(len: u32) -> RegionOf<T> {
	BoundedVec::try_from(vec![b'r'; len as usize]).unwrap()
}

fn specs(i: u32) -> GpuSpecs {
	let mut serial_hash = [0u8; 32];
	serial_hash[..4].copy_from_slice(&i.to_le_bytes());
	GpuSpecs { vram_mib: 81_920, serial_hash }
}

fn agent_key(i: u32) -> [u8; 32] {
	let mut key = [7u8; 32];
	key[..4].copy_from_slice(&i.to_le_bytes());
	key
}

/// The pallet account can pay the collection deposit.
fn endow_pallet<T: Config>() {
	endow::<T>(&Pallet::<T>::account_id());
}

/// A pending GPU of `provider` with the longest region and endpoint.
fn registered<T: Config>(provider: &T::AccountId, i: u32) -> GpuId {
	setup_model::<T>();
	endow_pallet::<T>();
	Pallet::<T>::do_register_gpu(
		provider.clone(),
		MODEL,
		specs(i),
		region::<T>(T::MaxRegionLen::get()),
		endpoint::<T>(T::MaxEndpointLen::get()),
		agent_key(i),
	)
	.unwrap()
}

/// An active GPU of a new provider priced in `currency`; returns it and its operator.
fn active<T: Config>(i: u32, currency: PaymentCurrency) -> (GpuId, T::AccountId) {
	let provider = funded::<T>("provider", i);
	let gpu = registered::<T>(&provider, i);
	<Pallet<T> as GpuDirectory<GpuId>>::on_live(&gpu);
	Pallet::<T>::do_set_price(provider.clone(), gpu, currency, 1_000).unwrap();
	(gpu, provider)
}

/// Moves `gpu`'s item to a new holder.
fn transfer_item<T: Config>(gpu: GpuId) -> T::AccountId {
	let holder = funded::<T>("holder", 0);
	let collection = GpuCollection::<T>::get().unwrap();
	T::Nfts::transfer(&collection, &gpu, &holder).unwrap();
	holder
}

/// An ended AID rental of `gpu` with some downtime; returns the renter.
fn ended_aid_rental<T: Config>(gpu: GpuId) -> T::AccountId {
	let renter = funded::<T>("renter", 0);
	let blocks = T::MaxRentalBlocks::get();
	T::BenchmarkHelper::fund_aid(&renter, 1_000u128 * u128::from(blocks) * 2);
	// Make the treasury able to receive AID of any amount.
	T::BenchmarkHelper::fund_aid(&T::TreasuryAccount::get(), 1_000);
	let currency = Gpus::<T>::get(gpu).and_then(|g| g.price).map(|p| p.currency).unwrap();
	Pallet::<T>::do_rent(renter.clone(), gpu, blocks, 1_000, currency).unwrap();
	T::BenchmarkHelper::set_downtime(gpu);
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(blocks.into()));
	renter
}

/// Revenue shares with all three parts non-zero.
fn three_way_shares<T: Config>() {
	Shares::<T>::put(RevenueShares {
		operator: Permill::from_percent(20),
		holder: Permill::from_percent(75),
		protocol: Permill::from_percent(5),
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_model(n: Linear<1, { T::MaxNameLen::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::CatalogueOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let spec = model::<T>(n);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MODEL, spec.clone());

		assert_eq!(Models::<T>::get(MODEL), Some(spec));
		Ok(())
	}

	#[benchmark]
	fn remove_model() -> Result<(), BenchmarkError> {
		let origin =
			T::CatalogueOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		setup_model::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MODEL);

		assert!(!Models::<T>::contains_key(MODEL));
		Ok(())
	}

	#[benchmark]
	fn register_gpu(
		r: Linear<0, { T::MaxRegionLen::get() }>,
		e: Linear<8, { T::MaxEndpointLen::get() }>,
	) {
		setup_model::<T>();
		endow_pallet::<T>();
		// The first registration creates the collection.
		GpuCollection::<T>::kill();
		let provider = funded::<T>("provider", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(provider.clone()),
			MODEL,
			specs(0),
			region::<T>(r),
			endpoint::<T>(e),
			agent_key(0),
		);

		let gpu = NextGpuId::<T>::get() - 1;
		assert_eq!(Pallet::<T>::nft_owner(gpu), Some(provider.clone()));
		assert_eq!(
			T::Currency::balance_on_hold(&HoldReason::GpuStake.into(), &provider),
			stake::<T>()
		);
	}

	#[benchmark]
	fn update_endpoint(e: Linear<8, { T::MaxEndpointLen::get() }>) {
		let provider = funded::<T>("provider", 0);
		let gpu = registered::<T>(&provider, 0);
		let new = endpoint::<T>(e);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), gpu, new.clone());

		assert_eq!(Gpus::<T>::get(gpu).unwrap().endpoint, new);
	}

	#[benchmark]
	fn resume_gpu() {
		let provider = funded::<T>("provider", 0);
		let gpu = registered::<T>(&provider, 0);
		Pallet::<T>::suspend(gpu).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), gpu);

		assert_eq!(Gpus::<T>::get(gpu).unwrap().status, GpuStatus::Pending);
	}

	#[benchmark]
	fn retire_gpu() {
		let (gpu, provider) = active::<T>(0, PaymentCurrency::Aid);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), gpu);

		assert!(matches!(Gpus::<T>::get(gpu).unwrap().status, GpuStatus::Retired { .. }));
	}

	#[benchmark]
	fn withdraw_stake() {
		// A second GPU of the model keeps its count (a write rather than a removal).
		let other = funded::<T>("other", 0);
		registered::<T>(&other, 1);
		let (gpu, provider) = active::<T>(0, PaymentCurrency::Aid);
		transfer_item::<T>(gpu);
		Revenue::<T>::insert(gpu, RevenueToDate::default());
		Pallet::<T>::do_retire_gpu(provider.clone(), gpu).unwrap();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::UnbondingPeriod::get()));

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), gpu);

		assert!(Gpus::<T>::get(gpu).is_none());
		assert_eq!(Pallet::<T>::nft_owner(gpu), None);
		assert_eq!(ModelGpus::<T>::get(MODEL), Some(1));
		assert_eq!(T::Currency::balance_on_hold(&HoldReason::GpuStake.into(), &provider), 0);
	}

	#[benchmark]
	fn set_price() {
		let provider = funded::<T>("provider", 0);
		let gpu = registered::<T>(&provider, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), gpu, PaymentCurrency::Aid, 1_000);

		assert!(Gpus::<T>::get(gpu).unwrap().price.is_some());
	}

	#[benchmark]
	fn rent() {
		let (gpu, _) = active::<T>(0, PaymentCurrency::Aid);
		let renter = funded::<T>("renter", 0);
		let blocks = T::MaxRentalBlocks::get();
		T::BenchmarkHelper::fund_aid(&renter, 1_000u128 * u128::from(blocks) * 2);

		#[extrinsic_call]
		_(RawOrigin::Signed(renter), gpu, blocks, 1_000, PaymentCurrency::Aid);

		assert!(Rentals::<T>::contains_key(gpu));
		assert_eq!(
			T::Assets::balance(T::AidAssetId::get(), &Pallet::<T>::escrow_account()),
			1_000u128 * u128::from(blocks)
		);
	}

	/// Settlement paying the holder share to the NFT's holder (the sink does not finance it).
	#[benchmark]
	fn settle_rental_holder() {
		three_way_shares::<T>();
		let (gpu, _) = active::<T>(0, PaymentCurrency::Aid);
		let holder = transfer_item::<T>(gpu);
		let renter = ended_aid_rental::<T>(gpu);

		#[extrinsic_call]
		settle_rental(RawOrigin::Signed(renter), gpu);

		assert!(!Rentals::<T>::contains_key(gpu));
		assert!(T::Assets::balance(T::AidAssetId::get(), &holder) > 0);
	}

	/// Settlement paying the holder share to the revenue sink financing the GPU.
	#[benchmark]
	fn settle_rental_sink() {
		three_way_shares::<T>();
		let (gpu, _) = active::<T>(0, PaymentCurrency::Aid);
		T::BenchmarkHelper::finance_gpu(gpu);
		let renter = ended_aid_rental::<T>(gpu);

		#[extrinsic_call]
		settle_rental(RawOrigin::Signed(renter), gpu);

		assert!(!Rentals::<T>::contains_key(gpu));
		assert!(Revenue::<T>::get(gpu).aid.to_holder > 0);
	}

	#[benchmark]
	fn set_revenue_shares() -> Result<(), BenchmarkError> {
		let origin =
			T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let shares = RevenueShares {
			operator: Permill::from_percent(10),
			holder: Permill::from_percent(85),
			protocol: Permill::from_percent(5),
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, shares);

		assert_eq!(Shares::<T>::get(), shares);
		Ok(())
	}

	/// [`Pallet::slash`] with a reporter (for the proof-of-GPU pallet's weights).
	#[benchmark]
	fn slash() {
		let (gpu, provider) = active::<T>(0, PaymentCurrency::Aid);
		let reporter = funded::<T>("reporter", 0);
		endow::<T>(&T::TreasuryAccount::get());

		#[block]
		{
			Pallet::<T>::slash(gpu, Perbill::from_percent(50), Some(reporter)).unwrap();
		}

		assert_eq!(Gpus::<T>::get(gpu).unwrap().status, GpuStatus::Slashed);
		assert_eq!(
			T::Currency::balance_on_hold(&HoldReason::GpuStake.into(), &provider),
			stake::<T>() - stake::<T>() / 2
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
