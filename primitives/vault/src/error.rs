//! The single error type returned by every fallible vault operation.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why a vault computation or state transition was refused.
///
/// State transitions are transactional: when one of these is returned, the
/// [`VaultState`](crate::VaultState) it was called on is left exactly as it was.
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
pub enum VaultError {
	/// The requested amount (assets, shares, revenue) is zero.
	ZeroAmount,
	/// A deposit is too small to mint even one share at the current price; accepting it would
	/// take the depositor's assets for nothing.
	ZeroShares,
	/// A redemption is too small to pay out even one unit of assets at the current price;
	/// accepting it would burn the holder's shares for nothing.
	ZeroAssets,
	/// A result, or the vault's totals after the operation, would not fit in `u128`.
	Overflow,
	/// A division by zero was requested from [`mul_div`](crate::mul_div).
	DivisionByZero,
	/// The operation needs more shares than the owner holds (or than exist).
	InsufficientShares,
	/// The vault's liquid (idle) assets cannot cover the payout.
	InsufficientLiquidity,
	/// More assets were recalled or written down than are currently deployed.
	InsufficientDeployed,
	/// A revenue vesting period of zero blocks was requested; revenue must vest linearly so it
	/// cannot be captured by a deposit placed just before the injection.
	ZeroVestingPeriod,
	/// A fee above 100% (more than 1_000_000 parts per million) was requested.
	InvalidFee,
	/// A decimals offset above [`DecimalsOffset::MAX_DIGITS`](crate::DecimalsOffset::MAX_DIGITS)
	/// was requested; `10^offset` would not fit in `u128`.
	InvalidDecimalsOffset,
}

impl core::fmt::Display for VaultError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		let text = match self {
			Self::ZeroAmount => "amount is zero",
			Self::ZeroShares => "deposit would mint zero shares",
			Self::ZeroAssets => "redemption would pay zero assets",
			Self::Overflow => "arithmetic overflow",
			Self::DivisionByZero => "division by zero",
			Self::InsufficientShares => "not enough shares",
			Self::InsufficientLiquidity => "not enough liquid assets in the vault",
			Self::InsufficientDeployed => "not enough deployed assets",
			Self::ZeroVestingPeriod => "revenue vesting period is zero",
			Self::InvalidFee => "fee exceeds 100%",
			Self::InvalidDecimalsOffset => "decimals offset too large",
		};
		f.write_str(text)
	}
}

#[cfg(feature = "std")]
impl std::error::Error for VaultError {}
