//! Weights for `pallet_ip_nft`
//!
//! ESTIMATED (not measured): written by hand in the format of the benchmark CLI output
//! (`.maintain/frame-weight-template.hbs`) from the storage reads and writes of each call plus
//! a margin for signature checks and hashing, until the integrator regenerates this file with
//! `heliox-node benchmark pallet --chain dev --pallet pallet_ip_nft --extrinsic '*'
//! --steps 10 --repeat 5 --template .maintain/frame-weight-template.hbs
//! --output pallets/ip-nft/src/weights.rs` (node built with `--features runtime-benchmarks`).
//! Every call has a worst-case benchmark in `benchmarking.rs`; `a` is the number of
//! agreements, `l` the length of a sale's allow-list.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_ip_nft`.
pub trait WeightInfo {
	fn add_issuer() -> Weight;
	fn remove_issuer() -> Weight;
	fn mint_ip_nft(a: u32, ) -> Weight;
	fn amend_agreements(a: u32, ) -> Weight;
	fn grant_read() -> Weight;
	fn revoke_read() -> Weight;
	fn transfer_ip_nft() -> Weight;
	fn tokenize() -> Weight;
	fn mint_ipt() -> Weight;
	fn accept_terms() -> Weight;
	fn unify() -> Weight;
	fn start_sale(l: u32, ) -> Weight;
	fn bid() -> Weight;
	fn settle_sale() -> Weight;
	fn claim() -> Weight;
	fn set_price() -> Weight;
	fn buy_ip_nft() -> Weight;
	fn attach_attestation() -> Weight;
	fn set_protocol_fee() -> Weight;
}

/// Weights for `pallet_ip_nft` using the Heliox node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1756`
		//  Estimated: `3513`
		// Minimum execution time: 9_000_000 picoseconds.
		Weight::from_parts(9_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3513))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1756`
		//  Estimated: `3513`
		// Minimum execution time: 9_500_000 picoseconds.
		Weight::from_parts(9_500_000, 0)
			.saturating_add(Weight::from_parts(0, 3513))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// The range of component `a` is `[0, 4]`.
	fn mint_ip_nft(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4000`
		//  Estimated: `8000`
		// Minimum execution time: 120_000_000 picoseconds.
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			// Standard Error: 900_000
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// The range of component `a` is `[0, 4]`.
	fn amend_agreements(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `20000`
		//  Estimated: `40000`
		// Minimum execution time: 95_000_000 picoseconds.
		Weight::from_parts(95_000_000, 0)
			.saturating_add(Weight::from_parts(0, 40000))
			// Standard Error: 900_000
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(a.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn grant_read() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn revoke_read() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 28_000_000 picoseconds.
		Weight::from_parts(28_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn transfer_ip_nft() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 70_000_000 picoseconds.
		Weight::from_parts(70_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn tokenize() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `20000`
		//  Estimated: `40000`
		// Minimum execution time: 90_000_000 picoseconds.
		Weight::from_parts(90_000_000, 0)
			.saturating_add(Weight::from_parts(0, 40000))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn mint_ipt() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 40_000_000 picoseconds.
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn accept_terms() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2000`
		//  Estimated: `4000`
		// Minimum execution time: 20_000_000 picoseconds.
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4000))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn unify() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 85_000_000 picoseconds.
		Weight::from_parts(85_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// The range of component `l` is `[0, 16]`.
	fn start_sale(l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4000`
		//  Estimated: `8000`
		// Minimum execution time: 75_000_000 picoseconds.
		Weight::from_parts(75_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			// Standard Error: 4_000
			.saturating_add(Weight::from_parts(40_000, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bid() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 70_000_000 picoseconds.
		Weight::from_parts(70_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn settle_sale() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 120_000_000 picoseconds.
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	fn claim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 110_000_000 picoseconds.
		Weight::from_parts(110_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn set_price() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn buy_ip_nft() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7000`
		//  Estimated: `14000`
		// Minimum execution time: 130_000_000 picoseconds.
		Weight::from_parts(130_000_000, 0)
			.saturating_add(Weight::from_parts(0, 14000))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	fn attach_attestation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 32_000_000 picoseconds.
		Weight::from_parts(32_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_protocol_fee() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 7_000_000 picoseconds.
		Weight::from_parts(7_000_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn add_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1756`
		//  Estimated: `3513`
		// Minimum execution time: 9_000_000 picoseconds.
		Weight::from_parts(9_000_000, 0)
			.saturating_add(Weight::from_parts(0, 3513))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1756`
		//  Estimated: `3513`
		// Minimum execution time: 9_500_000 picoseconds.
		Weight::from_parts(9_500_000, 0)
			.saturating_add(Weight::from_parts(0, 3513))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	/// The range of component `a` is `[0, 4]`.
	fn mint_ip_nft(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4000`
		//  Estimated: `8000`
		// Minimum execution time: 120_000_000 picoseconds.
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			// Standard Error: 900_000
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	/// The range of component `a` is `[0, 4]`.
	fn amend_agreements(a: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `20000`
		//  Estimated: `40000`
		// Minimum execution time: 95_000_000 picoseconds.
		Weight::from_parts(95_000_000, 0)
			.saturating_add(Weight::from_parts(0, 40000))
			// Standard Error: 900_000
			.saturating_add(Weight::from_parts(9_000_000, 0).saturating_mul(a.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn grant_read() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn revoke_read() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 28_000_000 picoseconds.
		Weight::from_parts(28_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn transfer_ip_nft() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 70_000_000 picoseconds.
		Weight::from_parts(70_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn tokenize() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `20000`
		//  Estimated: `40000`
		// Minimum execution time: 90_000_000 picoseconds.
		Weight::from_parts(90_000_000, 0)
			.saturating_add(Weight::from_parts(0, 40000))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn mint_ipt() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 40_000_000 picoseconds.
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn accept_terms() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2000`
		//  Estimated: `4000`
		// Minimum execution time: 20_000_000 picoseconds.
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(0, 4000))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn unify() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 85_000_000 picoseconds.
		Weight::from_parts(85_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	/// The range of component `l` is `[0, 16]`.
	fn start_sale(l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4000`
		//  Estimated: `8000`
		// Minimum execution time: 75_000_000 picoseconds.
		Weight::from_parts(75_000_000, 0)
			.saturating_add(Weight::from_parts(0, 8000))
			// Standard Error: 4_000
			.saturating_add(Weight::from_parts(40_000, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bid() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 70_000_000 picoseconds.
		Weight::from_parts(70_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn settle_sale() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 120_000_000 picoseconds.
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
	}
	fn claim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6000`
		//  Estimated: `12000`
		// Minimum execution time: 110_000_000 picoseconds.
		Weight::from_parts(110_000_000, 0)
			.saturating_add(Weight::from_parts(0, 12000))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn set_price() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 30_000_000 picoseconds.
		Weight::from_parts(30_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn buy_ip_nft() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `7000`
		//  Estimated: `14000`
		// Minimum execution time: 130_000_000 picoseconds.
		Weight::from_parts(130_000_000, 0)
			.saturating_add(Weight::from_parts(0, 14000))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
	}
	fn attach_attestation() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3000`
		//  Estimated: `6000`
		// Minimum execution time: 32_000_000 picoseconds.
		Weight::from_parts(32_000_000, 0)
			.saturating_add(Weight::from_parts(0, 6000))
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_protocol_fee() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 7_000_000 picoseconds.
		Weight::from_parts(7_000_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
