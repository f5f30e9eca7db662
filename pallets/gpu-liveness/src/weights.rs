//! Weights for `pallet_gpu_liveness`
//!
//! PLACEHOLDER NUMBERS, NOT MEASURED: estimates in the format of
//! `.maintain/frame-weight-template.hbs` until the integrator regenerates this file with
//! `heliox-node benchmark pallet --chain dev --pallet pallet_gpu_liveness --extrinsic '*'
//! --steps 10 --repeat 5 --template .maintain/frame-weight-template.hbs
//! --output pallets/gpu-liveness/src/weights.rs` (node built with `--features
//! runtime-benchmarks`). Components: `b` bitmap bits, `e` signed answers, `v` verifiers,
//! `p` slot pages of a period, `u` GPUs announced live or unresponsive at a close.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_gpu_liveness`.
pub trait WeightInfo {
	fn submit_report(b: u32, e: u32, v: u32, ) -> Weight;
	fn start_period(v: u32, ) -> Weight;
	fn close_period(p: u32, u: u32, ) -> Weight;
}

/// Weights for `pallet_gpu_liveness` using the Heliox node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `GpuLiveness::CurrentPeriod` (r:1 w:0)
	/// Storage: `GpuLiveness::PreviousPeriod` (r:1 w:0)
	/// Storage: `GpuLiveness::ReportedBy` (r:1 w:1)
	/// Storage: `GpuLiveness::SlotPages` (r:8 w:0)
	/// Storage: `GpuLiveness::PeriodVotes` (r:514 w:514)
	/// The range of component `b` is `[1, 131072]`.
	/// The range of component `e` is `[0, 8]`.
	/// The range of component `v` is `[1, 1000]`.
	fn submit_report(b: u32, e: u32, v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(b.div_ceil(256).saturating_add(1).into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(b.div_ceil(256).saturating_add(1).into())))
			.saturating_add(Weight::from_parts(0, 6200).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 300).saturating_mul(b.div_ceil(256).saturating_add(1).into()))
			.saturating_add(Weight::from_parts(0, 32).saturating_mul(v.into()))
	}
	/// Storage: `GpuLiveness::PreviousPeriod` (r:1 w:1)
	/// Storage: `GpuLiveness::CurrentPeriod` (r:1 w:1)
	/// Storage: `GpuLiveness::Verifiers` (r:1 w:0)
	/// Storage: `GpuLiveness::SlotCount` (r:1 w:0)
	/// The range of component `v` is `[0, 1000]`.
	fn start_period(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 2000))
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(Weight::from_parts(0, 64).saturating_mul(v.into()))
	}
	/// Storage: `GpuLiveness::ReportedBy` (r:1 w:1)
	/// Storage: `GpuLiveness::PeriodVotes` (r:512 w:512)
	/// Storage: `GpuLiveness::SlotPages` (r:512 w:512)
	/// Storage: `GpuLiveness::SlotOf` (r:0 w:256)
	/// Storage: `GpuLiveness::LastUptime` (r:0 w:256)
	/// Storage: `GpuLiveness::FreeSlots` (r:0 w:256)
	/// The range of component `p` is `[0, 512]`.
	/// The range of component `u` is `[0, 256]`.
	fn close_period(p: u32, u: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 2000))
			.saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(u.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(u.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 6700).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(u.into()))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn submit_report(b: u32, e: u32, v: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			.saturating_add(Weight::from_parts(250_000, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(1_000_000, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(b.div_ceil(256).saturating_add(1).into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(b.div_ceil(256).saturating_add(1).into())))
			.saturating_add(Weight::from_parts(0, 6200).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 300).saturating_mul(b.div_ceil(256).saturating_add(1).into()))
			.saturating_add(Weight::from_parts(0, 32).saturating_mul(v.into()))
	}
	fn start_period(v: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 2000))
			.saturating_add(Weight::from_parts(150_000, 0).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(Weight::from_parts(0, 64).saturating_mul(v.into()))
	}
	fn close_period(p: u32, u: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 2000))
			.saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(30_000_000, 0).saturating_mul(u.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(u.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(u.into())))
			.saturating_add(Weight::from_parts(0, 6700).saturating_mul(p.into()))
			.saturating_add(Weight::from_parts(0, 2600).saturating_mul(u.into()))
	}
}
