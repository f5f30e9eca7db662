//! Randomised crowdsales run through the pallet: whatever the terms, bids, fee and royalty,
//! every token and every unit of currency ends where it should once everyone has claimed,
//! and the invariants hold after every step.

use super::*;
use frame_support::assert_ok;
use proptest::prelude::*;

fn check() {
	IpNft::do_try_state().expect("invariants hold");
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(48))]

	#[test]
	fn sales_conserve_tokens_and_currency(
		price in 1u128..50,
		tokens_for_sale in 1u128..2_000,
		goal_permille in 1u128..=1_000,
		bids in prop::collection::vec((0usize..4, 1u128..40_000), 1..10),
		fee in 0u32..=20,
		aid in any::<bool>(),
	) {
		new_test_ext().execute_with(|| {
			let currency = if aid { SaleCurrency::Aid } else { SaleCurrency::Native };
			assert_ok!(IpNft::set_protocol_fee(RuntimeOrigin::root(), Permill::from_percent(fee)));
			let (id, asset) = tokenized(10_000, 2_000);
			let bidders = [bob(), charlie(), dave(), eve()];
			for who in &bidders {
				accept(who, id);
			}
			let funding_goal = (price * tokens_for_sale * goal_permille / 1_000).max(1);
			let params = SaleParams {
				currency,
				price,
				tokens_for_sale,
				funding_goal,
				start: 10,
				end: 20,
				lock_period: 5,
			};
			assert_ok!(IpNft::start_sale(RuntimeOrigin::signed(alice()), id, params, None, None));
			let holders: Vec<AccountId> = bidders
				.iter()
				.cloned()
				.chain([alice(), treasury(), royalty_recipient(), IpNft::account_id()])
				.collect();
			let total = |holders: &[AccountId]| -> u128 {
				holders.iter().map(|who| balance(currency, who)).sum()
			};
			let currency_before = total(&holders);
			let paid_before: Vec<u128> = bidders.iter().map(|who| balance(currency, who)).collect();
			run_to_block(10);
			let mut paid = [0u128; 4];
			for (who, amount) in &bids {
				assert_ok!(IpNft::bid(RuntimeOrigin::signed(bidders[*who].clone()), 0, *amount));
				paid[*who] += amount;
				check();
			}
			run_to_block(20);
			assert_ok!(IpNft::settle_sale(RuntimeOrigin::signed(eve()), 0));
			check();
			for who in bidders.iter().filter(|who| Bids::<Test>::contains_key(0, *who)) {
				assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), 0, who.clone()));
				check();
			}
			run_to_block(25);
			for who in bidders.iter().filter(|who| Bids::<Test>::contains_key(0, *who)) {
				let bid = Bids::<Test>::get(0, who).unwrap();
				if !bid.tokens_received {
					assert_ok!(IpNft::claim(RuntimeOrigin::signed(eve()), 0, who.clone()));
					check();
				}
			}
			// Currency: nothing created or lost; the escrow is back to where it was.
			assert_eq!(total(&holders), currency_before);
			// Tokens: the seller's 2_000 are split between the seller and the bidders only.
			let escrow = IpNft::account_id();
			assert_eq!(Assets::balance(asset, &escrow), 0);
			let bidder_tokens: u128 = bidders.iter().map(|who| ipt_balance(asset, who)).sum();
			assert_eq!(bidder_tokens + ipt_balance(asset, &alice()), 2_000);
			let sale = Sales::<Test>::get(0).unwrap();
			match sale.status {
				SaleStatus::Settled(Outcome::Failed) => {
					assert_eq!(bidder_tokens, 0);
					for (i, who) in bidders.iter().enumerate() {
						assert_eq!(balance(currency, who), paid_before[i]);
					}
				},
				SaleStatus::Settled(Outcome::Succeeded { tokens_sold, proceeds }) => {
					assert!(bidder_tokens <= tokens_sold);
					// Nobody paid less than the price for its tokens, nor more than its bids.
					for (i, who) in bidders.iter().enumerate() {
						let spent = paid_before[i] - balance(currency, who);
						assert!(spent <= paid[i]);
						assert!(ipt_balance(asset, who) * price <= spent);
					}
					let split = sale.split;
					assert_eq!(split.fee + split.royalty + split.net, proceeds);
					assert_eq!(split.fee, Permill::from_percent(fee).mul_floor(proceeds));
				},
				SaleStatus::Open => panic!("settled above"),
			}
		});
	}
}
