//! Prices, rentals, escrow and settlement.

use super::*;
use crate::{
	features::split, Error, Event, GpuRevenue, Price, Rental, Rentals, Revenue, RevenueShares,
};
use frame_support::assert_noop;
use sp_runtime::{Perbill, Permill};

const NATIVE: PaymentCurrency = PaymentCurrency::Native;
const AID_PAY: PaymentCurrency = PaymentCurrency::Aid;

fn escrow_aid() -> u128 {
	aid_balance(GpuRegistry::escrow_account())
}

fn transfer_nft(gpu: GpuId, from: AccountId, to: AccountId) {
	let collection = crate::GpuCollection::<Test>::get().unwrap();
	assert_ok!(Nfts::transfer(RuntimeOrigin::signed(from), collection, gpu, to));
}

#[test]
fn set_price_sets_the_price() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_ok!(GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), gpu, AID_PAY, 7));
		let price = Price { currency: AID_PAY, per_block: 7 };
		assert_eq!(crate::Gpus::<Test>::get(gpu).unwrap().price, Some(price));
		assert_eq!(registry_events().last(), Some(&Event::PriceSet { gpu, price }));
	});
}

#[test]
fn set_price_refuses_bad_input() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_noop!(
			GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), gpu, NATIVE, 0),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			GpuRegistry::set_price(RuntimeOrigin::signed(BOB), gpu, NATIVE, 1),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), 9, NATIVE, 1),
			Error::<Test>::UnknownGpu
		);
		assert_ok!(GpuRegistry::retire_gpu(RuntimeOrigin::signed(ALICE), gpu));
		assert_noop!(
			GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), gpu, NATIVE, 1),
			Error::<Test>::AlreadyRetired
		);
	});
}

#[test]
fn rent_in_native_holds_the_payment_on_the_renter() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		let free_before = free(BOB);
		run_to_block(3);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		assert_eq!(
			Rentals::<Test>::get(gpu),
			Some(Rental {
				renter: BOB,
				start: 3,
				end: 13,
				currency: NATIVE,
				price_per_block: 100,
				paid: 1_000
			})
		);
		assert_eq!(GpuRegistry::rental_escrow_held(&BOB), 1_000);
		assert_eq!(free(BOB), free_before - 1_000);
		assert_eq!(
			registry_events().last(),
			Some(&Event::Rented {
				gpu,
				renter: BOB,
				currency: NATIVE,
				price_per_block: 100,
				blocks: 10,
				paid: 1_000,
				start: 3,
				end: 13,
			})
		);
	});
}

#[test]
fn rent_in_aid_moves_the_payment_to_the_escrow_account() {
	run(|| {
		let gpu = active_gpu(1, AID_PAY, 100);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 150));
		assert_eq!(escrow_aid(), 1_000);
		assert_eq!(aid_balance(BOB), AID_BALANCE - 1_000);
		assert_eq!(Rentals::<Test>::get(gpu).unwrap().price_per_block, 100);
	});
}

#[test]
fn rent_refuses_gpus_that_are_not_active() {
	run(|| {
		let gpu = register(ALICE, 1);
		assert_ok!(GpuRegistry::set_price(RuntimeOrigin::signed(ALICE), gpu, NATIVE, 10));
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1, 10), Error::<Test>::GpuNotActive);
		GpuRegistry::on_live(&gpu);
		GpuRegistry::on_unresponsive(&gpu);
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1, 10), Error::<Test>::GpuNotActive);
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), 9, 1, 10), Error::<Test>::UnknownGpu);
	});
}

#[test]
fn rent_refuses_bad_input() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), gpu, 0, 100), Error::<Test>::ZeroBlocks);
		assert_noop!(
			rent_now(RuntimeOrigin::signed(BOB), gpu, 1_001, 100),
			Error::<Test>::TooManyBlocks
		);
		assert_noop!(
			rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 99),
			Error::<Test>::PriceAboveMax
		);
		// The renter names the currency it pays in: a price in the other one is refused, so
		// an operator switching the currency cannot make a renter pay 100 AID for 100 planck.
		let priced_in = crate::Gpus::<Test>::get(gpu).and_then(|g| g.price).map(|p| p.currency);
		let other = if priced_in == Some(NATIVE) { AID_PAY } else { NATIVE };
		assert_noop!(
			GpuRegistry::rent(RuntimeOrigin::signed(BOB), gpu, 10, 100, other),
			Error::<Test>::CurrencyMismatch
		);
		assert_noop!(
			rent_now(RuntimeOrigin::signed(DAVE), gpu, 10, 100),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1_000, 100));
		assert_noop!(
			rent_now(RuntimeOrigin::signed(CHARLIE), gpu, 1, 100),
			Error::<Test>::GpuRented
		);
	});
}

#[test]
fn rent_refuses_a_gpu_without_price() {
	run(|| {
		let gpu = register(ALICE, 1);
		GpuRegistry::on_live(&gpu);
		assert_noop!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1, 100), Error::<Test>::NoPrice);
	});
}

#[test]
fn rent_refuses_a_renter_without_aid() {
	run(|| {
		let gpu = active_gpu(1, AID_PAY, 100);
		assert_noop!(
			rent_now(RuntimeOrigin::signed(DAVE), gpu, 1, 100),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn rent_refuses_a_payment_that_overflows() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, u128::MAX / 2 + 1);
		assert_noop!(
			rent_now(RuntimeOrigin::signed(BOB), gpu, 2, u128::MAX),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn settle_rental_refuses_before_the_end_and_without_rental() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		assert_noop!(
			GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu),
			Error::<Test>::NoRental
		);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		run_to_block(10);
		assert_noop!(
			GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu),
			Error::<Test>::RentalNotEnded
		);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
	});
}

#[test]
fn settling_a_fully_up_native_rental_pays_operator_holder_and_protocol() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		transfer_nft(gpu, ALICE, CHARLIE);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		let (alice, bob, charlie, treasury) =
			(free(ALICE), free(BOB), free(CHARLIE), free(TREASURY));
		run_to_block(11);
		// Permissionless.
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(DAVE), gpu));
		assert_eq!(free(ALICE), alice + 200);
		assert_eq!(free(CHARLIE), charlie + 750);
		assert_eq!(free(TREASURY), treasury + 50);
		assert_eq!(free(BOB), bob);
		assert_eq!(GpuRegistry::rental_escrow_held(&BOB), 0);
		assert!(Rentals::<Test>::get(gpu).is_none());
		assert_eq!(
			Revenue::<Test>::get(gpu).native,
			GpuRevenue { to_holder: 750, to_operator: 200, to_protocol: 50 }
		);
		assert_eq!(Revenue::<Test>::get(gpu).aid, GpuRevenue::default());
		assert_eq!(
			registry_events().last(),
			Some(&Event::RentalSettled {
				gpu,
				renter: BOB,
				currency: NATIVE,
				paid: 1_000,
				uptime_ppm: 1_000_000,
				refunded: 0,
				to_operator: 200,
				to_holder: 750,
				to_protocol: 50,
				holder: CHARLIE,
				via_sink: false,
			})
		);
		// The GPU can be rented again.
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 1, 100));
	});
}

#[test]
fn downtime_is_refunded_and_dust_goes_to_the_operator() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		transfer_nft(gpu, ALICE, CHARLIE);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		let (alice, bob, charlie, treasury) =
			(free(ALICE), free(BOB), free(CHARLIE), free(TREASURY));
		set_uptime(gpu, 3, 4);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		// 750 earned: 37 (37.5) to the protocol, 562 (562.5) to the holder, 151 to the operator.
		assert_eq!(free(BOB), bob + 250);
		assert_eq!(free(TREASURY), treasury + 37);
		assert_eq!(free(CHARLIE), charlie + 562);
		assert_eq!(free(ALICE), alice + 151);
		assert!(matches!(
			registry_events().last(),
			Some(Event::RentalSettled {
				uptime_ppm: 750_000,
				refunded: 250,
				to_operator: 151,
				to_holder: 562,
				to_protocol: 37,
				..
			})
		));
	});
}

#[test]
fn aid_revenue_of_a_financed_gpu_goes_to_the_vault() {
	run(|| {
		let gpu = active_gpu(1, AID_PAY, 100);
		finance(gpu);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert_eq!(aid_balance(VAULT), 750);
		assert_eq!(aid_balance(ALICE), 200);
		assert_eq!(aid_balance(TREASURY), 50);
		assert_eq!(escrow_aid(), 0);
		assert_eq!(
			Revenue::<Test>::get(gpu).aid,
			GpuRevenue { to_holder: 750, to_operator: 200, to_protocol: 50 }
		);
		assert!(matches!(
			registry_events().last(),
			Some(Event::RentalSettled { to_holder: 750, holder: ALICE, via_sink: true, .. })
		));
	});
}

#[test]
fn a_refusing_vault_leaves_the_holder_share_to_the_holder() {
	run(|| {
		let gpu = active_gpu(1, AID_PAY, 100);
		transfer_nft(gpu, ALICE, CHARLIE);
		finance(gpu);
		set_sink_refuses(true);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert_eq!(aid_balance(VAULT), 0);
		assert_eq!(aid_balance(CHARLIE), AID_BALANCE + 750);
		assert_eq!(escrow_aid(), 0);
		let events = registry_events();
		assert!(events.contains(&Event::RevenueSinkRefused {
			gpu,
			amount: 750,
			error: heliox_vault::RevenueError::Unavailable,
		}));
		assert!(matches!(
			events.last(),
			Some(Event::RentalSettled { holder: CHARLIE, via_sink: false, .. })
		));
	});
}

#[test]
fn native_revenue_of_a_financed_gpu_goes_to_the_holder() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 100);
		transfer_nft(gpu, ALICE, CHARLIE);
		finance(gpu);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 100));
		let charlie = free(CHARLIE);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert_eq!(free(CHARLIE), charlie + 750);
		assert_eq!(aid_balance(VAULT), 0);
	});
}

#[test]
fn unfinanced_aid_revenue_goes_to_the_holder_and_escrow_stays_exact() {
	run(|| {
		let first = active_gpu(1, AID_PAY, 100);
		let second = active_gpu(2, AID_PAY, 7);
		transfer_nft(first, ALICE, CHARLIE);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), first, 10, 100));
		assert_ok!(rent_now(RuntimeOrigin::signed(CHARLIE), second, 30, 7));
		assert_eq!(escrow_aid(), 1_000 + 210);
		set_uptime(first, 1, 2);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), first));
		assert_eq!(escrow_aid(), 210);
		assert_eq!(aid_balance(BOB), AID_BALANCE - 1_000 + 500);
		assert_eq!(aid_balance(CHARLIE), AID_BALANCE - 210 + 375);
		assert_eq!(aid_balance(TREASURY), 25);
		assert_eq!(aid_balance(ALICE), 100);
		run_to_block(31);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), second));
		assert_eq!(escrow_aid(), 0);
	});
}

#[test]
fn a_holder_that_cannot_receive_is_paid_through_the_treasury() {
	run(|| {
		let gpu = active_gpu(1, NATIVE, 1);
		transfer_nft(gpu, ALICE, NOBODY);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), gpu, 10, 1));
		let (alice, treasury) = (free(ALICE), free(TREASURY));
		run_to_block(11);
		// 10 paid: 7 to the holder (below the existential deposit of a new account), 3 to the
		// operator, 0 to the protocol.
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), gpu));
		assert_eq!(free(NOBODY), 0);
		assert_eq!(free(TREASURY), treasury + 7);
		assert_eq!(free(ALICE), alice + 3);
		assert!(registry_events().contains(&Event::PaymentRedirected {
			gpu,
			intended: NOBODY,
			currency: NATIVE,
			amount: 7,
		}));
	});
}

#[test]
fn suspended_and_slashed_gpus_settle_their_open_rental() {
	run(|| {
		let suspended = active_gpu(1, NATIVE, 100);
		let slashed = active_gpu(2, AID_PAY, 100);
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), suspended, 10, 100));
		assert_ok!(rent_now(RuntimeOrigin::signed(BOB), slashed, 10, 100));
		GpuRegistry::on_unresponsive(&suspended);
		assert_ok!(GpuRegistry::slash(slashed, Perbill::from_percent(50), None));
		set_uptime(suspended, 0, 4);
		set_uptime(slashed, 1, 4);
		let bob = free(BOB);
		run_to_block(11);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), suspended));
		assert_eq!(free(BOB), bob + 1_000);
		assert_ok!(GpuRegistry::settle_rental(RuntimeOrigin::signed(BOB), slashed));
		assert_eq!(aid_balance(BOB), AID_BALANCE - 250);
		assert_eq!(escrow_aid(), 0);
		assert_eq!(GpuRegistry::rental_escrow_held(&BOB), 0);
	});
}

#[test]
fn the_split_always_sums_to_the_payment() {
	let shares = [
		RevenueShares {
			operator: Permill::from_percent(20),
			holder: Permill::from_percent(75),
			protocol: Permill::from_percent(5),
		},
		RevenueShares {
			operator: Permill::from_parts(333_333),
			holder: Permill::from_parts(333_333),
			protocol: Permill::from_parts(333_334),
		},
		RevenueShares {
			operator: Permill::zero(),
			holder: Permill::one(),
			protocol: Permill::zero(),
		},
	];
	for shares in shares {
		for paid in [0u128, 1, 7, 999, 1_000_003, u128::MAX / 3, u128::MAX] {
			for uptime_ppm in [0u32, 1, 333_333, 750_000, 999_999, 1_000_000, 2_000_000] {
				let parts = split(paid, uptime_ppm, &shares);
				assert_eq!(
					parts.refunded + parts.to_operator + parts.to_holder + parts.to_protocol,
					paid,
					"{paid} {uptime_ppm} {shares:?}"
				);
				assert!(parts.to_protocol <= shares.protocol.mul_ceil(paid));
				assert!(parts.to_holder <= shares.holder.mul_ceil(paid));
			}
		}
	}
	// Full downtime refunds everything.
	let parts = split(1_000, 0, &<DefaultShares as frame_support::traits::Get<_>>::get());
	assert_eq!(parts.refunded, 1_000);
}
