//! Filling the FIFO withdrawal queue from the vault's liquid assets.

use alloc::vec::Vec;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::math::Rounding;
use crate::vault::DecimalsOffset;
use crate::{VaultError, VaultState};

/// A holder's request to exit `shares` through the queue, made at block `requested_at`.
///
/// The shares stay in [`VaultState::total_shares`] (locked by a hold, not transferred) until the
/// request is filled, so they keep sharing gains and losses until they are burned at the price
/// of the block that fills them.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct WithdrawalRequest<Owner> {
	/// Identifier, unique and increasing in queue order.
	pub id: u64,
	/// Who receives the assets.
	pub owner: Owner,
	/// Shares still waiting to be redeemed.
	pub shares: u128,
	/// Block at which the request entered the queue.
	pub requested_at: u64,
}

impl<Owner> WithdrawalRequest<Owner> {
	/// First block at which the request may be filled (saturating at `u64::MAX`).
	pub fn matures_at(&self, cooldown: u64) -> u64 {
		self.requested_at.saturating_add(cooldown)
	}

	/// Whether the cooldown has passed at block `now`.
	pub fn is_matured(&self, now: u64, cooldown: u64) -> bool {
		now >= self.matures_at(cooldown)
	}
}

/// One request served (in full or in part) by
/// [`VaultState::process_withdrawal_queue`].
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
pub struct Fill {
	/// The request's [`id`](WithdrawalRequest::id).
	pub id: u64,
	/// Shares to burn from the request's hold.
	pub shares_burned: u128,
	/// Assets to pay to the request's owner.
	pub assets_paid: u128,
	/// Shares left in the request; `0` means it is complete and leaves the queue.
	pub remaining_shares: u128,
}

impl VaultState {
	/// Serves the withdrawal queue at block `now` and applies the result to the state.
	///
	/// `queue` yields the pending requests oldest first (take only as many as the block can
	/// afford to process). Requests are served strictly in that order:
	///
	/// * a request is served only once matured (`requested_at + cooldown <= now`); the first
	///   one that is not stops the run, since every later one is younger;
	/// * each is redeemed at the share price of the moment it is served (the price after the
	///   previous fills, which rounding can only have raised), paying `floor(value)`;
	/// * payouts come from idle assets, and at most `max_payout` in total;
	/// * when the remaining liquidity cannot cover a request, it is filled partially: all the
	///   remaining liquidity is paid out and the fewest shares worth it are burned (rounded up,
	///   as in [`withdraw`](VaultState::withdraw)); the rest stays queued and the run stops.
	///   With no liquidity left, no partial fill is made;
	/// * a request whose shares are worth less than one unit of assets is completed paying
	///   `0`, so dust can never block the head of the queue.
	///
	/// Returns one [`Fill`] per request served. The caller burns `shares_burned` from the
	/// request's hold, pays `assets_paid`, and removes the request when `remaining_shares` is
	/// zero. On `Err` (a request holding more shares than exist, or arithmetic overflow) the
	/// state is left unchanged.
	pub fn process_withdrawal_queue<'a, Owner, Requests>(
		&mut self,
		offset: DecimalsOffset,
		now: u64,
		cooldown: u64,
		max_payout: u128,
		queue: Requests,
	) -> Result<Vec<Fill>, VaultError>
	where
		Owner: 'a,
		Requests: IntoIterator<Item = &'a WithdrawalRequest<Owner>>,
	{
		let mut next = self.accrued(now)?;
		let mut budget = max_payout.min(next.idle_assets);
		let mut fills = Vec::new();

		for request in queue {
			if !request.is_matured(now, cooldown) {
				break;
			}
			if request.shares > next.total_shares {
				return Err(VaultError::InsufficientShares);
			}
			let price = next.price(offset, now)?;
			let full_value = price.assets_for(request.shares, Rounding::Down)?;
			let (shares_burned, assets_paid) = if full_value <= budget {
				(request.shares, full_value)
			} else {
				// Pay out the whole remaining budget and burn the fewest shares worth it, rounded
				// up as in `withdraw`: the owner gives up less than one share to rounding, where
				// burning the most shares that still round down to the budget would cost up to
				// one unit of assets. All the request's shares are worth more than the budget, so
				// the clamp only bites when a single share is worth more than one asset unit.
				let shares = price.shares_for(budget, Rounding::Up)?.min(request.shares);
				if shares == 0 {
					// No liquidity left to pay anything.
					break;
				}
				(shares, budget)
			};
			let partial = shares_burned < request.shares;
			next.debit(assets_paid, shares_burned)?;
			budget = budget.saturating_sub(assets_paid);
			fills.push(Fill {
				id: request.id,
				shares_burned,
				assets_paid,
				remaining_shares: request.shares.saturating_sub(shares_burned),
			});
			if partial {
				break;
			}
		}

		*self = next;
		Ok(fills)
	}
}
