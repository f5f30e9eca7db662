//! The performance fee taken from injected revenue.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::math::{mul_div, Rounding};
use crate::VaultError;

/// Denominator of fee rates: a fee of `PARTS_PER_MILLION` is 100%
/// (the same scale as `sp_arithmetic::Permill`, so `Permill::deconstruct()` can be passed in).
pub const PARTS_PER_MILLION: u32 = 1_000_000;

/// How a revenue amount is divided between the vault's holders and the treasury.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct FeeSplit {
	/// Assets that become vault revenue (vested to holders).
	pub to_vault: u128,
	/// Assets owed to the treasury as performance fee.
	pub to_treasury: u128,
}

/// Splits `amount` of revenue into the treasury's performance fee and the holders' part.
///
/// `fee_ppm` is the fee rate in parts per million (`150_000` = 15%). The treasury's part is
/// `amount · fee_ppm / 1_000_000` rounded **down**: like every other rounding in this crate it
/// favours the vault's holders, who are owed the revenue, over the party that takes a cut. The
/// two parts always add up to `amount` exactly.
///
/// Fails with [`VaultError::InvalidFee`] when `fee_ppm` exceeds 100%.
pub fn split_performance_fee(amount: u128, fee_ppm: u32) -> Result<FeeSplit, VaultError> {
	if fee_ppm > PARTS_PER_MILLION {
		return Err(VaultError::InvalidFee);
	}
	let to_treasury =
		mul_div(amount, u128::from(fee_ppm), u128::from(PARTS_PER_MILLION), Rounding::Down)?;
	// `to_treasury <= amount` because `fee_ppm <= PARTS_PER_MILLION`.
	let to_vault = amount.checked_sub(to_treasury).ok_or(VaultError::Overflow)?;
	Ok(FeeSplit { to_vault, to_treasury })
}
