//! Property-style tests: random sequences of every user operation, with the invariants
//! (`try_state`) checked after each step and AID conserved.

use super::*;
use crate::{QueueLen, Vault};
use frame_support::traits::fungibles::Inspect;

/// A small deterministic generator (xorshift64*), so failures replay exactly.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn amount(&mut self, max: u128) -> u128 {
		match self.below(4) {
			0 => 1 + u128::from(self.below(1_000)),
			_ => u128::from(self.next()) % max.max(1) + 1,
		}
	}
}

/// Every AID in existence, by holder: users, vault, beneficiary, treasury.
fn aid_held() -> u128 {
	[ALICE, BOB, CHARLIE, EVE, TREASURY, Aid::vault_account()].iter().map(Aid::aid_balance).sum()
}

#[test]
fn random_operation_sequences_keep_the_invariants() {
	// How often each kind of operation succeeded over all seeds: each must be exercised.
	let mut succeeded = [0u32; 10];
	for seed in 1..=24u64 {
		new_test_ext().execute_with(|| {
			let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
			let users = [ALICE, BOB];
			if seed % 2 == 0 {
				set_cooldown(0);
			}
			for who in users {
				mint_aid(who, 10_000);
			}
			let mut next_gpu = 0u32;
			let mut paid_in = 0u128;
			for _step in 0..120 {
				let who = users[rng.below(2) as usize];
				let origin = RuntimeOrigin::signed(who);
				let aid = Aid::aid_balance(&who);
				let shares = Aid::said_balance(&who);
				// Each call either succeeds or fails without changing anything (`#[transactional]`
				// dispatch); the invariants are checked after every step either way.
				let kind = rng.below(10) as usize;
				let result = match kind {
					0 | 1 => Aid::deposit(origin, rng.amount(aid), 0),
					2 => Aid::mint(origin, rng.amount(shares.max(1_000_000)), u128::MAX),
					3 => Aid::redeem(origin, rng.amount(shares), 0),
					4 => Aid::withdraw(origin, rng.amount(aid.max(1)), u128::MAX),
					5 => Aid::request_withdraw(origin, rng.amount(shares)),
					6 => {
						let ids = crate::AccountRequests::<Test>::get(who);
						match ids.first() {
							Some(id) => Aid::cancel_withdraw(origin, *id),
							None => Ok(()),
						}
					},
					7 => {
						let amount = rng.amount(Vault::<Test>::get().idle_assets);
						next_gpu += 1;
						Aid::fund_gpu_deal(RuntimeOrigin::root(), next_gpu, CHARLIE, amount)
					},
					8 => {
						let amount = rng.amount(aid);
						let result = Aid::pay_revenue(origin, next_gpu, amount);
						if result.is_ok() {
							paid_in += amount;
						}
						result
					},
					_ => {
						let deal = crate::Deals::<Test>::iter_keys().next();
						match deal {
							Some(deal) => {
								let principal = crate::Deals::<Test>::get(deal).unwrap().principal;
								let repaid = rng.amount(principal).min(principal);
								Aid::close_gpu_deal(RuntimeOrigin::root(), deal, repaid)
							},
							None => Ok(()),
						}
					},
				};
				if result.is_ok() {
					succeeded[kind] += 1;
				}
				if rng.below(3) == 0 {
					run_to_block(System::block_number() + rng.below(30));
				}
				Aid::do_try_state().unwrap_or_else(|e| panic!("seed {seed}: {e:?}"));
				// No AID is created or destroyed by the vault: only moved.
				assert_eq!(aid_held(), Assets::total_issuance(AID), "seed {seed}");
			}
			// Drain: everyone queues everything, deals are repaid, the queue empties.
			for deal in crate::Deals::<Test>::iter_keys().collect::<Vec<_>>() {
				let principal = crate::Deals::<Test>::get(deal).unwrap().principal;
				let repaid = principal.min(Aid::aid_balance(&CHARLIE));
				frame_support::assert_ok!(Aid::close_gpu_deal(RuntimeOrigin::root(), deal, repaid));
			}
			for who in users {
				let shares = Aid::said_balance(&who);
				if shares > 0 {
					frame_support::assert_ok!(Aid::request_withdraw(
						RuntimeOrigin::signed(who),
						shares
					));
				}
			}
			run_to_block(System::block_number() + COOLDOWN + VESTING + 20);
			assert_eq!(QueueLen::<Test>::get(), 0, "seed {seed}");
			let vault = Vault::<Test>::get();
			assert_eq!(vault.total_shares, 0, "seed {seed}");
			// Holders got back at most what the vault held: nothing is created from rounding.
			assert!(
				vault.idle_assets + vault.vesting.amount <= Aid::aid_balance(&Aid::vault_account())
			);
			let _ = paid_in;
			Aid::do_try_state().unwrap();
		});
	}
	assert!(succeeded.iter().all(|count| *count > 5), "{succeeded:?}");
}
