//! Per-period tallies and per-slot uptime history.
//!
//! During a period every accepted report adds one vote to each slot it marks live
//! ([`add_vote`]); when the period closes a slot is decided live iff its votes reach the quorum
//! ([`decide`]) and the decision is pushed into the slot's [`SlotRecord`], a 64-period sliding
//! window from which uptime is read.

use crate::traits::Uptime;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Length of the uptime window, in periods.
pub const WINDOW: u8 = 64;

/// Adds one vote to a counter (saturating: there are never more than 255 probers a slot).
pub fn add_vote(counter: &mut u8) {
	*counter = counter.saturating_add(1);
}

/// Whether `votes` reach `quorum`.
pub fn decide(votes: u8, quorum: u32) -> bool {
	u32::from(votes) >= quorum
}

/// What a period's decision did to a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
	/// Nothing to announce.
	Unchanged,
	/// First live decision since monitoring started: the GPU is reachable.
	FirstLive,
	/// The GPU reached the allowed number of consecutive misses.
	Unresponsive,
}

/// The liveness history of the GPU in a slot.
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
pub struct SlotRecord {
	/// The GPU in the slot.
	pub gpu: u64,
	/// First period in which the GPU is judged (monitoring started in the period before).
	pub since_period: u32,
	/// Decisions of the last `observed` periods, most recent = bit 0, live = 1.
	pub bits: u64,
	/// Periods decided, capped at [`WINDOW`].
	pub observed: u8,
	/// Consecutive periods decided not live, up to now.
	pub consecutive_misses: u8,
	/// Whether a live decision was already announced to the registry.
	pub announced_live: bool,
}

impl SlotRecord {
	/// A fresh record for `gpu`, judged from `since_period` on.
	pub fn new(gpu: u64, since_period: u32) -> Self {
		Self {
			gpu,
			since_period,
			bits: 0,
			observed: 0,
			consecutive_misses: 0,
			announced_live: false,
		}
	}

	/// Records the decision of one period; `max_missed` consecutive misses make the GPU
	/// unresponsive.
	pub fn push(&mut self, live: bool, max_missed: u8) -> Outcome {
		self.bits = (self.bits << 1) | u64::from(live);
		self.observed = self.observed.saturating_add(1).min(WINDOW);
		if live {
			self.consecutive_misses = 0;
			if !self.announced_live {
				self.announced_live = true;
				return Outcome::FirstLive;
			}
			Outcome::Unchanged
		} else {
			self.consecutive_misses = self.consecutive_misses.saturating_add(1);
			if self.consecutive_misses >= max_missed {
				Outcome::Unresponsive
			} else {
				Outcome::Unchanged
			}
		}
	}

	/// The decisions inside the window.
	fn window_bits(&self) -> u64 {
		if self.observed >= WINDOW {
			self.bits
		} else {
			self.bits & ((1u64 << self.observed) - 1)
		}
	}

	/// Live periods out of observed periods in the window.
	pub fn uptime(&self) -> Uptime {
		Uptime { live: self.window_bits().count_ones(), observed: u32::from(self.observed) }
	}

	/// Internal consistency (for `try_state`): the misses match the latest bits.
	pub fn is_consistent(&self) -> bool {
		let observed = u32::from(self.observed);
		let trailing_misses = self.window_bits().trailing_zeros().min(observed);
		self.observed <= WINDOW
			&& trailing_misses == u32::from(self.consecutive_misses).min(observed)
			&& (self.window_bits() == 0 || self.announced_live)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn tally_decides_by_quorum() {
		let mut c = 0u8;
		add_vote(&mut c);
		assert!(!decide(c, 2));
		add_vote(&mut c);
		assert!(decide(c, 2));
		let mut full = u8::MAX;
		add_vote(&mut full);
		assert_eq!(full, u8::MAX);
	}

	#[test]
	fn push_tracks_misses_and_first_live() {
		let mut r = SlotRecord::new(7, 3);
		assert_eq!(r.push(false, 3), Outcome::Unchanged);
		assert_eq!(r.push(true, 3), Outcome::FirstLive);
		assert_eq!(r.push(true, 3), Outcome::Unchanged);
		assert_eq!(r.push(false, 3), Outcome::Unchanged);
		assert_eq!(r.push(false, 3), Outcome::Unchanged);
		assert_eq!(r.push(false, 3), Outcome::Unresponsive);
		assert_eq!(r.consecutive_misses, 3);
		assert_eq!(r.uptime(), Uptime { live: 2, observed: 6 });
		assert!(r.is_consistent());
	}

	#[test]
	fn window_slides() {
		let mut r = SlotRecord::new(1, 0);
		for _ in 0..100 {
			r.push(true, 3);
		}
		assert_eq!(r.uptime(), Uptime { live: 64, observed: 64 });
		for _ in 0..10 {
			r.push(false, 255);
		}
		assert_eq!(r.uptime(), Uptime { live: 54, observed: 64 });
		assert!(r.is_consistent());
		assert_eq!(SlotRecord::new(1, 0).uptime(), Uptime { live: 0, observed: 0 });
	}

	proptest! {
		#[test]
		fn uptime_matches_last_window(decisions in proptest::collection::vec(any::<bool>(), 0..200)) {
			let mut r = SlotRecord::new(1, 0);
			for &d in &decisions { r.push(d, u8::MAX); }
			let tail: Vec<bool> = decisions.iter().rev().take(64).copied().collect();
			prop_assert_eq!(r.uptime(), Uptime {
				live: tail.iter().filter(|&&d| d).count() as u32,
				observed: tail.len() as u32,
			});
			let misses = decisions.iter().rev().take_while(|&&d| !d).count().min(255);
			prop_assert_eq!(r.consecutive_misses as usize, misses);
			prop_assert!(r.is_consistent());
		}
	}
}
