//! Linear vesting of injected revenue.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::math::{mul_div, Rounding};

/// A linear release schedule: `amount` assets are recognised evenly over the `period` blocks
/// starting at block `start`.
///
/// The assets are already held by the vault; the schedule only decides how much of them counts
/// towards [`VaultState::total_assets`](crate::VaultState::total_assets) at a given block. The
/// vested part is rounded *down*, so revenue is never recognised ahead of schedule.
///
/// A schedule with `period == 0` is fully vested at every block.
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
pub struct Vesting {
	/// Assets released by this schedule over its whole period.
	pub amount: u128,
	/// Block at which the release starts.
	pub start: u64,
	/// Number of blocks over which `amount` is released.
	pub period: u64,
}

impl Vesting {
	/// First block at which the whole `amount` is vested (saturating at `u64::MAX`).
	pub fn end(&self) -> u64 {
		self.start.saturating_add(self.period)
	}

	/// The part of `amount` released by block `now`: `amount · (now - start) / period`,
	/// rounded down, clamped to `0..=amount`. Blocks before `start` count as no time elapsed.
	pub fn vested_at(&self, now: u64) -> u128 {
		let elapsed = now.saturating_sub(self.start);
		if elapsed >= self.period {
			return self.amount;
		}
		// Here `elapsed < period`, so the quotient is below `amount` and cannot overflow; the
		// fallback only keeps this function panic-free and errs towards not recognising revenue.
		mul_div(self.amount, u128::from(elapsed), u128::from(self.period), Rounding::Down)
			.unwrap_or(0)
	}

	/// The part of `amount` not yet released at block `now`.
	pub fn unvested_at(&self, now: u64) -> u128 {
		self.amount.saturating_sub(self.vested_at(now))
	}

	/// Splits the schedule at block `now` into the part already vested and a schedule for the
	/// rest that starts at `now` and ends at the same block as `self` (or, once everything has
	/// vested, the same dates with nothing left to release).
	///
	/// Restarting like this keeps the amount recognised at `now` unchanged and the release
	/// continuous (the remaining schedule starts at zero vested), so it can be done at any block
	/// without the vault's total assets jumping.
	pub fn split_at(&self, now: u64) -> (u128, Vesting) {
		let elapsed = now.saturating_sub(self.start);
		if elapsed >= self.period {
			// Fully vested: nothing remains; the finished schedule's dates are kept as a record.
			return (self.amount, Vesting { amount: 0, ..*self });
		}
		if elapsed == 0 {
			return (0, *self);
		}
		let vested = self.vested_at(now);
		let remaining = Vesting {
			amount: self.amount.saturating_sub(vested),
			start: now,
			// `elapsed < period` here.
			period: self.period.saturating_sub(elapsed),
		};
		(vested, remaining)
	}
}
