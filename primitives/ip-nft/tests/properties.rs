//! Randomised properties of the settlement math: conservation of tokens and currency across
//! all bidders, rounding dust below one unit per bidder, and no bidder paying less than the
//! price for what it receives.

use heliox_ip_nft::{allocation, settle, split_proceeds, Outcome, SaleTerms, PARTS_PER_MILLION};
use proptest::prelude::*;

fn bids() -> impl Strategy<Value = Vec<u128>> {
	prop::collection::vec(1u128..=1_000_000_000_000_000_000_000_000u128, 1..20)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	#[test]
	fn settlement_conserves_tokens_and_currency(
		price in 1u128..1_000_000_000_000,
		tokens_for_sale in 1u128..1_000_000_000_000_000_000_000,
		goal_fraction in 1u128..=1_000,
		bids in bids(),
	) {
		let max = price.checked_mul(tokens_for_sale);
		prop_assume!(max.is_some());
		let max = max.unwrap();
		let funding_goal = (max / 1_000 * goal_fraction).max(1);
		let terms = SaleTerms { price, tokens_for_sale, funding_goal };
		let raised: u128 = bids.iter().sum();
		let outcome = settle(&terms, raised).unwrap();
		let n = bids.len() as u128;
		let mut tokens = 0u128;
		let mut refunds = 0u128;
		for bid in &bids {
			let a = allocation(&outcome, raised, *bid).unwrap();
			// Never more back than paid, never tokens below the price.
			prop_assert!(a.refund <= *bid);
			prop_assert!(a.tokens.checked_mul(price).is_some_and(|cost| cost <= bid - a.refund));
			tokens += a.tokens;
			refunds += a.refund;
		}
		match outcome {
			Outcome::Failed => {
				prop_assert!(raised < funding_goal);
				prop_assert_eq!(tokens, 0);
				prop_assert_eq!(refunds, raised);
			}
			Outcome::Succeeded { tokens_sold, proceeds } => {
				prop_assert!(raised >= funding_goal);
				prop_assert!(tokens_sold <= tokens_for_sale);
				prop_assert_eq!(proceeds, tokens_sold * price);
				prop_assert!(proceeds <= raised && proceeds <= max);
				// Either everything was sold or less than one token's price is left over.
				prop_assert!(tokens_sold == tokens_for_sale || raised - proceeds < price);
				// Conservation with dust below one unit per bidder.
				prop_assert!(tokens <= tokens_sold && tokens_sold - tokens < n);
				prop_assert!(refunds <= raised - proceeds && raised - proceeds - refunds < n);
			}
		}
	}

	#[test]
	fn proceeds_split_is_exact(
		proceeds in any::<u128>(),
		fee in 0u32..=PARTS_PER_MILLION,
		royalty_share in 0u32..=PARTS_PER_MILLION,
	) {
		let royalty = (PARTS_PER_MILLION - fee).min(royalty_share);
		let split = split_proceeds(proceeds, fee, royalty).unwrap();
		prop_assert_eq!(
			split.fee.checked_add(split.royalty).and_then(|x| x.checked_add(split.net)),
			Some(proceeds)
		);
		prop_assert!(split.fee <= proceeds / u128::from(PARTS_PER_MILLION) * u128::from(fee) + u128::from(fee));
	}
}
