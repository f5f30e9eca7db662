//! Settlement math of a fixed-price IPT crowdsale.
//!
//! A sale offers `tokens_for_sale` (`T`) IPT base units at `price` (`p`) currency base units
//! per IPT base unit and needs `funding_goal` (`G ≤ p·T`) to succeed. Bidders pay into escrow;
//! bids above `p·T` in total (oversubscription) are allowed. With `R` the sum of all bids:
//!
//! * `R < G`: the sale **failed**; every bidder gets its bid back, the seller its tokens.
//! * `R ≥ G`: the sale **succeeded** and sells `S = min(T, ⌊R / p⌋)` tokens for the proceeds
//!   `P = p·S ≤ min(R, p·T)`. Bidder `i` with bid `b` receives
//!   `⌊b·S / R⌋` tokens (its pro-rata share; `⌊b·T / R⌋` when oversubscribed) and the
//!   refund `⌊b·(R − P) / R⌋` (its pro-rata share of the surplus). `T − S` unsold tokens go
//!   back to the seller at settlement.
//!
//! Every bidder pays `b − refund ≥ b·P/R ≥ tokens·p`: nobody gets tokens below the price.
//! Rounding down leaves less than one unit of tokens and one unit of currency per bidder in
//! escrow; the pallet returns that dust after the last claim.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use heliox_vault::{mul_div, Rounding};
use scale_info::TypeInfo;

/// One million: `fee_ppm` / `royalty_ppm` are parts per million (as `Permill`).
pub const PARTS_PER_MILLION: u32 = 1_000_000;

/// Why sale terms or a settlement computation were refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum SaleError {
	/// Price, tokens for sale or funding goal is zero.
	ZeroAmount,
	/// The funding goal is above `price · tokens_for_sale`: it could never be met.
	GoalTooHigh,
	/// `price · tokens_for_sale` does not fit in `u128`.
	Overflow,
	/// A bid above the total raised, or fee + royalty above 100%.
	Inconsistent,
}

/// The economic terms of a sale.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SaleTerms {
	/// Currency base units per IPT base unit.
	pub price: u128,
	/// IPT base units offered.
	pub tokens_for_sale: u128,
	/// Currency raised needed for the sale to succeed.
	pub funding_goal: u128,
}

/// Checks the terms: all positive, `price · tokens_for_sale` fits, goal reachable.
/// Returns `price · tokens_for_sale`, the most the seller can ever receive.
pub fn validate_terms(terms: &SaleTerms) -> Result<u128, SaleError> {
	if terms.price == 0 || terms.tokens_for_sale == 0 || terms.funding_goal == 0 {
		return Err(SaleError::ZeroAmount);
	}
	let max_proceeds = terms.price.checked_mul(terms.tokens_for_sale).ok_or(SaleError::Overflow)?;
	if terms.funding_goal > max_proceeds {
		return Err(SaleError::GoalTooHigh);
	}
	Ok(max_proceeds)
}

/// The result of settling a sale.
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
pub enum Outcome {
	/// The goal was missed: full refunds.
	Failed,
	/// The goal was met.
	Succeeded {
		/// IPT base units sold (`S`).
		tokens_sold: u128,
		/// Currency paid for them (`P = price · S`), split into fee, royalty and net.
		proceeds: u128,
	},
}

/// Settles a sale that raised `raised`.
pub fn settle(terms: &SaleTerms, raised: u128) -> Result<Outcome, SaleError> {
	validate_terms(terms)?;
	if raised < terms.funding_goal {
		return Ok(Outcome::Failed);
	}
	// `price > 0` was checked above.
	let affordable = raised.checked_div(terms.price).ok_or(SaleError::ZeroAmount)?;
	let tokens_sold = affordable.min(terms.tokens_for_sale);
	// `tokens_sold · price ≤ ⌊raised / price⌋ · price ≤ raised`: cannot overflow.
	let proceeds = tokens_sold.checked_mul(terms.price).ok_or(SaleError::Overflow)?;
	Ok(Outcome::Succeeded { tokens_sold, proceeds })
}

/// What one bidder receives from a settled sale.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Allocation {
	/// IPT base units.
	pub tokens: u128,
	/// Currency base units returned.
	pub refund: u128,
}

/// The allocation of a bid of `bid` in a sale that raised `raised` (the sum of all bids, so
/// `bid ≤ raised`) and settled as `outcome`.
pub fn allocation(outcome: &Outcome, raised: u128, bid: u128) -> Result<Allocation, SaleError> {
	if bid > raised {
		return Err(SaleError::Inconsistent);
	}
	match *outcome {
		Outcome::Failed => Ok(Allocation { tokens: 0, refund: bid }),
		Outcome::Succeeded { tokens_sold, proceeds } => {
			if bid == 0 {
				return Ok(Allocation::default());
			}
			let surplus = raised.checked_sub(proceeds).ok_or(SaleError::Inconsistent)?;
			let tokens = mul_div(bid, tokens_sold, raised, Rounding::Down)
				.map_err(|_| SaleError::Overflow)?;
			let refund =
				mul_div(bid, surplus, raised, Rounding::Down).map_err(|_| SaleError::Overflow)?;
			Ok(Allocation { tokens, refund })
		},
	}
}

/// The proceeds of a sale split into protocol fee, royalty and the beneficiary's net.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ProceedsSplit {
	/// To the treasury.
	pub fee: u128,
	/// To the royalty recipient set at mint.
	pub royalty: u128,
	/// To the beneficiary (the seller or its BioDAO account).
	pub net: u128,
}

/// Splits `proceeds`: `fee = ⌊proceeds · fee_ppm / 10^6⌋`,
/// `royalty = ⌊proceeds · royalty_ppm / 10^6⌋`, `net` the rest (so the three add up to
/// `proceeds` exactly). `fee_ppm + royalty_ppm` must not exceed one million.
pub fn split_proceeds(
	proceeds: u128,
	fee_ppm: u32,
	royalty_ppm: u32,
) -> Result<ProceedsSplit, SaleError> {
	let total_ppm = fee_ppm.checked_add(royalty_ppm).ok_or(SaleError::Inconsistent)?;
	if total_ppm > PARTS_PER_MILLION {
		return Err(SaleError::Inconsistent);
	}
	let ppm = u128::from(PARTS_PER_MILLION);
	let fee = mul_div(proceeds, u128::from(fee_ppm), ppm, Rounding::Down)
		.map_err(|_| SaleError::Overflow)?;
	let royalty = mul_div(proceeds, u128::from(royalty_ppm), ppm, Rounding::Down)
		.map_err(|_| SaleError::Overflow)?;
	let net = proceeds
		.checked_sub(fee)
		.and_then(|rest| rest.checked_sub(royalty))
		.ok_or(SaleError::Inconsistent)?;
	Ok(ProceedsSplit { fee, royalty, net })
}

#[cfg(test)]
mod tests {
	use super::*;

	fn terms(price: u128, tokens_for_sale: u128, funding_goal: u128) -> SaleTerms {
		SaleTerms { price, tokens_for_sale, funding_goal }
	}

	#[test]
	fn terms_are_validated() {
		assert_eq!(validate_terms(&terms(0, 1, 1)), Err(SaleError::ZeroAmount));
		assert_eq!(validate_terms(&terms(1, 0, 1)), Err(SaleError::ZeroAmount));
		assert_eq!(validate_terms(&terms(1, 1, 0)), Err(SaleError::ZeroAmount));
		assert_eq!(validate_terms(&terms(2, 10, 21)), Err(SaleError::GoalTooHigh));
		assert_eq!(validate_terms(&terms(u128::MAX, 2, 1)), Err(SaleError::Overflow));
		assert_eq!(validate_terms(&terms(2, 10, 20)), Ok(20));
	}

	#[test]
	fn missed_goal_refunds_everything() {
		let t = terms(10, 100, 500);
		let outcome = settle(&t, 499).unwrap();
		assert_eq!(outcome, Outcome::Failed);
		assert_eq!(allocation(&outcome, 499, 200).unwrap(), Allocation { tokens: 0, refund: 200 });
	}

	#[test]
	fn oversubscribed_sale_is_pro_rata() {
		// 100 tokens at 10 = 1000 wanted, 3000 raised (1000 + 2000).
		let t = terms(10, 100, 500);
		let outcome = settle(&t, 3_000).unwrap();
		assert_eq!(outcome, Outcome::Succeeded { tokens_sold: 100, proceeds: 1_000 });
		assert_eq!(
			allocation(&outcome, 3_000, 1_000).unwrap(),
			Allocation { tokens: 33, refund: 666 }
		);
		assert_eq!(
			allocation(&outcome, 3_000, 2_000).unwrap(),
			Allocation { tokens: 66, refund: 1_333 }
		);
	}

	#[test]
	fn undersubscribed_sale_sells_what_was_paid_for() {
		// Goal 500 met with 705: 70 tokens sold for 700, 5 surplus.
		let t = terms(10, 100, 500);
		let outcome = settle(&t, 705).unwrap();
		assert_eq!(outcome, Outcome::Succeeded { tokens_sold: 70, proceeds: 700 });
		let a = allocation(&outcome, 705, 705).unwrap();
		assert_eq!(a, Allocation { tokens: 70, refund: 5 });
	}

	#[test]
	fn a_bid_above_the_total_is_refused() {
		let outcome = Outcome::Succeeded { tokens_sold: 1, proceeds: 1 };
		assert_eq!(allocation(&outcome, 10, 11), Err(SaleError::Inconsistent));
	}

	#[test]
	fn proceeds_split_adds_up() {
		let split = split_proceeds(1_000_001, 25_000, 50_000).unwrap();
		assert_eq!(split, ProceedsSplit { fee: 25_000, royalty: 50_000, net: 925_001 });
		assert_eq!(split_proceeds(1, 600_000, 500_000), Err(SaleError::Inconsistent));
		assert_eq!(
			split_proceeds(u128::MAX, 0, PARTS_PER_MILLION).unwrap(),
			ProceedsSplit { fee: 0, royalty: u128::MAX, net: 0 }
		);
	}
}
