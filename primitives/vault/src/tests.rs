//! Unit tests: every function, every error variant, rounding directions, the donation attack
//! and `u128` extremes. Randomised properties live in `tests/properties.rs`.

use crate::math::{div_rem_wide, widening_mul};
use crate::*;
use codec::{Decode, Encode, MaxEncodedLen};
use proptest::prelude::*;

const OFFSET: DecimalsOffset = DecimalsOffset::DEFAULT;
const ONE_UNIT_OF_SHARES: u128 = 1_000_000;

fn vault(total_shares: u128, idle_assets: u128, deployed_assets: u128) -> VaultState {
	VaultState { total_shares, idle_assets, deployed_assets, vesting: Vesting::default() }
}

/// A vault whose price is not a round number, so every conversion has to round:
/// 3 holders deposited 1_000 each, then 337 units of revenue vested.
fn uneven_vault() -> VaultState {
	let mut state = VaultState::default();
	for _ in 0..3 {
		state.deposit(OFFSET, 0, 1_000).unwrap();
	}
	state.inject_revenue(0, 337, 10).unwrap();
	state.accrue(10).unwrap();
	state
}

// ----- mul_div ---------------------------------------------------------------------------------

#[test]
fn mul_div_rounds_as_asked() {
	assert_eq!(mul_div(7, 10, 4, Rounding::Down), Ok(17));
	assert_eq!(mul_div(7, 10, 4, Rounding::Up), Ok(18));
	// Exact quotients are not bumped by rounding up.
	assert_eq!(mul_div(8, 10, 4, Rounding::Up), Ok(20));
	assert_eq!(mul_div(0, 10, 3, Rounding::Up), Ok(0));
	assert_eq!(mul_div(1, 1, 3, Rounding::Down), Ok(0));
	assert_eq!(mul_div(1, 1, 3, Rounding::Up), Ok(1));
}

#[test]
fn mul_div_keeps_the_product_wide() {
	// Product far above u128::MAX, quotient small.
	let big = 10u128.pow(30);
	assert_eq!(mul_div(big, big, big, Rounding::Down), Ok(big));
	assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Up), Ok(u128::MAX));
	assert_eq!(mul_div(u128::MAX, u128::MAX - 1, u128::MAX, Rounding::Down), Ok(u128::MAX - 1));
	// (2^128 - 1)(2^128 - 2) / (2^128 - 1 - 1) = 2^128 - 1 exactly.
	assert_eq!(mul_div(u128::MAX, u128::MAX - 1, u128::MAX - 1, Rounding::Up), Ok(u128::MAX));
}

#[test]
fn mul_div_division_by_zero() {
	assert_eq!(mul_div(1, 1, 0, Rounding::Down), Err(VaultError::DivisionByZero));
	assert_eq!(mul_div(0, 0, 0, Rounding::Up), Err(VaultError::DivisionByZero));
}

#[test]
fn mul_div_overflow() {
	assert_eq!(mul_div(u128::MAX, 2, 1, Rounding::Down), Err(VaultError::Overflow));
	assert_eq!(
		mul_div(u128::MAX, u128::MAX, u128::MAX - 1, Rounding::Down),
		Err(VaultError::Overflow)
	);
	// (2^96 - 1)(2^96 + 1) / 2^64 = 2^128 - 2^-64: floor fits, ceiling does not.
	let (x, y, d) = ((1u128 << 96) - 1, (1u128 << 96) + 1, 1u128 << 64);
	assert_eq!(mul_div(x, y, d, Rounding::Down), Ok(u128::MAX));
	assert_eq!(mul_div(x, y, d, Rounding::Up), Err(VaultError::Overflow));
}

#[test]
fn widening_mul_and_wide_division() {
	assert_eq!(widening_mul(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
	assert_eq!(widening_mul(1u128 << 64, 1u128 << 64), (1, 0));
	assert_eq!(widening_mul(0, u128::MAX), (0, 0));
	assert_eq!(div_rem_wide(1, 0, 2), Some((1u128 << 127, 0)));
	assert_eq!(div_rem_wide(u128::MAX - 1, 1, u128::MAX), Some((u128::MAX, 0)));
	// Quotient needs more than 128 bits, or no divisor.
	assert_eq!(div_rem_wide(5, 0, 5), None);
	assert_eq!(div_rem_wide(0, 5, 0), None);
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	/// `mul_div` agrees with an independent 256-bit implementation on any inputs.
	#[test]
	fn mul_div_matches_u256_oracle(x in any::<u128>(), y in any::<u128>(), d in 1..=u128::MAX) {
		use primitive_types::U256;
		let product = U256::from(x) * U256::from(y);
		let (quotient, remainder) = product.div_mod(U256::from(d));
		let fits = quotient <= U256::from(u128::MAX);
		let down = fits.then(|| quotient.as_u128());
		let up = down.and_then(|q| if remainder.is_zero() { Some(q) } else { q.checked_add(1) });
		prop_assert_eq!(mul_div(x, y, d, Rounding::Down).ok(), down);
		prop_assert_eq!(mul_div(x, y, d, Rounding::Up).ok(), up);
	}

	/// The same on small divisors and 64-bit factors, where overflow is rare and `u128`
	/// arithmetic is an exact oracle.
	#[test]
	fn mul_div_matches_native_on_small_values(
		x in any::<u64>(),
		y in any::<u64>(),
		d in 1..=u64::MAX,
	) {
		let (x, y, d) = (u128::from(x), u128::from(y), u128::from(d));
		prop_assert_eq!(mul_div(x, y, d, Rounding::Down), Ok(x * y / d));
		prop_assert_eq!(mul_div(x, y, d, Rounding::Up), Ok((x * y).div_ceil(d)));
	}
}

// ----- DecimalsOffset -------------------------------------------------------------------------

#[test]
fn decimals_offset_bounds() {
	assert_eq!(DecimalsOffset::default(), DecimalsOffset::DEFAULT);
	assert_eq!(DecimalsOffset::DEFAULT.digits(), 6);
	assert_eq!(DecimalsOffset::DEFAULT.virtual_shares(), 1_000_000);
	assert_eq!(DecimalsOffset::new(0).map(DecimalsOffset::virtual_shares), Ok(1));
	assert_eq!(DecimalsOffset::new(38).map(DecimalsOffset::virtual_shares), Ok(10u128.pow(38)));
	assert_eq!(DecimalsOffset::new(39), Err(VaultError::InvalidDecimalsOffset));
	assert_eq!(DecimalsOffset::new(u8::MAX), Err(VaultError::InvalidDecimalsOffset));
}

// ----- Vesting ---------------------------------------------------------------------------------

#[test]
fn vesting_is_linear_and_rounds_down() {
	let schedule = Vesting { amount: 1_000, start: 100, period: 10 };
	assert_eq!(schedule.end(), 110);
	assert_eq!(schedule.vested_at(0), 0);
	assert_eq!(schedule.vested_at(100), 0);
	assert_eq!(schedule.vested_at(103), 300);
	assert_eq!(schedule.vested_at(109), 900);
	assert_eq!(schedule.vested_at(110), 1_000);
	assert_eq!(schedule.vested_at(u64::MAX), 1_000);
	assert_eq!(schedule.unvested_at(103), 700);

	let uneven = Vesting { amount: 7, start: 0, period: 3 };
	assert_eq!(uneven.vested_at(1), 2);
	assert_eq!(uneven.vested_at(2), 4);
	assert_eq!(uneven.unvested_at(2), 3);

	// A zero period is fully vested at once, even before its start.
	let instant = Vesting { amount: 5, start: 50, period: 0 };
	assert_eq!(instant.vested_at(0), 5);
	assert_eq!(Vesting::default().vested_at(123), 0);
}

#[test]
fn vesting_split_keeps_the_end_and_the_total() {
	let schedule = Vesting { amount: 1_000, start: 100, period: 10 };
	assert_eq!(schedule.split_at(103), (300, Vesting { amount: 700, start: 103, period: 7 }));
	assert_eq!(schedule.split_at(100), (0, schedule));
	assert_eq!(schedule.split_at(90), (0, schedule));
	assert_eq!(schedule.split_at(110), (1_000, Vesting { amount: 0, start: 100, period: 10 }));
	assert_eq!(schedule.split_at(500), (1_000, Vesting { amount: 0, start: 100, period: 10 }));
	assert_eq!(Vesting::default().split_at(77), (0, Vesting::default()));
}

#[test]
fn vesting_extremes_do_not_panic() {
	let schedule = Vesting { amount: u128::MAX, start: u64::MAX - 1, period: u64::MAX };
	assert_eq!(schedule.end(), u64::MAX);
	// u128::MAX = (2^64 - 1)(2^64 + 1), so one block of this schedule releases 2^64 + 1.
	assert_eq!(schedule.vested_at(u64::MAX), (1u128 << 64) + 1);
	let (vested, rest) = schedule.split_at(u64::MAX);
	assert_eq!(vested + rest.amount, u128::MAX);
	assert_eq!(rest.end(), schedule.end());
	let long = Vesting { amount: u128::MAX, start: 0, period: u64::MAX };
	assert_eq!(long.vested_at(u64::MAX / 2), ((1u128 << 64) + 1) * u128::from(u64::MAX / 2));
	assert_eq!(long.vested_at(u64::MAX), u128::MAX);
}

// ----- Conversions and previews ----------------------------------------------------------------

#[test]
fn empty_vault_prices_one_unit_at_ten_to_the_offset_shares() {
	let state = VaultState::default();
	assert_eq!(state.total_assets(0), Ok(0));
	assert_eq!(state.convert_to_shares(OFFSET, 0, 1), Ok(ONE_UNIT_OF_SHARES));
	assert_eq!(state.convert_to_assets(OFFSET, 0, ONE_UNIT_OF_SHARES), Ok(1));
	assert_eq!(state.convert_to_assets(OFFSET, 0, ONE_UNIT_OF_SHARES - 1), Ok(0));
	let offset_zero = DecimalsOffset::new(0).unwrap();
	assert_eq!(state.convert_to_shares(offset_zero, 0, 42), Ok(42));
}

#[test]
fn conversions_round_down() {
	let state = uneven_vault();
	// total assets 3_337 (+1 virtual), total shares 3·10^9 (+10^6 virtual).
	assert_eq!(state.total_assets(10), Ok(3_337));
	assert_eq!(state.convert_to_shares(OFFSET, 10, 1_000), Ok(899_041_342));
	assert_eq!(state.convert_to_assets(OFFSET, 10, 899_041_342), Ok(999));
	assert_eq!(state.preview_deposit(OFFSET, 10, 1_000), Ok(899_041_342));
	assert_eq!(state.preview_redeem(OFFSET, 10, 899_041_342), Ok(999));
}

#[test]
fn previews_round_in_the_vaults_favour() {
	let state = uneven_vault();
	let now = 10;
	for assets in [1u128, 2, 999, 1_000, 123_457] {
		let deposit_shares = state.preview_deposit(OFFSET, now, assets).unwrap();
		let withdraw_shares = state.preview_withdraw(OFFSET, now, assets).unwrap();
		// Taking `assets` out costs at least as many shares as putting them in yields.
		assert!(withdraw_shares >= deposit_shares);
		assert_eq!(withdraw_shares - deposit_shares, 1, "the price is uneven here");
		// Minting what a deposit gives never costs more than the deposit...
		assert!(state.preview_mint(OFFSET, now, deposit_shares).unwrap() <= assets);
		// ...and redeeming it never pays back more.
		assert!(state.preview_redeem(OFFSET, now, deposit_shares).unwrap() <= assets);
	}
	for shares in [1u128, 999_999, 1_000_000, 7_777_777_777] {
		let mint_assets = state.preview_mint(OFFSET, now, shares).unwrap();
		let redeem_assets = state.preview_redeem(OFFSET, now, shares).unwrap();
		assert!(mint_assets >= redeem_assets);
		assert!(mint_assets >= state.convert_to_assets(OFFSET, now, shares).unwrap());
		// Withdrawing what a redemption pays never burns more than was redeemed.
		assert!(state.preview_withdraw(OFFSET, now, redeem_assets).unwrap() <= shares);
	}
	assert_eq!(state.preview_mint(OFFSET, now, 1), Ok(1));
	assert_eq!(state.preview_redeem(OFFSET, now, 1), Ok(0));
}

#[test]
fn state_transitions_match_their_previews() {
	let now = 10;
	let mut state = uneven_vault();
	let before = state.clone();
	let deposit = state.deposit(OFFSET, now, 1_000).unwrap();
	assert_eq!(
		deposit,
		Exchange { assets: 1_000, shares: before.preview_deposit(OFFSET, now, 1_000).unwrap() }
	);

	let before = state.clone();
	let mint = state.mint(OFFSET, now, 5_555_555).unwrap();
	assert_eq!(mint.assets, before.preview_mint(OFFSET, now, 5_555_555).unwrap());

	let before = state.clone();
	let withdraw = state.withdraw(OFFSET, now, 700, u128::MAX).unwrap();
	assert_eq!(withdraw.shares, before.preview_withdraw(OFFSET, now, 700).unwrap());

	let before = state.clone();
	let redeem = state.redeem(OFFSET, now, 123_456_789, u128::MAX).unwrap();
	assert_eq!(redeem.assets, before.preview_redeem(OFFSET, now, 123_456_789).unwrap());
	assert_eq!(redeem.assets, 137);
}

#[test]
fn round_trips_never_profit() {
	let now = 10;
	let mut state = uneven_vault();
	let minted = state.deposit(OFFSET, now, 1_000).unwrap().shares;
	assert!(state.redeem(OFFSET, now, minted, minted).unwrap().assets <= 1_000);

	let cost = state.mint(OFFSET, now, 3_333_333).unwrap().assets;
	assert!(state.redeem(OFFSET, now, 3_333_333, 3_333_333).unwrap().assets <= cost);

	let mut state = uneven_vault();
	let shares = state.deposit(OFFSET, now, 50).unwrap().shares;
	let burned = state.withdraw(OFFSET, now, 50, u128::MAX).unwrap().shares;
	assert!(burned >= shares);
}

// ----- deposit / mint / withdraw / redeem ------------------------------------------------------

#[test]
fn deposit_mints_shares_and_adds_idle_assets() {
	let mut state = VaultState::default();
	assert_eq!(
		state.deposit(OFFSET, 0, 1_000),
		Ok(Exchange { assets: 1_000, shares: 1_000_000_000 })
	);
	assert_eq!(state, vault(1_000_000_000, 1_000, 0));
	assert_eq!(state.deposit(OFFSET, 0, 500), Ok(Exchange { assets: 500, shares: 500_000_000 }));
	assert_eq!(state, vault(1_500_000_000, 1_500, 0));
}

#[test]
fn deposit_errors() {
	let mut state = VaultState::default();
	assert_eq!(state.deposit(OFFSET, 0, 0), Err(VaultError::ZeroAmount));
	// One share is worth ~10^6 units here, so a 1-unit deposit would mint nothing.
	let mut expensive = vault(1, 1_000_000_000_000, 0);
	assert_eq!(expensive.deposit(OFFSET, 0, 1), Err(VaultError::ZeroShares));
	// More assets than fit.
	assert_eq!(state.deposit(OFFSET, 0, u128::MAX), Err(VaultError::Overflow));
	let mut full = vault(10u128.pow(38), u128::MAX - 100, 0);
	assert_eq!(full.preview_deposit(OFFSET, 0, 100), Ok(29));
	assert_eq!(full.deposit(OFFSET, 0, 100), Err(VaultError::Overflow));
	// More shares than fit.
	let mut many_shares = vault(u128::MAX - ONE_UNIT_OF_SHARES, u128::MAX / 2, 0);
	assert_eq!(many_shares.deposit(OFFSET, 0, u128::MAX / 4), Err(VaultError::Overflow));
	assert_eq!(state, VaultState::default());
	assert_eq!(expensive, vault(1, 1_000_000_000_000, 0));
}

#[test]
fn mint_charges_rounded_up_assets() {
	let mut state = uneven_vault();
	let before = state.clone();
	let exchange = state.mint(OFFSET, 10, 1).unwrap();
	assert_eq!(exchange, Exchange { assets: 1, shares: 1 });
	assert_eq!(state.total_shares, before.total_shares + 1);
	assert_eq!(state.idle_assets, before.idle_assets + 1);
	assert_eq!(state.mint(OFFSET, 10, 0), Err(VaultError::ZeroAmount));
	assert_eq!(state.mint(OFFSET, 10, u128::MAX), Err(VaultError::Overflow));
	let mut full = vault(1_000, u128::MAX - 2, 0);
	assert_eq!(full.mint(OFFSET, 0, 1_000_000), Err(VaultError::Overflow));
}

#[test]
fn withdraw_burns_rounded_up_shares() {
	let mut state = uneven_vault();
	let exchange = state.withdraw(OFFSET, 10, 1, u128::MAX).unwrap();
	assert_eq!(exchange.assets, 1);
	assert_eq!(exchange.shares, 899_042);
	assert_eq!(state.idle_assets, 3_336);
	assert_eq!(state.total_shares, 3_000_000_000 - 899_042);
}

#[test]
fn withdraw_errors() {
	let mut state = uneven_vault();
	let untouched = state.clone();
	assert_eq!(state.withdraw(OFFSET, 10, 0, u128::MAX), Err(VaultError::ZeroAmount));
	assert_eq!(state.withdraw(OFFSET, 10, 1, 899_041), Err(VaultError::InsufficientShares));
	// More than all the shares in existence.
	assert_eq!(state.withdraw(OFFSET, 10, 3_338, u128::MAX), Err(VaultError::InsufficientShares));
	state.deploy(10, 3_000).unwrap();
	let deployed = state.clone();
	assert_eq!(state.withdraw(OFFSET, 10, 338, u128::MAX), Err(VaultError::InsufficientLiquidity));
	assert_eq!(state.withdraw(OFFSET, 10, u128::MAX, u128::MAX), Err(VaultError::Overflow));
	assert_eq!(state, deployed);
	assert_eq!(state.withdraw(OFFSET, 10, 337, u128::MAX).map(|e| e.assets), Ok(337));
	assert_ne!(untouched, state);
}

#[test]
fn redeem_pays_rounded_down_assets() {
	let mut state = VaultState::default();
	let shares = state.deposit(OFFSET, 0, 1_000).unwrap().shares;
	assert_eq!(state.redeem(OFFSET, 0, shares, shares), Ok(Exchange { assets: 1_000, shares }));
	assert_eq!(state, VaultState::default());
}

#[test]
fn redeem_errors() {
	let mut state = uneven_vault();
	let untouched = state.clone();
	assert_eq!(state.redeem(OFFSET, 10, 0, u128::MAX), Err(VaultError::ZeroAmount));
	assert_eq!(state.redeem(OFFSET, 10, 10, 9), Err(VaultError::InsufficientShares));
	assert_eq!(
		state.redeem(OFFSET, 10, 3_000_000_001, u128::MAX),
		Err(VaultError::InsufficientShares)
	);
	// Less than one unit's worth of shares.
	assert_eq!(state.redeem(OFFSET, 10, 899_041, u128::MAX), Err(VaultError::ZeroAssets));
	state.deploy(10, 3_337).unwrap();
	assert_eq!(
		state.redeem(OFFSET, 10, 899_042, u128::MAX),
		Err(VaultError::InsufficientLiquidity)
	);
	state.recall(10, 3_337).unwrap();
	assert_eq!(state, untouched);
}

#[test]
fn failed_transitions_leave_the_state_untouched_even_with_revenue_to_accrue() {
	let mut state = uneven_vault();
	state.inject_revenue(10, 1_000, 100).unwrap();
	let before = state.clone();
	assert!(state.deposit(OFFSET, 60, 0).is_err());
	assert!(state.mint(OFFSET, 60, u128::MAX).is_err());
	assert!(state.withdraw(OFFSET, 60, 10_000, u128::MAX).is_err());
	assert!(state.redeem(OFFSET, 60, 1, u128::MAX).is_err());
	assert!(state.inject_revenue(60, 1, 0).is_err());
	assert!(state.inject_revenue_with_fee(60, 1, 10, 2_000_000).is_err());
	assert!(state.deploy(60, u128::MAX).is_err());
	assert!(state.recall(60, 1).is_err());
	assert!(state.write_down(60, 1).is_err());
	let request = WithdrawalRequest { id: 0, owner: (), shares: u128::MAX, requested_at: 0 };
	assert!(state.process_withdrawal_queue(OFFSET, 60, 0, u128::MAX, [&request]).is_err());
	assert_eq!(state, before);
}

// ----- max_* -----------------------------------------------------------------------------------

#[test]
fn max_deposit_is_exact() {
	let empty = VaultState::default();
	// Shares bound: assets · 10^6 <= u128::MAX - 10^6.
	let max = empty.max_deposit(OFFSET, 0);
	assert_eq!(max, (u128::MAX - ONE_UNIT_OF_SHARES) / ONE_UNIT_OF_SHARES);
	assert!(empty.clone().deposit(OFFSET, 0, max).is_ok());
	assert_eq!(empty.clone().deposit(OFFSET, 0, max + 1), Err(VaultError::Overflow));

	// Assets bound: the vault is nearly full of assets.
	let nearly_full = vault(10u128.pow(38), u128::MAX - 1_000, 0);
	let max = nearly_full.max_deposit(OFFSET, 0);
	assert_eq!(max, 999);
	assert!(nearly_full.clone().deposit(OFFSET, 0, max).is_ok());
	assert_eq!(nearly_full.clone().deposit(OFFSET, 0, max + 1), Err(VaultError::Overflow));

	// No room at all.
	assert_eq!(vault(0, u128::MAX - 1, 0).max_deposit(OFFSET, 0), 0);
	// Room, but a share is worth more than the room.
	assert_eq!(vault(1, u128::MAX - 3, 0).max_deposit(OFFSET, 0), 0);
	// Broken state.
	assert_eq!(vault(0, u128::MAX, u128::MAX).max_deposit(OFFSET, 0), 0);
}

#[test]
fn max_mint_is_exact() {
	let empty = VaultState::default();
	let max = empty.max_mint(OFFSET, 0);
	assert_eq!(max, u128::MAX - ONE_UNIT_OF_SHARES);
	assert!(empty.clone().mint(OFFSET, 0, max).is_ok());
	assert_eq!(empty.clone().mint(OFFSET, 0, max + 1), Err(VaultError::Overflow));

	let nearly_full = vault(10u128.pow(38), u128::MAX - 1_000, 0);
	let max = nearly_full.max_mint(OFFSET, 0);
	assert!(max > 0);
	assert!(nearly_full.clone().mint(OFFSET, 0, max).is_ok());
	assert_eq!(nearly_full.clone().mint(OFFSET, 0, max + 1), Err(VaultError::Overflow));
	assert_eq!(vault(0, u128::MAX - 1, 0).max_mint(OFFSET, 0), 0);
	assert_eq!(vault(u128::MAX, 0, 0).max_mint(OFFSET, 0), 0);
}

#[test]
fn max_withdraw_is_bounded_by_value_and_liquidity() {
	let mut state = uneven_vault();
	let holder = 1_000_000_000; // a third of the supply: worth 1_112 of 3_337
	assert_eq!(state.max_withdraw(OFFSET, 10, holder), 1_112);
	assert!(state.clone().withdraw(OFFSET, 10, 1_112, holder).is_ok());
	assert_eq!(
		state.clone().withdraw(OFFSET, 10, 1_113, holder),
		Err(VaultError::InsufficientShares)
	);

	state.deploy(10, 3_000).unwrap();
	assert_eq!(state.max_withdraw(OFFSET, 10, holder), 337);
	assert!(state.clone().withdraw(OFFSET, 10, 337, holder).is_ok());
	assert_eq!(
		state.clone().withdraw(OFFSET, 10, 338, holder),
		Err(VaultError::InsufficientLiquidity)
	);
	assert_eq!(state.max_withdraw(OFFSET, 10, 0), 0);
	// Claiming more shares than exist is capped by the supply.
	assert_eq!(state.max_withdraw(OFFSET, 10, u128::MAX), 337);
	assert_eq!(vault(u128::MAX, u128::MAX, u128::MAX).max_withdraw(OFFSET, 0, 1), 0);
}

#[test]
fn max_redeem_is_bounded_by_shares_and_liquidity() {
	let mut state = uneven_vault();
	let holder = 1_000_000_000;
	assert_eq!(state.max_redeem(OFFSET, 10, holder), holder);
	assert!(state.clone().redeem(OFFSET, 10, holder, holder).is_ok());

	state.deploy(10, 3_000).unwrap();
	let max = state.max_redeem(OFFSET, 10, holder);
	assert!(max < holder);
	assert_eq!(state.clone().redeem(OFFSET, 10, max, holder).map(|e| e.assets), Ok(337));
	assert_eq!(
		state.clone().redeem(OFFSET, 10, max + 1, holder),
		Err(VaultError::InsufficientLiquidity)
	);

	// Dust worth nothing cannot be redeemed, so the maximum is zero, not a reverting amount.
	assert_eq!(state.max_redeem(OFFSET, 10, 899_041), 0);
	assert_eq!(state.max_redeem(OFFSET, 10, 899_042), 899_042);
	assert_eq!(state.max_redeem(OFFSET, 10, 0), 0);
	state.deploy(10, 337).unwrap();
	assert_eq!(state.max_redeem(OFFSET, 10, holder), 0, "no liquidity at all");
	assert_eq!(vault(u128::MAX, u128::MAX, u128::MAX).max_redeem(OFFSET, 0, 1), 0);
}

#[test]
fn limits_include_revenue_vested_since_the_last_accrual() {
	let mut state = VaultState::default();
	let shares = state.deposit(OFFSET, 0, 1_000).unwrap().shares;
	state.deploy(0, 1_000).unwrap();
	state.inject_revenue(0, 100, 10).unwrap();
	assert_eq!(state.idle_assets, 0);
	assert_eq!(state.liquid_assets(5), Ok(50));
	assert_eq!(state.max_withdraw(OFFSET, 5, shares), 50);
	assert!(state.clone().withdraw(OFFSET, 5, 50, shares).is_ok());
	assert_eq!(
		state.clone().withdraw(OFFSET, 5, 51, shares),
		Err(VaultError::InsufficientLiquidity)
	);
}

// ----- Revenue ---------------------------------------------------------------------------------

#[test]
fn injected_revenue_vests_linearly() {
	let mut state = vault(1_000_000_000, 1_000, 0);
	state.inject_revenue(100, 500, 50).unwrap();
	assert_eq!(state.vesting, Vesting { amount: 500, start: 100, period: 50 });
	assert_eq!(state.total_assets(100), Ok(1_000));
	assert_eq!(state.total_assets(110), Ok(1_100));
	assert_eq!(state.total_assets(150), Ok(1_500));
	assert_eq!(state.total_assets(999), Ok(1_500));
	// Unvested revenue is held but not yet liquid.
	assert_eq!(state.liquid_assets(110), Ok(1_100));
}

#[test]
fn accrue_moves_vested_revenue_to_idle_without_changing_total_assets() {
	let mut state = vault(1_000_000_000, 1_000, 0);
	state.inject_revenue(100, 500, 50).unwrap();
	assert_eq!(state.accrue(110), Ok(100));
	assert_eq!(state.idle_assets, 1_100);
	assert_eq!(state.vesting, Vesting { amount: 400, start: 110, period: 40 });
	assert_eq!(state.total_assets(110), Ok(1_100));
	assert_eq!(state.total_assets(130), Ok(1_300));
	assert_eq!(state.total_assets(150), Ok(1_500));
	assert_eq!(state.accrue(110), Ok(0));
	assert_eq!(state.accrue(200), Ok(400));
	assert_eq!(state.vesting, Vesting { amount: 0, start: 110, period: 40 });
}

#[test]
fn a_new_injection_rolls_the_unvested_remainder_over() {
	let mut state = vault(1_000_000_000, 1_000, 0);
	state.inject_revenue(100, 500, 50).unwrap();
	let before = state.total_assets(125).unwrap();
	state.inject_revenue(125, 300, 100).unwrap();
	// 250 vested into idle, 250 unvested rolled into the new 100-block schedule.
	assert_eq!(state.idle_assets, 1_250);
	assert_eq!(state.vesting, Vesting { amount: 550, start: 125, period: 100 });
	assert_eq!(state.total_assets(125), Ok(before));
	assert_eq!(state.total_assets(175), Ok(1_525));
	assert_eq!(state.total_assets(225), Ok(1_800));

	// Two injections in the same block add up.
	let mut same_block = vault(0, 0, 0);
	same_block.inject_revenue(7, 10, 5).unwrap();
	same_block.inject_revenue(7, 20, 5).unwrap();
	assert_eq!(same_block.vesting, Vesting { amount: 30, start: 7, period: 5 });
}

#[test]
fn inject_revenue_errors() {
	let mut state = vault(1, 1, 0);
	assert_eq!(state.inject_revenue(0, 0, 10), Err(VaultError::ZeroAmount));
	assert_eq!(state.inject_revenue(0, 10, 0), Err(VaultError::ZeroVestingPeriod));
	// Idle 1 + revenue must leave room for the virtual asset.
	assert_eq!(state.inject_revenue(0, u128::MAX - 1, 10), Err(VaultError::Overflow));
	assert_eq!(state.inject_revenue(0, u128::MAX - 2, 10), Ok(()));
	assert_eq!(state.inject_revenue(0, 1, 10), Err(VaultError::Overflow));
}

#[test]
fn vesting_defeats_the_injection_sandwich() {
	let mut state = VaultState::default();
	state.deposit(OFFSET, 0, 10_000).unwrap();
	// An attacker deposits right before a large injection and redeems in the same block...
	let attacker = state.deposit(OFFSET, 50, 10_000).unwrap();
	state.inject_revenue(50, 2_000, 1_000).unwrap();
	let same_block = state.clone().redeem(OFFSET, 50, attacker.shares, attacker.shares).unwrap();
	assert!(same_block.assets <= 10_000);
	// ...or one block later: only 1/1000 of the revenue has vested, shared pro rata.
	let next_block = state.clone().redeem(OFFSET, 51, attacker.shares, attacker.shares).unwrap();
	assert!(next_block.assets <= 10_001);
}

#[test]
fn performance_fee_split() {
	assert_eq!(
		split_performance_fee(1_000, 150_000),
		Ok(FeeSplit { to_vault: 850, to_treasury: 150 })
	);
	// 7 · 15% = 1.05: the fee rounds down, the holders keep the dust.
	assert_eq!(split_performance_fee(7, 150_000), Ok(FeeSplit { to_vault: 6, to_treasury: 1 }));
	assert_eq!(split_performance_fee(6, 150_000), Ok(FeeSplit { to_vault: 6, to_treasury: 0 }));
	assert_eq!(split_performance_fee(1_000, 0), Ok(FeeSplit { to_vault: 1_000, to_treasury: 0 }));
	assert_eq!(
		split_performance_fee(1_000, PARTS_PER_MILLION),
		Ok(FeeSplit { to_vault: 0, to_treasury: 1_000 })
	);
	assert_eq!(
		split_performance_fee(u128::MAX, 999_999),
		Ok(FeeSplit {
			to_vault: u128::MAX - mul_div(u128::MAX, 999_999, 1_000_000, Rounding::Down).unwrap(),
			to_treasury: mul_div(u128::MAX, 999_999, 1_000_000, Rounding::Down).unwrap(),
		})
	);
	assert_eq!(split_performance_fee(1, PARTS_PER_MILLION + 1), Err(VaultError::InvalidFee));
}

#[test]
fn inject_revenue_with_fee_vests_only_the_holders_part() {
	let mut state = vault(1_000_000_000, 1_000, 0);
	let split = state.inject_revenue_with_fee(0, 1_000, 10, 150_000).unwrap();
	assert_eq!(split, FeeSplit { to_vault: 850, to_treasury: 150 });
	assert_eq!(state.vesting, Vesting { amount: 850, start: 0, period: 10 });

	let mut all_fee = vault(1_000_000_000, 1_000, 0);
	let split = all_fee.inject_revenue_with_fee(0, 1_000, 10, PARTS_PER_MILLION).unwrap();
	assert_eq!(split.to_vault, 0);
	assert_eq!(all_fee, vault(1_000_000_000, 1_000, 0));

	assert_eq!(state.inject_revenue_with_fee(0, 0, 10, 0), Err(VaultError::ZeroAmount));
	assert_eq!(state.inject_revenue_with_fee(0, 1, 0, 0), Err(VaultError::ZeroVestingPeriod));
	assert_eq!(state.inject_revenue_with_fee(0, 1, 10, 1_000_001), Err(VaultError::InvalidFee));
	assert_eq!(state.inject_revenue_with_fee(0, u128::MAX, 10, 0), Err(VaultError::Overflow));
}

// ----- Deployed assets -------------------------------------------------------------------------

#[test]
fn deploy_recall_and_write_down() {
	let mut state = vault(1_000_000_000, 1_000, 0);
	state.deploy(0, 700).unwrap();
	assert_eq!(state, vault(1_000_000_000, 300, 700));
	assert_eq!(state.total_assets(0), Ok(1_000));
	state.recall(0, 200).unwrap();
	assert_eq!(state, vault(1_000_000_000, 500, 500));
	let price_before = state.convert_to_assets(OFFSET, 0, 1_000_000_000).unwrap();
	state.write_down(0, 100).unwrap();
	assert_eq!(state, vault(1_000_000_000, 500, 400));
	assert!(state.convert_to_assets(OFFSET, 0, 1_000_000_000).unwrap() < price_before);

	assert_eq!(state.deploy(0, 0), Err(VaultError::ZeroAmount));
	assert_eq!(state.deploy(0, 501), Err(VaultError::InsufficientLiquidity));
	assert_eq!(state.recall(0, 0), Err(VaultError::ZeroAmount));
	assert_eq!(state.recall(0, 401), Err(VaultError::InsufficientDeployed));
	assert_eq!(state.write_down(0, 0), Err(VaultError::ZeroAmount));
	assert_eq!(state.write_down(0, 401), Err(VaultError::InsufficientDeployed));
	assert_eq!(state, vault(1_000_000_000, 500, 400));
}

#[test]
fn losses_keep_the_vault_solvent() {
	// After a loss, claims are computed on the reduced assets; the last holder out is paid
	// what is left, never more.
	let mut state = VaultState::default();
	let alice = state.deposit(OFFSET, 0, 1_000).unwrap().shares;
	let bob = state.deposit(OFFSET, 0, 3_000).unwrap().shares;
	state.deploy(0, 4_000).unwrap();
	state.write_down(0, 1_001).unwrap();
	state.recall(0, 2_999).unwrap();
	let paid_alice = state.redeem(OFFSET, 0, alice, alice).unwrap().assets;
	assert_eq!(state.max_redeem(OFFSET, 0, bob), bob);
	let paid_bob = state.redeem(OFFSET, 0, bob, bob).unwrap().assets;
	assert_eq!((paid_alice, paid_bob), (749, 2_250));
	assert_eq!(state.total_shares, 0);
	assert_eq!(state.idle_assets, 0);
}

// ----- Withdrawal queue ------------------------------------------------------------------------

/// 3_000 units held by 3·10^9 shares: exactly 10^6 shares per unit.
fn queue_vault() -> VaultState {
	let mut state = VaultState::default();
	state.deposit(OFFSET, 0, 3_000).unwrap();
	state
}

fn request(id: u64, units: u128, requested_at: u64) -> WithdrawalRequest<u32> {
	WithdrawalRequest { id, owner: 7, shares: units * ONE_UNIT_OF_SHARES, requested_at }
}

#[test]
fn requests_mature_after_the_cooldown() {
	let r = request(1, 1, 10);
	assert_eq!(r.matures_at(30), 40);
	assert!(!r.is_matured(39, 30));
	assert!(r.is_matured(40, 30));
	assert!(!request(1, 1, u64::MAX).is_matured(u64::MAX - 1, 5));
	assert!(request(1, 1, u64::MAX).is_matured(u64::MAX, 5));
}

#[test]
fn queue_fills_matured_requests_in_order_and_stops_at_the_first_young_one() {
	let queue = [request(1, 500, 10), request(2, 1_000, 20), request(3, 200, 5)];
	let mut state = queue_vault();
	// At 45 only the first has matured; the third is older than the second but waits its turn.
	let fills = state.process_withdrawal_queue(OFFSET, 45, 30, u128::MAX, &queue).unwrap();
	assert_eq!(
		fills,
		vec![Fill {
			id: 1,
			shares_burned: 500 * ONE_UNIT_OF_SHARES,
			assets_paid: 500,
			remaining_shares: 0
		}]
	);
	assert_eq!(state, vault(2_500 * ONE_UNIT_OF_SHARES, 2_500, 0));

	let fills = state.process_withdrawal_queue(OFFSET, 60, 30, u128::MAX, &queue[1..]).unwrap();
	assert_eq!(fills.len(), 2);
	assert_eq!((fills[0].id, fills[0].assets_paid, fills[0].remaining_shares), (2, 1_000, 0));
	assert_eq!((fills[1].id, fills[1].assets_paid, fills[1].remaining_shares), (3, 200, 0));
	assert_eq!(state, vault(1_300 * ONE_UNIT_OF_SHARES, 1_300, 0));
}

#[test]
fn queue_partially_fills_when_liquidity_runs_out() {
	let queue = [request(1, 100, 0), request(2, 500, 0), request(3, 10, 0)];
	let mut state = queue_vault();
	state.deploy(0, 2_700).unwrap();
	let fills = state.process_withdrawal_queue(OFFSET, 100, 30, u128::MAX, &queue).unwrap();
	assert_eq!(
		fills,
		vec![
			Fill {
				id: 1,
				shares_burned: 100 * ONE_UNIT_OF_SHARES,
				assets_paid: 100,
				remaining_shares: 0
			},
			Fill {
				id: 2,
				shares_burned: 200 * ONE_UNIT_OF_SHARES,
				assets_paid: 200,
				remaining_shares: 300 * ONE_UNIT_OF_SHARES,
			},
		]
	);
	assert_eq!(state.idle_assets, 0);
	// Nothing left: the head stays queued and nothing is filled.
	let rest =
		[WithdrawalRequest { shares: 300 * ONE_UNIT_OF_SHARES, ..queue[1] }, queue[2].clone()];
	assert_eq!(state.process_withdrawal_queue(OFFSET, 100, 30, u128::MAX, &rest), Ok(vec![]));
}

#[test]
fn queue_partial_fill_burns_the_fewest_shares() {
	let mut state = uneven_vault(); // share price uneven
	let queue = [WithdrawalRequest { id: 9, owner: (), shares: 2_000_000_000, requested_at: 0 }];
	let before = state.clone();
	let fills = state.process_withdrawal_queue(OFFSET, 10, 0, 1_000, &queue).unwrap();
	assert_eq!(fills.len(), 1);
	assert_eq!(fills[0].assets_paid, 1_000);
	// Exactly what `withdraw(1_000)` would burn: rounded up, less than one share too many.
	assert_eq!(fills[0].shares_burned, before.preview_withdraw(OFFSET, 10, 1_000).unwrap());
	assert_eq!(fills[0].remaining_shares, 2_000_000_000 - fills[0].shares_burned);
}

#[test]
fn queue_payout_cap_and_empty_queue() {
	let queue = [request(1, 100, 0), request(2, 100, 0)];
	let mut state = queue_vault();
	let fills = state.process_withdrawal_queue(OFFSET, 0, 0, 150, &queue).unwrap();
	assert_eq!(fills.iter().map(|f| f.assets_paid).sum::<u128>(), 150);
	assert_eq!(fills[1].remaining_shares, 50 * ONE_UNIT_OF_SHARES);
	assert_eq!(state.idle_assets, 2_850);

	let empty: [WithdrawalRequest<u32>; 0] = [];
	assert_eq!(state.process_withdrawal_queue(OFFSET, 0, 0, u128::MAX, &empty), Ok(vec![]));
	assert_eq!(state.process_withdrawal_queue(OFFSET, 0, 0, 0, &queue), Ok(vec![]));
}

#[test]
fn queue_completes_dust_requests_without_payment() {
	let queue = [
		WithdrawalRequest { id: 1, owner: 1u8, shares: 999_999, requested_at: 0 },
		WithdrawalRequest { id: 2, owner: 2u8, shares: 0, requested_at: 0 },
		WithdrawalRequest { id: 3, owner: 3u8, shares: ONE_UNIT_OF_SHARES, requested_at: 0 },
	];
	let mut state = queue_vault();
	state.deploy(0, 3_000).unwrap();
	let fills = state.process_withdrawal_queue(OFFSET, 0, 0, u128::MAX, &queue).unwrap();
	assert_eq!(
		fills,
		vec![
			Fill { id: 1, shares_burned: 999_999, assets_paid: 0, remaining_shares: 0 },
			Fill { id: 2, shares_burned: 0, assets_paid: 0, remaining_shares: 0 },
		]
	);
}

#[test]
fn queue_serves_at_the_price_after_accrual() {
	let mut state = queue_vault();
	state.inject_revenue(0, 300, 100).unwrap();
	let queue = [request(1, 1_000, 0)];
	let fills = state.process_withdrawal_queue(OFFSET, 50, 0, u128::MAX, &queue).unwrap();
	// 150 vested: a third of the supply is worth 1_049.9...
	assert_eq!(fills[0].assets_paid, 1_049);
	assert_eq!(state.vesting, Vesting { amount: 150, start: 50, period: 50 });
}

#[test]
fn queue_rejects_requests_for_more_shares_than_exist() {
	let mut state = queue_vault();
	let before = state.clone();
	let queue = [request(1, 100, 0), request(2, 3_000, 0)];
	assert_eq!(
		state.process_withdrawal_queue(OFFSET, 0, 0, u128::MAX, &queue),
		Err(VaultError::InsufficientShares)
	);
	assert_eq!(state, before);
}

// ----- The donation (first-depositor) attack --------------------------------------------------

#[test]
fn donation_attack_costs_the_attacker_and_barely_touches_the_victim() {
	let mut state = VaultState::default();
	// The attacker is first in with 1 unit, then transfers 10^9 units straight to the vault.
	let attacker = state.deposit(OFFSET, 0, 1).unwrap().shares;
	assert_eq!(attacker, ONE_UNIT_OF_SHARES);
	let donation = 1_000_000_000;
	state.idle_assets += donation;

	// The victim deposits 10^9 units; one share is now worth ~501 units, and that is the most
	// the victim's rounding can lose.
	let one_share = state.preview_mint(OFFSET, 0, 1).unwrap();
	assert_eq!(one_share, 501);
	let victim = state.deposit(OFFSET, 0, 1_000_000_000).unwrap().shares;
	assert_eq!(victim, 1_999_999);

	let attacker_out = state.redeem(OFFSET, 0, attacker, attacker).unwrap().assets;
	let victim_out = state.redeem(OFFSET, 0, victim, victim).unwrap().assets;
	assert_eq!(attacker_out, 500_000_125);
	assert_eq!(victim_out, 999_999_751);
	let attacker_loss = 1 + donation - attacker_out;
	let victim_loss = 1_000_000_000 - victim_out;
	assert!(victim_loss < one_share);
	assert!(attacker_loss > 1_000_000 * victim_loss);
	// Half the donation stays with the virtual shares.
	assert_eq!(state.idle_assets, 500_000_125);
}

#[test]
fn without_an_offset_the_attack_is_unprofitable_but_the_victim_loses() {
	let offset_zero = DecimalsOffset::new(0).unwrap();
	let mut state = VaultState::default();
	let attacker = state.deposit(offset_zero, 0, 1).unwrap().shares;
	state.idle_assets += 1_000_000_000;
	let victim = state.deposit(offset_zero, 0, 1_000_000_000).unwrap().shares;
	assert_eq!(victim, 1);
	let attacker_out = state.redeem(offset_zero, 0, attacker, attacker).unwrap().assets;
	let victim_out = state.redeem(offset_zero, 0, victim, victim).unwrap().assets;
	assert_eq!(attacker_out, 666_666_667);
	assert_eq!(victim_out, 666_666_667);
}

#[test]
fn a_donation_too_large_for_the_victim_makes_the_deposit_fail_instead_of_vanish() {
	let mut state = VaultState::default();
	state.deposit(OFFSET, 0, 1).unwrap();
	state.idle_assets += 1_000_000_000_000;
	let before = state.clone();
	assert_eq!(state.deposit(OFFSET, 0, 100_000), Err(VaultError::ZeroShares));
	assert_eq!(state, before);
}

// ----- u128 extremes ---------------------------------------------------------------------------

#[test]
fn extreme_states_fail_cleanly() {
	let broken = VaultState {
		total_shares: u128::MAX,
		idle_assets: u128::MAX,
		deployed_assets: u128::MAX,
		vesting: Vesting { amount: u128::MAX, start: 0, period: 1 },
	};
	assert_eq!(broken.total_assets(5), Err(VaultError::Overflow));
	assert_eq!(broken.liquid_assets(5), Err(VaultError::Overflow));
	assert_eq!(broken.convert_to_shares(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.convert_to_assets(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.preview_deposit(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.preview_mint(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.preview_withdraw(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.preview_redeem(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(broken.max_deposit(OFFSET, 5), 0);
	assert_eq!(broken.max_mint(OFFSET, 5), 0);
	assert_eq!(broken.max_withdraw(OFFSET, 5, u128::MAX), 0);
	assert_eq!(broken.max_redeem(OFFSET, 5, u128::MAX), 0);
	let mut state = broken.clone();
	assert_eq!(state.accrue(5), Err(VaultError::Overflow));
	assert_eq!(state.deposit(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(state.mint(OFFSET, 5, 1), Err(VaultError::Overflow));
	assert_eq!(state.withdraw(OFFSET, 5, 1, u128::MAX), Err(VaultError::Overflow));
	assert_eq!(state.redeem(OFFSET, 5, 1, u128::MAX), Err(VaultError::Overflow));
	assert_eq!(state.inject_revenue(5, 1, 1), Err(VaultError::Overflow));
	assert_eq!(state.deploy(5, 1), Err(VaultError::Overflow));
	assert_eq!(state, broken);
}

#[test]
fn a_vault_filled_to_the_brim_still_prices_and_exits() {
	// Mint every share the headroom allows; then nothing more fits, and everyone can leave.
	let mut state = VaultState::default();
	let shares = state.max_mint(OFFSET, 0);
	assert_eq!(shares, u128::MAX - ONE_UNIT_OF_SHARES);
	let minted = state.mint(OFFSET, 0, shares).unwrap();
	assert_eq!(minted.assets, (u128::MAX - ONE_UNIT_OF_SHARES).div_ceil(ONE_UNIT_OF_SHARES));
	assert_eq!(state.max_mint(OFFSET, 0), 0);
	assert_eq!(state.max_deposit(OFFSET, 0), 0);
	assert_eq!(state.deposit(OFFSET, 0, 1), Err(VaultError::Overflow));
	assert_eq!(state.mint(OFFSET, 0, 1), Err(VaultError::Overflow));
	assert_eq!(state.max_redeem(OFFSET, 0, shares), shares);
	let paid = state.redeem(OFFSET, 0, shares, shares).unwrap().assets;
	assert!(paid <= minted.assets);
	assert_eq!(state.total_shares, 0);
	assert_eq!(state.idle_assets, minted.assets - paid);
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	/// Nothing panics on arbitrary (even inconsistent) states and arguments.
	#[test]
	fn nothing_panics_on_arbitrary_input(
		total_shares in any::<u128>(),
		idle_assets in any::<u128>(),
		deployed_assets in any::<u128>(),
		amount in any::<u128>(),
		start in any::<u64>(),
		period in any::<u64>(),
		now in any::<u64>(),
		value in any::<u128>(),
		owner_shares in any::<u128>(),
		digits in 0u8..=40,
		fee in any::<u32>(),
	) {
		let state = VaultState {
			total_shares,
			idle_assets,
			deployed_assets,
			vesting: Vesting { amount, start, period },
		};
		let offset = DecimalsOffset::new(digits).unwrap_or_default();
		let _ = state.total_assets(now);
		let _ = state.liquid_assets(now);
		let _ = state.convert_to_shares(offset, now, value);
		let _ = state.convert_to_assets(offset, now, value);
		let _ = state.preview_deposit(offset, now, value);
		let _ = state.preview_mint(offset, now, value);
		let _ = state.preview_withdraw(offset, now, value);
		let _ = state.preview_redeem(offset, now, value);
		let _ = state.max_deposit(offset, now);
		let _ = state.max_mint(offset, now);
		let _ = state.max_withdraw(offset, now, owner_shares);
		let _ = state.max_redeem(offset, now, owner_shares);
		let _ = state.clone().accrue(now);
		let _ = state.clone().deposit(offset, now, value);
		let _ = state.clone().mint(offset, now, value);
		let _ = state.clone().withdraw(offset, now, value, owner_shares);
		let _ = state.clone().redeem(offset, now, value, owner_shares);
		let _ = state.clone().inject_revenue(now, value, period);
		let _ = state.clone().inject_revenue_with_fee(now, value, period, fee);
		let _ = state.clone().deploy(now, value);
		let _ = state.clone().recall(now, value);
		let _ = state.clone().write_down(now, value);
		let request =
			WithdrawalRequest { id: 0, owner: (), shares: owner_shares, requested_at: start };
		let queue = [&request, &request];
		let _ = state.clone().process_withdrawal_queue(offset, now, period, value, queue);
		let _ = split_performance_fee(value, fee);
	}
}

// ----- Encoding and errors ---------------------------------------------------------------------

#[test]
fn state_encoding_round_trips_within_its_max_length() {
	let state = VaultState {
		total_shares: u128::MAX,
		idle_assets: 1,
		deployed_assets: 2,
		vesting: Vesting { amount: 3, start: 4, period: u64::MAX },
	};
	let encoded = state.encode();
	assert_eq!(encoded.len(), VaultState::max_encoded_len());
	assert_eq!(VaultState::decode(&mut &encoded[..]), Ok(state));

	let request = WithdrawalRequest { id: 1, owner: [7u8; 32], shares: 5, requested_at: 6 };
	let encoded = request.encode();
	assert_eq!(encoded.len(), WithdrawalRequest::<[u8; 32]>::max_encoded_len());
	assert_eq!(WithdrawalRequest::decode(&mut &encoded[..]), Ok(request));

	let error = VaultError::InsufficientLiquidity;
	assert_eq!(VaultError::decode(&mut &error.encode()[..]), Ok(error));
	assert_eq!(<VaultState as scale_info::TypeInfo>::type_info().path.ident(), Some("VaultState"));
}

#[test]
fn errors_describe_themselves() {
	use std::string::ToString;
	let all = [
		VaultError::ZeroAmount,
		VaultError::ZeroShares,
		VaultError::ZeroAssets,
		VaultError::Overflow,
		VaultError::DivisionByZero,
		VaultError::InsufficientShares,
		VaultError::InsufficientLiquidity,
		VaultError::InsufficientDeployed,
		VaultError::ZeroVestingPeriod,
		VaultError::InvalidFee,
		VaultError::InvalidDecimalsOffset,
	];
	let texts: std::collections::BTreeSet<String> = all.iter().map(ToString::to_string).collect();
	assert_eq!(texts.len(), all.len());
	let boxed: Box<dyn std::error::Error> = Box::new(VaultError::Overflow);
	assert_eq!(boxed.to_string(), "arithmetic overflow");
}
