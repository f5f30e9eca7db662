//! # Heliox vault share math
//!
//! Pure, deterministic accounting for **sAID**, Heliox's ERC-4626-style vault: holders deposit
//! AID (the *asset*) and receive sAID (the *shares*); the vault lends assets out, earns
//! revenue, and pays holders back through a FIFO withdrawal queue. This crate holds no
//! balances and touches no storage: a pallet keeps a [`VaultState`] in storage, moves tokens,
//! and asks this crate how many shares or assets each operation is worth.
//!
//! ## Terminology
//!
//! * **Assets**: units of AID, as `u128`.
//! * **Shares**: units of sAID, as `u128`. A share is a claim on a pro-rata part of the
//!   vault's total assets.
//! * **Idle assets**: AID held by the vault and available to pay withdrawals.
//! * **Deployed assets**: AID lent out (GPU loans, revenue-share agreements), counted at book
//!   value until returned ([`VaultState::recall`]) or lost ([`VaultState::write_down`]).
//! * **Total assets** at block `now`: idle + deployed + the vested part of injected revenue
//!   ([`VaultState::total_assets`]).
//! * **Share price**: total assets per share, with the virtual offset below.
//!
//! ## Virtual shares and the donation attack
//!
//! A naive vault prices shares as `total_assets / total_shares`. Its first depositor can
//! deposit 1 unit, transfer ("donate") a large amount directly to the vault to inflate the
//! price, and let the next depositor's shares round down to nearly nothing, then take the
//! victim's deposit. This vault prices every conversion as if `10^offset` extra shares and
//! one extra unit of assets always existed:
//!
//! ```text
//! shares = assets · (total_shares + 10^offset) / (total_assets + 1)
//! assets = shares · (total_assets + 1) / (total_shares + 10^offset)
//! ```
//!
//! The virtual shares own part of any donation, so a donor always gives most of it away,
//! while a victim's rounding loss is at most one share, which the offset makes worth about
//! `10^-offset` of an asset unit. The offset is a [`DecimalsOffset`] (default 6 digits),
//! passed to every pricing call; a vault must use the same offset for its whole life.
//!
//! Whether a raw transfer to the vault's account counts at all is the pallet's choice: when
//! `idle_assets` is kept in storage rather than read from the account balance, a donation is
//! simply not seen; when it is added to `idle_assets`, the offset makes it a loss for the donor.
//!
//! ## Rounding
//!
//! Every division rounds in the vault's favour, that is, in favour of the holders who stay:
//! what the vault hands out is rounded down and what it asks for is rounded up
//! ([`Rounding`]):
//!
//! | operation | caller fixes | vault computes | rounding |
//! |-----------|--------------|----------------|----------|
//! | [`deposit`](VaultState::deposit), [`preview_deposit`](VaultState::preview_deposit) | assets in | shares minted | down |
//! | [`mint`](VaultState::mint), [`preview_mint`](VaultState::preview_mint) | shares minted | assets in | up |
//! | [`withdraw`](VaultState::withdraw), [`preview_withdraw`](VaultState::preview_withdraw) | assets out | shares burned | up |
//! | [`redeem`](VaultState::redeem), [`preview_redeem`](VaultState::preview_redeem) | shares burned | assets out | down |
//! | [`convert_to_shares`](VaultState::convert_to_shares), [`convert_to_assets`](VaultState::convert_to_assets) | | | down |
//!
//! Products are computed in 256 bits ([`mul_div`]), so only a result that does not fit in
//! `u128` fails. Previews ignore limits (liquidity, the owner's balance); the `max_*`
//! functions never fail and return exactly the largest amount the matching operation accepts
//! (no off-by-one dust, no revert at the maximum).
//!
//! ## Revenue vesting
//!
//! Revenue (loan interest, GPU revenue shares) is transferred to the vault and recorded with
//! [`VaultState::inject_revenue`] (or [`VaultState::inject_revenue_with_fee`]). It is not
//! counted at once: it vests linearly over a period of blocks ([`Vesting`]) and only the
//! vested part is in total assets. A deposit placed just before an injection therefore earns
//! only its pro-rata share of what vests while it stays, like everyone else.
//!
//! The state keeps a single schedule. Each state transition first *accrues*: the part vested
//! by `now` moves into idle assets and the schedule restarts at `now` with the unvested
//! remainder and the same end block. This keeps total assets at `now` unchanged and makes the
//! vested revenue payable. A new injection rolls the unvested remainder into the new schedule
//! `{ remainder + amount, start: now, period }`, so recognised revenue never jumps.
//!
//! ## Withdrawal queue
//!
//! Holders exit through a FIFO queue of [`WithdrawalRequest`]s. Queued shares are locked (a
//! hold) but still exist, so they keep sharing gains and losses. Once a request's cooldown
//! has passed, [`VaultState::process_withdrawal_queue`] redeems it at the current price from
//! idle assets: in full if liquidity allows, otherwise partially (all remaining liquidity is
//! paid and the fewest shares worth it are burned, the rest stays queued), and it stops at the
//! first request that is not yet matured or when liquidity runs out. A matured request worth
//! less than one asset unit is completed paying nothing, so dust never blocks the queue.
//!
//! ## Performance fee
//!
//! [`split_performance_fee`] divides revenue between the holders and the treasury, the fee
//! rounded down (in the holders' favour); [`VaultState::inject_revenue_with_fee`] injects
//! the holders' part.
//!
//! ## Revenue sources
//!
//! [`RevenueSink`] is the FRAME-free interface a revenue source (the GPU registry) calls to
//! pay a vault; a pallet implements it by taking the payment and calling
//! [`VaultState::inject_revenue_with_fee`].
//!
//! ## Failures and invariants
//!
//! Nothing here panics. Fallible functions return [`VaultError`], and a state transition
//! that fails leaves the state untouched. The transitions keep `total_assets + 1` and
//! `total_shares + 10^offset` representable in `u128`, and with vault-favouring rounding the
//! holders' claims never exceed the total assets: the vault stays solvent.
//!
//! ## Example
//!
//! ```
//! use heliox_vault::{DecimalsOffset, VaultState};
//!
//! let offset = DecimalsOffset::DEFAULT;
//! let mut vault = VaultState::default();
//!
//! // Block 10: Alice deposits 1_000 units and receives 1_000 · 10^6 shares.
//! let alice = vault.deposit(offset, 10, 1_000)?;
//! assert_eq!(alice.shares, 1_000_000_000);
//!
//! // 100 units of revenue arrive at block 20, vesting over 100 blocks.
//! vault.inject_revenue(20, 100, 100)?;
//! assert_eq!(vault.total_assets(20)?, 1_000);
//! assert_eq!(vault.total_assets(70)?, 1_050);
//!
//! // At block 120 everything has vested; Alice redeems and gets the revenue, less the part
//! // owned by the virtual shares and rounding.
//! let paid = vault.redeem(offset, 120, alice.shares, alice.shares)?;
//! assert_eq!(paid.assets, 1_099);
//! # Ok::<(), heliox_vault::VaultError>(())
//! ```

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
// The runtime must never panic on vault math: no unchecked arithmetic, indexing or unwrapping
// outside tests.
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

extern crate alloc;

mod error;
mod fee;
mod math;
mod queue;
mod sink;
mod vault;
mod vesting;

pub use error::VaultError;
pub use fee::{split_performance_fee, FeeSplit, PARTS_PER_MILLION};
pub use math::{mul_div, Rounding};
pub use queue::{Fill, WithdrawalRequest};
pub use sink::{RevenueError, RevenueSink};
pub use vault::{DecimalsOffset, Exchange, VaultState};
pub use vesting::Vesting;

#[cfg(test)]
mod tests;
