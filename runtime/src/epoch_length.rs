//! The length of a BABE epoch (= a session) of this chain, fixed at genesis.
//!
//! Production chains keep [`crate::time::EPOCH_DURATION_IN_SLOTS`] (10 minutes). A test network
//! may shorten it in its genesis preset so that validator-set changes — which take effect two
//! session rotations after governance decides them — can be watched in a few minutes (the
//! `local` preset: 1-minute sessions). Nothing can change it afterwards: BABE and its client
//! compute epoch boundaries from it, so a later change would fork the epoch schedule.

pub use pallet_epoch_length::*;

#[frame_support::pallet]
pub mod pallet_epoch_length {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Slots per BABE epoch, when genesis set it; `None`: the runtime's
	/// [`crate::time::EPOCH_DURATION_IN_SLOTS`]. Only genesis writes it.
	#[pallet::storage]
	pub type EpochSlots<T> = StorageValue<_, u64, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// See [`EpochSlots`]; `None` or 0: the runtime's default.
		pub epoch_slots: Option<u64>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(slots) = self.epoch_slots.filter(|s| *s > 0) {
				EpochSlots::<T>::put(slots);
			}
		}
	}
}

/// `pallet_babe::Config::EpochDuration`: the genesis length, else the runtime's default.
pub struct EpochDuration;

impl frame_support::traits::Get<u64> for EpochDuration {
	fn get() -> u64 {
		EpochSlots::<crate::Runtime>::get().unwrap_or(crate::time::EPOCH_DURATION_IN_SLOTS)
	}
}
