//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants at the
//! end ([`crate::mock::run`]); every `Error` variant has a test that checks the error and that
//! storage is unchanged (`assert_noop!` compares the storage root).

mod api;
mod catalogue;
mod invariants;
mod lifecycle;
mod properties;
mod registration;
mod rental;
mod tokenization;

use crate::{mock::*, GpuDirectory, GpuId, GpuSpecs, PaymentCurrency};
use frame_support::{assert_ok, BoundedVec};

/// The endpoint of the tests.
pub const ENDPOINT: &[u8] = b"http://10.0.0.7:9955";

/// A bounded region.
pub fn region(bytes: &[u8]) -> BoundedVec<u8, ConstU32<32>> {
	BoundedVec::try_from(bytes.to_vec()).unwrap()
}

/// A bounded endpoint.
pub fn endpoint(bytes: &[u8]) -> BoundedVec<u8, ConstU32<64>> {
	BoundedVec::try_from(bytes.to_vec()).unwrap()
}

/// Specs of an 80 GiB GPU with serial hash `[n; 32]`.
pub fn specs(n: u8) -> GpuSpecs {
	GpuSpecs { vram_mib: 81_920, serial_hash: [n; 32] }
}

/// The agent key `[n; 32]`.
pub fn key(n: u8) -> [u8; 32] {
	[n; 32]
}

/// Registers an H100 of `who` with agent key `[n; 32]`; returns its id.
pub fn register(who: AccountId, n: u8) -> GpuId {
	let gpu = crate::NextGpuId::<Test>::get();
	assert_ok!(GpuRegistry::register_gpu(
		RuntimeOrigin::signed(who),
		H100,
		specs(n),
		region(b"eu-west"),
		endpoint(ENDPOINT),
		key(n),
	));
	gpu
}

/// Registers an H100 of ALICE, seen live (Active), priced at `price` per block in
/// `currency`; returns its id.
pub fn active_gpu(n: u8, currency: PaymentCurrency, price: u128) -> GpuId {
	let gpu = register(ALICE, n);
	GpuRegistry::on_live(&gpu);
	assert_ok!(GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), gpu, currency, price));
	gpu
}

/// The native balance on `GpuStake` hold of `who`.
pub fn stake_held(who: AccountId) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::GpuStake.into(), &who)
}

/// The free native balance of `who`.
pub fn free(who: AccountId) -> u128 {
	Balances::free_balance(who)
}

use frame_support::traits::ConstU32;
