//! The custom governance origins: one per referendum track that is not Root.
//!
//! A referendum on a track dispatches its call with that track's origin, and each Heliox pallet's
//! privileged calls accept exactly the origin of the track that governs them (plus Root). So a
//! GPU-catalogue change needs a `GpuAdmin` referendum, a vault parameter change a `VaultAdmin`
//! one, and neither can touch the other's pallet.

pub use pallet_custom_origins::*;

#[frame_support::pallet]
pub mod pallet_custom_origins {
	use frame_support::pallet_prelude::*;

	#[pallet::config]
	pub trait Config: frame_system::Config {}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// All referendum periods (prepare, decision, confirm, enactment) are divided by this
	/// number. 1 on staging/production chains; the `dev` and `local` presets use a large divisor
	/// so a referendum runs in minutes on a test network. Only genesis sets it.
	#[pallet::storage]
	pub type TrackTimeDivisor<T> = StorageValue<_, u32, ValueQuery, DefaultDivisor>;

	/// The divisor of a chain that does not set one: real periods.
	#[pallet::type_value]
	pub fn DefaultDivisor() -> u32 {
		1
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// See [`TrackTimeDivisor`]; 0 is treated as 1.
		pub track_time_divisor: u32,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			TrackTimeDivisor::<T>::put(self.track_time_divisor.max(1));
		}
	}

	/// The origins referenda dispatch with (besides Root).
	#[derive(
		PartialEq, Eq, Clone, MaxEncodedLen, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug,
	)]
	#[pallet::origin]
	pub enum Origin {
		/// Adds and removes validators (the validator manager).
		ValidatorAdmin,
		/// The GPU catalogue, revenue shares, liveness and proof-of-GPU parameters.
		GpuAdmin,
		/// AID collateral, caps, fees, allow-list, vault parameters and GPU financing deals.
		VaultAdmin,
		/// Subnet hyperparameter bounds and emission.
		SubnetsAdmin,
		/// Treasury spends (in HLX or any asset, e.g. AID).
		Treasurer,
		/// Dispatches calls the technical committee whitelisted (fast track).
		WhitelistedCaller,
	}

	macro_rules! decl_unit_ensures {
		( $name:ident: $success_type:ty = $success:expr ) => {
			/// Ensures the origin is the custom origin of the same name.
			pub struct $name;
			impl<O: OriginTrait + From<Origin>> EnsureOrigin<O> for $name
			where
				for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
			{
				type Success = $success_type;
				fn try_origin(o: O) -> Result<Self::Success, O> {
					match o.caller().try_into() {
						Ok(Origin::$name) => return Ok($success),
						_ => (),
					}
					Err(o)
				}
				#[cfg(feature = "runtime-benchmarks")]
				fn try_successful_origin() -> Result<O, ()> {
					Ok(O::from(Origin::$name))
				}
			}
		};
		( $name:ident ) => { decl_unit_ensures! { $name : () = () } };
		( $name:ident: $success_type:ty = $success:expr, $( $rest:tt )* ) => {
			decl_unit_ensures! { $name: $success_type = $success }
			decl_unit_ensures! { $( $rest )* }
		};
		( $name:ident, $( $rest:tt )* ) => {
			decl_unit_ensures! { $name }
			decl_unit_ensures! { $( $rest )* }
		};
		() => {}
	}
	decl_unit_ensures!(
		ValidatorAdmin,
		GpuAdmin,
		VaultAdmin,
		SubnetsAdmin,
		Treasurer,
		WhitelistedCaller,
	);

	/// The Treasurer origin as a treasury spender: succeeds with the largest spend (in HLX value)
	/// it may approve.
	pub struct TreasurerSpender<MaxSpend>(core::marker::PhantomData<MaxSpend>);
	impl<O: OriginTrait + From<Origin>, MaxSpend: Get<u128>> EnsureOrigin<O>
		for TreasurerSpender<MaxSpend>
	where
		for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
	{
		type Success = u128;
		fn try_origin(o: O) -> Result<Self::Success, O> {
			let is_treasurer = matches!(o.caller().try_into(), Ok(Origin::Treasurer));
			if is_treasurer {
				Ok(MaxSpend::get())
			} else {
				Err(o)
			}
		}
		#[cfg(feature = "runtime-benchmarks")]
		fn try_successful_origin() -> Result<O, ()> {
			Ok(O::from(Origin::Treasurer))
		}
	}
}
