//! The referendum tracks: who decides what, with which deposits, periods and curves.
//!
//! | id | track | origin | decides |
//! |----|-------|--------|---------|
//! | 0 | `root` | Root | runtime upgrades, anything |
//! | 1 | `whitelisted_caller` | WhitelistedCaller | calls the technical committee whitelisted (fast track) |
//! | 2 | `validator_admin` | ValidatorAdmin | the validator set |
//! | 3 | `gpu_admin` | GpuAdmin | GPU catalogue, revenue shares, liveness and proof-of-GPU parameters |
//! | 4 | `vault_admin` | VaultAdmin | AID collateral, caps, fees, allow-list, vault, GPU deals |
//! | 5 | `subnets_admin` | SubnetsAdmin | subnet bounds and emission |
//! | 6 | `treasurer` | Treasurer | treasury spends in HLX and assets (AID) |
//!
//! Periods are in blocks of 3 s and divided by the chain's
//! [`TrackTimeDivisor`](super::origins::TrackTimeDivisor) (1 in production).

use super::origins::{Origin, TrackTimeDivisor};
use crate::{currency::UNIT, time::*, Balance, BlockNumber, Runtime, RuntimeOrigin};
use alloc::borrow::Cow;
use pallet_referenda::{Curve, Track, TrackInfo};
use sp_runtime::{str_array as s, Perbill};

/// Track ids.
pub mod ids {
	pub const ROOT: u16 = 0;
	pub const WHITELISTED_CALLER: u16 = 1;
	pub const VALIDATOR_ADMIN: u16 = 2;
	pub const GPU_ADMIN: u16 = 3;
	pub const VAULT_ADMIN: u16 = 4;
	pub const SUBNETS_ADMIN: u16 = 5;
	pub const TREASURER: u16 = 6;
}

const fn linear(floor: u32, ceil: u32) -> Curve {
	Curve::LinearDecreasing {
		length: Perbill::from_percent(100),
		floor: Perbill::from_percent(floor),
		ceil: Perbill::from_percent(ceil),
	}
}

/// Approval starts at 100% and may fall to 50% (simple majority) by the end of the decision
/// period; support (aye turnout over total issuance) falls from `ceil`% to `floor`%.
#[allow(clippy::too_many_arguments)]
const fn track(
	id: u16,
	name: [u8; 25],
	max_deciding: u32,
	decision_deposit: Balance,
	prepare_period: BlockNumber,
	decision_period: BlockNumber,
	confirm_period: BlockNumber,
	min_enactment_period: BlockNumber,
	support: (u32, u32),
) -> Track<u16, Balance, BlockNumber> {
	Track {
		id,
		info: TrackInfo {
			name,
			max_deciding,
			decision_deposit,
			prepare_period,
			decision_period,
			confirm_period,
			min_enactment_period,
			min_approval: linear(50, 100),
			min_support: linear(support.0, support.1),
		},
	}
}

/// The tracks with production periods (before the divisor).
static TRACKS: [Track<u16, Balance, BlockNumber>; 7] = [
	track(ids::ROOT, s("root"), 1, 100_000 * UNIT, 2 * HOURS, 14 * DAYS, DAYS, DAYS, (5, 50)),
	track(
		ids::WHITELISTED_CALLER,
		s("whitelisted_caller"),
		10,
		10_000 * UNIT,
		30 * MINUTES,
		14 * DAYS,
		10 * MINUTES,
		10 * MINUTES,
		(1, 20),
	),
	track(
		ids::VALIDATOR_ADMIN,
		s("validator_admin"),
		10,
		10_000 * UNIT,
		2 * HOURS,
		14 * DAYS,
		3 * HOURS,
		10 * MINUTES,
		(2, 50),
	),
	track(
		ids::GPU_ADMIN,
		s("gpu_admin"),
		10,
		5_000 * UNIT,
		HOURS,
		7 * DAYS,
		3 * HOURS,
		HOURS,
		(1, 50),
	),
	track(
		ids::VAULT_ADMIN,
		s("vault_admin"),
		10,
		10_000 * UNIT,
		2 * HOURS,
		14 * DAYS,
		DAYS,
		HOURS,
		(2, 50),
	),
	track(
		ids::SUBNETS_ADMIN,
		s("subnets_admin"),
		10,
		5_000 * UNIT,
		HOURS,
		7 * DAYS,
		3 * HOURS,
		HOURS,
		(1, 50),
	),
	track(
		ids::TREASURER,
		s("treasurer"),
		10,
		10_000 * UNIT,
		2 * HOURS,
		14 * DAYS,
		DAYS,
		DAYS,
		(2, 50),
	),
];

/// The runtime's [`pallet_referenda::TracksInfo`].
pub struct TracksInfo;

impl pallet_referenda::TracksInfo<Balance, BlockNumber> for TracksInfo {
	type Id = u16;
	type RuntimeOrigin = <RuntimeOrigin as frame_support::traits::OriginTrait>::PalletsOrigin;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<Self::Id, Balance, BlockNumber>>> {
		let divisor = TrackTimeDivisor::<Runtime>::get().max(1);
		TRACKS.iter().map(move |t| {
			if divisor == 1 {
				return Cow::Borrowed(t);
			}
			let scale = |b: BlockNumber| (b / divisor).max(1);
			let mut t = t.clone();
			t.info.prepare_period = scale(t.info.prepare_period);
			t.info.decision_period = scale(t.info.decision_period);
			t.info.confirm_period = scale(t.info.confirm_period);
			t.info.min_enactment_period = scale(t.info.min_enactment_period);
			Cow::Owned(t)
		})
	}

	fn track_for(origin: &Self::RuntimeOrigin) -> Result<Self::Id, ()> {
		if let Ok(system) = frame_system::RawOrigin::try_from(origin.clone()) {
			return match system {
				frame_system::RawOrigin::Root => Ok(ids::ROOT),
				_ => Err(()),
			};
		}
		match Origin::try_from(origin.clone()) {
			Ok(Origin::WhitelistedCaller) => Ok(ids::WHITELISTED_CALLER),
			Ok(Origin::ValidatorAdmin) => Ok(ids::VALIDATOR_ADMIN),
			Ok(Origin::GpuAdmin) => Ok(ids::GPU_ADMIN),
			Ok(Origin::VaultAdmin) => Ok(ids::VAULT_ADMIN),
			Ok(Origin::SubnetsAdmin) => Ok(ids::SUBNETS_ADMIN),
			Ok(Origin::Treasurer) => Ok(ids::TREASURER),
			Err(_) => Err(()),
		}
	}
}
