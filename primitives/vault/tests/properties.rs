//! Randomised properties of the vault, checked through the public API only.
//!
//! The bounds below are exact consequences of the pricing rule, not tuned tolerances.
//!
//! Holders are priced at `p = (total_assets + 1) / (total_shares + 10^offset)` assets per
//! share. Define an account's *wealth* as assets received − assets paid in + shares held · p.
//! It starts at zero and changes only in two ways:
//!
//! * revenue vesting: `ΔT` of newly vested revenue raises `p` by `ΔT / (S + 10^offset)`, so a
//!   holder of `s` shares gains `s · ΔT / (S + 10^offset)`, its pro-rata part;
//! * rounding dust: each deposit, mint, withdrawal or redemption rounds in the vault's favour
//!   by some `dust` (below one share's worth `p` for deposit/withdraw, below one asset unit for
//!   mint/redeem). The trader loses it, and it raises `p` by `dust / S'` (`S'` the supply plus
//!   virtual shares after the trade), so every holder, the trader included, gets back its
//!   pro-rata part `s · dust / S'`.
//!
//! Property (a) tracks, for every account, the sum of these pro-rata parts (with the dust at
//! its upper bound) in exact rational arithmetic (512-bit, scaled by 10^30, always rounded
//! against the claim), and checks the wealth against it with no extra slack. Token
//! conservation and solvency are checked exactly as well.

use heliox_vault::{
	mul_div, DecimalsOffset, Fill, Rounding, VaultState, Vesting, WithdrawalRequest,
};
use primitive_types::U512;
use proptest::prelude::*;

const OFFSET: DecimalsOffset = DecimalsOffset::DEFAULT;
const VIRTUAL_SHARES: u128 = 1_000_000;
const ACCOUNTS: usize = 4;
const PERMILLE: u128 = 1_000;

/// Fixed-point scale of the exact wealth bookkeeping: 10^-30 of an asset unit.
fn scale() -> U512 {
	U512::exp10(30)
}

fn wide(value: u128) -> U512 {
	U512::from(value)
}

/// `⌈numerator · scale / denominator⌉`.
fn scaled_ceil(numerator: U512, denominator: U512) -> U512 {
	(numerator * scale() + denominator - 1) / denominator
}

/// Asset amounts spread over many magnitudes, so both tiny and huge balances meet.
fn assets() -> impl Strategy<Value = u128> {
	prop_oneof![1u128..=1_000, 1u128..=1_000_000_000_000, 1u128..=10u128.pow(24)]
}

/// Share amounts: an asset amount at the empty-vault rate, give or take.
fn shares() -> impl Strategy<Value = u128> {
	prop_oneof![1u128..=10_000_000, 1u128..=10u128.pow(18), 1u128..=10u128.pow(30)]
}

#[derive(Clone, Debug)]
enum Op {
	Deposit {
		who: usize,
		assets: u128,
	},
	Mint {
		who: usize,
		shares: u128,
	},
	/// Withdraw a fraction (may exceed 100%) of what the holder's shares are worth.
	Withdraw {
		who: usize,
		permille: u128,
	},
	/// Redeem a fraction (may exceed 100%) of the holder's shares.
	Redeem {
		who: usize,
		permille: u128,
	},
	Inject {
		amount: u128,
		period: u64,
	},
	Advance {
		blocks: u64,
	},
	Deploy {
		permille: u128,
	},
	Recall {
		permille: u128,
	},
}

fn op() -> impl Strategy<Value = Op> {
	let who = 0..ACCOUNTS;
	prop_oneof![
		3 => (who.clone(), assets()).prop_map(|(who, assets)| Op::Deposit { who, assets }),
		1 => (who.clone(), shares()).prop_map(|(who, shares)| Op::Mint { who, shares }),
		2 => (who.clone(), 0..=1_100u128)
			.prop_map(|(who, permille)| Op::Withdraw { who, permille }),
		2 => (who, 0..=1_100u128).prop_map(|(who, permille)| Op::Redeem { who, permille }),
		2 => (assets(), 1..=1_000u64).prop_map(|(amount, period)| Op::Inject { amount, period }),
		2 => (0..=600u64).prop_map(|blocks| Op::Advance { blocks }),
		1 => (0..=PERMILLE).prop_map(|permille| Op::Deploy { permille }),
		1 => (0..=PERMILLE).prop_map(|permille| Op::Recall { permille }),
	]
}

/// Operations that never move assets out of the vault's reach (no deployment), used where a
/// scenario needs every claim to be payable.
fn liquid_op() -> impl Strategy<Value = Op> {
	op().prop_filter("no deployment", |op| !matches!(op, Op::Deploy { .. } | Op::Recall { .. }))
}

#[derive(Clone, Debug, Default)]
struct Account {
	paid_in: u128,
	received: u128,
	shares: u128,
	/// Upper bound of the account's pro-rata parts of vested revenue and of rounding dust,
	/// scaled by `scale()`.
	entitlement: U512,
}

/// The vault plus an independent ledger of what every account did.
#[derive(Clone, Debug, Default)]
struct World {
	state: VaultState,
	now: u64,
	accounts: [Account; ACCOUNTS],
	injected: u128,
}

fn fraction(amount: u128, permille: u128) -> u128 {
	mul_div(amount, permille, PERMILLE, Rounding::Down).unwrap_or(u128::MAX)
}

/// The rounding a trade can leave behind: below one share (`p`) or below one asset unit.
enum Dust {
	OneShare,
	OneUnit,
}

impl World {
	/// The share price as the fraction `(total_assets + 1, total_shares + 10^6)`.
	fn price(&self) -> (U512, U512) {
		let assets = self.state.total_assets(self.now).unwrap() + 1;
		(wide(assets), wide(self.state.total_shares) + wide(VIRTUAL_SHARES))
	}

	/// Credits every holder with its pro-rata part of a trade's largest possible dust.
	fn share_dust(&mut self, dust: Dust, price_before: (U512, U512)) {
		let (dust_numerator, dust_denominator) = match dust {
			Dust::OneShare => price_before,
			Dust::OneUnit => (U512::one(), U512::one()),
		};
		let shares_after = wide(self.state.total_shares) + wide(VIRTUAL_SHARES);
		for account in &mut self.accounts {
			account.entitlement +=
				scaled_ceil(wide(account.shares) * dust_numerator, dust_denominator * shares_after);
		}
	}

	fn apply(&mut self, op: &Op) {
		let before = self.state.clone();
		let now = self.now;
		let price_before = self.price();
		let outcome = match *op {
			Op::Deposit { who, assets } => self.state.deposit(OFFSET, now, assets).map(|e| {
				self.accounts[who].paid_in += e.assets;
				self.accounts[who].shares += e.shares;
				self.share_dust(Dust::OneShare, price_before);
			}),
			Op::Mint { who, shares } => self.state.mint(OFFSET, now, shares).map(|e| {
				self.accounts[who].paid_in += e.assets;
				self.accounts[who].shares += e.shares;
				self.share_dust(Dust::OneUnit, price_before);
			}),
			Op::Withdraw { who, permille } => {
				let held = self.accounts[who].shares;
				let worth = self.state.convert_to_assets(OFFSET, now, held).unwrap_or(0);
				self.state.withdraw(OFFSET, now, fraction(worth, permille), held).map(|e| {
					self.accounts[who].received += e.assets;
					self.accounts[who].shares -= e.shares;
					self.share_dust(Dust::OneShare, price_before);
				})
			},
			Op::Redeem { who, permille } => {
				let held = self.accounts[who].shares;
				self.state.redeem(OFFSET, now, fraction(held, permille), held).map(|e| {
					self.accounts[who].received += e.assets;
					self.accounts[who].shares -= e.shares;
					self.share_dust(Dust::OneUnit, price_before);
				})
			},
			Op::Inject { amount, period } => {
				let recognised = self.state.total_assets(now).unwrap();
				let result = self.state.inject_revenue(now, amount, period);
				if result.is_ok() {
					self.injected += amount;
				}
				// Injection never moves total assets at the block it happens.
				assert_eq!(self.state.total_assets(now).unwrap(), recognised);
				result
			},
			Op::Advance { blocks } => {
				self.advance(blocks);
				Ok(())
			},
			Op::Deploy { permille } => {
				let liquid = self.state.liquid_assets(now).unwrap();
				self.state.deploy(now, fraction(liquid, permille))
			},
			Op::Recall { permille } => {
				self.state.recall(now, fraction(self.state.deployed_assets, permille))
			},
		};
		if outcome.is_err() {
			assert_eq!(self.state, before, "a failed {op:?} changed the state");
		}
		self.check_invariants();
	}

	/// Lets time pass and credits every holder with its pro-rata part of the revenue that
	/// vested meanwhile.
	fn advance(&mut self, blocks: u64) {
		let before = self.state.total_assets(self.now).unwrap();
		self.now += blocks;
		let after = self.state.total_assets(self.now).unwrap();
		assert!(after >= before, "total assets fell with time");
		let vested = wide(after - before);
		let shares = wide(self.state.total_shares) + wide(VIRTUAL_SHARES);
		for account in &mut self.accounts {
			account.entitlement += scaled_ceil(wide(account.shares) * vested, shares);
		}
	}

	fn check_invariants(&self) {
		let state = &self.state;
		let held: u128 = self.accounts.iter().map(|a| a.shares).sum();
		assert_eq!(held, state.total_shares, "shares are not conserved");

		let paid_in: u128 = self.accounts.iter().map(|a| a.paid_in).sum();
		let received: u128 = self.accounts.iter().map(|a| a.received).sum();
		let holdings = state.idle_assets + state.deployed_assets + state.vesting.amount;
		assert_eq!(paid_in + self.injected - received, holdings, "assets are not conserved");

		let total = state.total_assets(self.now).unwrap();
		let claims: u128 = self
			.accounts
			.iter()
			.map(|a| state.convert_to_assets(OFFSET, self.now, a.shares).unwrap())
			.sum();
		assert!(claims <= total, "insolvent: claims {claims} > assets {total}");

		// Wealth, exactly: received + shares · p <= paid in + entitlement.
		let (price_assets, price_shares) = self.price();
		for (index, account) in self.accounts.iter().enumerate() {
			let holding = wide(account.shares) * price_assets * scale() / price_shares;
			let wealth = wide(account.received) * scale() + holding;
			let bound = wide(account.paid_in) * scale() + account.entitlement;
			assert!(
				wealth <= bound,
				"account {index} is worth {wealth} / 10^30 > paid in + entitlement {bound} / 10^30",
			);
		}
	}

	fn run(ops: &[Op]) -> World {
		let mut world = World::default();
		for op in ops {
			world.apply(op);
		}
		world
	}
}

/// A random reachable state, given by the operations that built it.
fn world(max_ops: usize) -> impl Strategy<Value = Vec<Op>> {
	prop::collection::vec(op(), 1..=max_ops)
}

/// A random reachable state where nothing is deployed and account 0 holds shares.
fn liquid_world_with_holder(max_ops: usize) -> impl Strategy<Value = Vec<Op>> {
	(assets(), prop::collection::vec(liquid_op(), 0..=max_ops)).prop_map(|(first, rest)| {
		let mut ops = vec![Op::Deposit { who: 0, assets: first }];
		ops.extend(rest);
		ops
	})
}

/// Assets `shares` pay out when redeemed now, or 0 when the redemption is refused.
fn exit(state: &mut VaultState, now: u64, shares: u128) -> u128 {
	state.redeem(OFFSET, now, shares, shares).map_or(0, |e| e.assets)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	/// (a) Any sequence of operations by several accounts: no account ends with more than it
	/// put in plus its pro-rata share of vested revenue (plus the documented rounding slack);
	/// tokens and shares are conserved exactly, the vault stays solvent throughout, failed
	/// operations change nothing, and at the end everyone can leave.
	#[test]
	fn no_account_extracts_more_than_it_is_owed(ops in world(40)) {
		let mut world = World::run(&ops);

		// Wind down: let all revenue vest, bring deployed assets home, and let everyone exit.
		world.apply(&Op::Advance { blocks: 1_001 });
		let deployed = world.state.deployed_assets;
		if deployed > 0 {
			world.state.recall(world.now, deployed).unwrap();
		}
		for who in 0..ACCOUNTS {
			let held = world.accounts[who].shares;
			let redeemable = world.state.max_redeem(OFFSET, world.now, held);
			if redeemable > 0 {
				world.apply(&Op::Redeem { who, permille: PERMILLE });
			}
			// Whatever is left is dust worth nothing.
			let left = world.accounts[who].shares;
			prop_assert_eq!(world.state.convert_to_assets(OFFSET, world.now, left), Ok(0));
		}
		world.check_invariants();
		let received: u128 = world.accounts.iter().map(|a| a.received).sum();
		let paid_in: u128 = world.accounts.iter().map(|a| a.paid_in).sum();
		prop_assert!(received <= paid_in + world.injected);
	}

	/// (b) Donating straight into idle assets and leaving at once never pays: exactly, with no
	/// slack, from any reachable state.
	#[test]
	fn donating_then_leaving_never_pays(ops in liquid_world_with_holder(25), donation in assets()) {
		let world = World::run(&ops);
		let donor_shares = world.accounts[0].shares;
		let mut without = world.state.clone();
		let mut with = world.state.clone();
		with.idle_assets += donation;
		let out_without = exit(&mut without, world.now, donor_shares);
		let out_with = exit(&mut with, world.now, donor_shares);
		prop_assert!(
			out_with <= out_without + donation,
			"donating {} paid out {} instead of {}", donation, out_with, out_without
		);
	}

	/// (b) The first-depositor attack in general form: donate, let victims deposit, leave.
	/// Compared with not donating, the donor's exact wealth (shares · price) rises by at most
	/// its pro-rata part of the victims' rounding dust, which is below one share per victim
	/// deposit (with offset 6 a share is worth about 10^-6 units, unless revenue has since
	/// multiplied the price): the donation itself never comes back with a profit. The integer
	/// payouts, each rounded down, differ by at most that bound rounded up.
	#[test]
	fn donation_attack_gains_at_most_the_victims_rounding_dust(
		ops in liquid_world_with_holder(25),
		donation in assets(),
		victims in prop::collection::vec(assets(), 1..=5),
	) {
		let world = World::run(&ops);
		let now = world.now;
		let donor_shares = world.accounts[0].shares;
		let mut without = world.state.clone();
		let mut with = world.state.clone();
		with.idle_assets += donation;

		// Scaled by 10^30: the donor's share of each victim's largest possible dust, one share
		// at the price the victim meets.
		let mut dust_share = U512::zero();
		for &assets in &victims {
			let price_assets = wide(with.total_assets(now).unwrap() + 1);
			let price_shares = wide(with.total_shares + VIRTUAL_SHARES);
			if with.deposit(OFFSET, now, assets).is_ok() {
				let shares_after = wide(with.total_shares + VIRTUAL_SHARES);
				dust_share += scaled_ceil(
					wide(donor_shares) * price_assets,
					price_shares * shares_after,
				);
			}
			let _ = without.deposit(OFFSET, now, assets);
		}

		// Exact wealth, rounded against the claim: floor(with) - donation <= ceil(without) + dust.
		let worth = |state: &VaultState| {
			let assets = wide(state.total_assets(now).unwrap() + 1);
			let shares = wide(state.total_shares + VIRTUAL_SHARES);
			(wide(donor_shares) * assets * scale(), shares)
		};
		let (with_numerator, with_denominator) = worth(&with);
		let (without_numerator, without_denominator) = worth(&without);
		let wealth_with = with_numerator / with_denominator;
		let wealth_without = (without_numerator + without_denominator - 1) / without_denominator;
		prop_assert!(
			wealth_with <= wide(donation) * scale() + wealth_without + dust_share,
			"donating {} raised the donor's wealth beyond the victims' dust", donation
		);

		let dust_units = ((dust_share + scale() - 1) / scale()).as_u128();
		let out_without = exit(&mut without, now, donor_shares);
		let out_with = exit(&mut with, now, donor_shares);
		prop_assert!(
			out_with <= out_without + donation + dust_units,
			"donating {} paid out {} instead of {} (dust bound {})",
			donation, out_with, out_without, dust_units
		);
	}

	/// (c) Between injections, total (and liquid) assets never decrease with time, accruing
	/// at any block changes nothing at that block, and the schedule still ends on time.
	#[test]
	fn vesting_is_monotone_and_accrual_is_neutral(
		ops in world(30),
		steps in prop::collection::vec(0..=400u64, 1..=6),
		accrue_at in prop::collection::vec(any::<bool>(), 6),
	) {
		let world = World::run(&ops);
		let untouched = world.state.clone();
		let mut accrued = world.state.clone();
		let mut now = world.now;
		let mut last_untouched = untouched.total_assets(now).unwrap();
		let mut last_total = last_untouched;
		let mut last_liquid = untouched.liquid_assets(now).unwrap();
		for (step, accrue) in steps.iter().zip(&accrue_at) {
			now += step;
			let total = accrued.total_assets(now).unwrap();
			prop_assert!(total >= last_total);
			let liquid = accrued.liquid_assets(now).unwrap();
			prop_assert!(liquid >= last_liquid);
			let untouched_total = untouched.total_assets(now).unwrap();
			prop_assert!(untouched_total >= last_untouched);
			if *accrue {
				accrued.accrue(now).unwrap();
				prop_assert_eq!(accrued.total_assets(now).unwrap(), total);
				prop_assert_eq!(accrued.liquid_assets(now).unwrap(), liquid);
			}
			last_total = total;
			last_liquid = liquid;
			last_untouched = untouched_total;
		}
		let end = untouched.vesting.end();
		prop_assert_eq!(accrued.total_assets(end).unwrap(), untouched.total_assets(end).unwrap());
		let everything =
			untouched.idle_assets + untouched.deployed_assets + untouched.vesting.amount;
		prop_assert_eq!(untouched.total_assets(end).unwrap(), everything);
	}

	/// (c) Depositing right before an injection and redeeming `d` blocks later earns at most
	/// the pro-rata share of what vested in those `d` blocks; in the same block, nothing.
	#[test]
	fn injection_sandwich_earns_only_what_vests_while_staked(
		ops in liquid_world_with_holder(25),
		stake in assets(),
		revenue in assets(),
		period in 1..=1_000u64,
		wait in 0..=1_200u64,
	) {
		let world = World::run(&ops);
		let now = world.now;
		let mut state = world.state.clone();
		let Ok(staked) = state.deposit(OFFSET, now, stake) else { return Ok(()) };
		if state.inject_revenue(now, revenue, period).is_err() {
			return Ok(());
		}
		let supply = state.total_shares;
		let recognised = state.total_assets(now).unwrap();
		let vested = state.total_assets(now + wait).unwrap() - recognised;
		let out = exit(&mut state, now + wait, staked.shares);
		let earned_bound = mul_div(vested, staked.shares, supply, Rounding::Down).unwrap();
		prop_assert!(
			out <= stake + earned_bound,
			"out {} > stake {} + {}", out, stake, earned_bound
		);
		if wait == 0 {
			prop_assert!(out <= stake);
		}
	}

	/// (d) The withdrawal queue is served strictly in order, only when matured, each fill is
	/// a redemption (or, for the last partial one, a withdrawal of all remaining liquidity)
	/// at the price of its moment, and the run stops only for a reason.
	#[test]
	fn withdrawal_queue_fills_are_fifo_redemptions(
		ops in world(30),
		picks in prop::collection::vec((0..ACCOUNTS, 1..=PERMILLE, 0..=50u64), 0..=8),
		cooldown in 0..=200u64,
		wait in 0..=300u64,
		payout_permille in prop_oneof![Just(None), (0..=1_200u128).prop_map(Some)],
	) {
		let world = World::run(&ops);
		// Queue parts of the holders' shares, oldest first.
		let mut free = world.accounts.clone().map(|a| a.shares);
		let mut queue = Vec::new();
		let mut requested_at = world.now.saturating_sub(300);
		for (id, &(who, permille, gap)) in picks.iter().enumerate() {
			let shares = fraction(free[who], permille);
			free[who] -= shares;
			requested_at += gap;
			queue.push(WithdrawalRequest { id: id as u64, owner: who, shares, requested_at });
		}
		let now = world.now + wait;
		let max_payout = payout_permille
			.map_or(u128::MAX, |p| fraction(world.state.liquid_assets(now).unwrap(), p));

		let mut state = world.state.clone();
		let fills: Vec<Fill> =
			state.process_withdrawal_queue(OFFSET, now, cooldown, max_payout, &queue).unwrap();

		let mut replay = world.state.clone();
		replay.accrue(now).unwrap();
		let mut budget = max_payout.min(replay.idle_assets);
		for (index, fill) in fills.iter().enumerate() {
			let request = &queue[index];
			prop_assert_eq!(fill.id, request.id);
			prop_assert!(request.is_matured(now, cooldown));
			prop_assert_eq!(fill.shares_burned + fill.remaining_shares, request.shares);
			let full_value = replay.preview_redeem(OFFSET, now, request.shares).unwrap();
			if full_value <= budget {
				prop_assert_eq!(
					(fill.shares_burned, fill.assets_paid),
					(request.shares, full_value)
				);
			} else {
				prop_assert_eq!(fill.assets_paid, budget);
				let needed = replay.preview_withdraw(OFFSET, now, budget).unwrap();
				prop_assert_eq!(fill.shares_burned, needed.min(request.shares));
			}
			if fill.remaining_shares > 0 {
				prop_assert_eq!(index + 1, fills.len(), "a partial fill must end the run");
			}
			replay.idle_assets -= fill.assets_paid;
			replay.total_shares -= fill.shares_burned;
			budget -= fill.assets_paid;
		}
		prop_assert_eq!(&replay, &state);
		let paid: u128 = fills.iter().map(|f| f.assets_paid).sum();
		prop_assert!(paid <= max_payout);

		if let Some(next) = queue.get(fills.len()) {
			let ended_partially = fills.last().is_some_and(|f| f.remaining_shares > 0);
			let young = !next.is_matured(now, cooldown);
			let dry = budget == 0 && state.preview_redeem(OFFSET, now, next.shares).unwrap() > 0;
			prop_assert!(ended_partially || young || dry, "the run stopped for no reason");
		}
	}
}

/// A random state straight from its fields, covering the whole `u128` range but keeping the
/// invariants every transition maintains (`total_assets + 1` and `shares + 10^6` fit).
fn raw_state() -> impl Strategy<Value = (VaultState, u64)> {
	let magnitude = || {
		prop_oneof![
			Just(0u128),
			1u128..=1_000_000,
			1u128..=10u128.pow(24),
			any::<u128>().prop_map(|v| v >> 2),
		]
	};
	(magnitude(), magnitude(), magnitude(), magnitude(), 0..=100u64, 0..=100u64, 0..=200u64)
		.prop_map(|(total_shares, idle_assets, deployed_assets, amount, start, period, now)| {
			let state = VaultState {
				total_shares,
				idle_assets,
				deployed_assets,
				vesting: Vesting { amount, start, period },
			};
			(state, now)
		})
		.prop_filter("totals must fit", |(state, _)| {
			state.total_shares <= u128::MAX - VIRTUAL_SHARES
				&& state.idle_assets + state.deployed_assets + state.vesting.amount < u128::MAX
		})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	/// Every `max_*` is exact: the operation succeeds at the maximum and fails one above it.
	#[test]
	fn limits_are_exact((state, now) in raw_state(), owner_permille in 0..=PERMILLE) {
		let owner = fraction(state.total_shares, owner_permille);

		let max = state.max_deposit(OFFSET, now);
		if max > 0 {
			prop_assert!(state.clone().deposit(OFFSET, now, max).is_ok());
		}
		if max < u128::MAX {
			prop_assert!(state.clone().deposit(OFFSET, now, max + 1).is_err());
		}

		let max = state.max_mint(OFFSET, now);
		if max > 0 {
			prop_assert!(state.clone().mint(OFFSET, now, max).is_ok());
		}
		if max < u128::MAX {
			prop_assert!(state.clone().mint(OFFSET, now, max + 1).is_err());
		}

		let max = state.max_withdraw(OFFSET, now, owner);
		if max > 0 {
			prop_assert!(state.clone().withdraw(OFFSET, now, max, owner).is_ok());
		}
		prop_assert!(state.clone().withdraw(OFFSET, now, max + 1, owner).is_err());

		let max = state.max_redeem(OFFSET, now, owner);
		prop_assert!(max <= owner);
		if max > 0 {
			prop_assert!(state.clone().redeem(OFFSET, now, max, owner).is_ok());
		}
		if max < owner {
			prop_assert!(state.clone().redeem(OFFSET, now, max + 1, owner).is_err());
		}
	}

	/// Previews predict the state transitions exactly, and round the right way.
	#[test]
	fn previews_are_exact_and_favour_the_vault(
		(state, now) in raw_state(),
		amount in prop_oneof![assets(), shares(), any::<u128>()],
	) {
		let deposit = state.clone().deposit(OFFSET, now, amount);
		if let Ok(exchange) = deposit {
			prop_assert_eq!(state.preview_deposit(OFFSET, now, amount), Ok(exchange.shares));
			prop_assert!(state.preview_mint(OFFSET, now, exchange.shares).unwrap() <= amount);
		}
		let mint = state.clone().mint(OFFSET, now, amount);
		if let Ok(exchange) = mint {
			prop_assert_eq!(state.preview_mint(OFFSET, now, amount), Ok(exchange.assets));
			prop_assert!(state.preview_redeem(OFFSET, now, amount).unwrap() <= exchange.assets);
		}
		let withdraw = state.clone().withdraw(OFFSET, now, amount, u128::MAX);
		if let Ok(exchange) = withdraw {
			prop_assert_eq!(state.preview_withdraw(OFFSET, now, amount), Ok(exchange.shares));
			prop_assert!(state.preview_deposit(OFFSET, now, amount).unwrap() <= exchange.shares);
		}
		let redeem = state.clone().redeem(OFFSET, now, amount, u128::MAX);
		if let Ok(exchange) = redeem {
			prop_assert_eq!(state.preview_redeem(OFFSET, now, amount), Ok(exchange.assets));
			prop_assert!(state.preview_withdraw(OFFSET, now, exchange.assets).unwrap() <= amount);
		}
		// Conversions round down, so they sit between the rounding-down and rounding-up previews.
		let assets_down = state.convert_to_assets(OFFSET, now, amount);
		if let (Ok(down), Ok(up)) = (assets_down, state.preview_mint(OFFSET, now, amount)) {
			prop_assert!(down <= up && up - down <= 1);
		}
		let shares_down = state.convert_to_shares(OFFSET, now, amount);
		if let (Ok(down), Ok(up)) = (shares_down, state.preview_withdraw(OFFSET, now, amount)) {
			prop_assert!(down <= up && up - down <= 1);
		}
	}
}
