//! # AID and sAID
//!
//! This pallet issues **AID**, a dollar minted 1:1 against whitelisted stable collateral, and
//! runs **sAID**, a yield-bearing vault whose assets grow as GPU rental revenue flows in.
//!
//! ## Concepts
//!
//! * **AID** is a `pallet-assets` asset ([`Config::AidAssetId`]) owned and issued by the
//!   pallet account, so wallets show it like any other asset. Accounts on a governance-managed
//!   **allow-list** (the KYC role, [`Pallet::allow_account`]) mint it with
//!   [`Pallet::mint_aid`] by paying in a **collateral** asset and burn it with
//!   [`Pallet::redeem_aid`] to take collateral back. Everyone else trades AID freely.
//! * **Collateral** assets (USDC, USDT, ...) are whitelisted by [`Pallet::set_collateral`] with
//!   their decimals and a cap. One whole unit of collateral is one whole AID: amounts are
//!   converted exactly between the two decimal scales, and an amount that does not convert
//!   exactly is refused rather than rounded. Collateral is held by the pallet account; the
//!   invariant *AID supply ≤ value of collateral held* is checked in `try_state`. Optional mint
//!   and redeem fees (default 0) are taken in AID for the treasury.
//! * **sAID shares**: anyone holding AID can [`deposit`](Pallet::deposit) it into the vault
//!   (or [`mint`](Pallet::mint) an exact number of shares) and receives sAID, another
//!   `pallet-assets` asset ([`Config::SaidAssetId`]). A share is a pro-rata claim on the
//!   vault's **total assets** = idle AID + AID deployed to GPU financing deals + vested
//!   revenue. All share math (ERC-4626 conversions, virtual-share offset against the donation
//!   attack, vault-favouring rounding) is `heliox_vault::VaultState`; every call takes
//!   slippage bounds (minimum out / maximum in).
//! * **GPU deals**: `AdminOrigin` deploys idle AID to a GPU financing deal
//!   ([`Pallet::fund_gpu_deal`]) and closes it ([`Pallet::close_gpu_deal`]), taking the
//!   repaid principal back; a shortfall is written down and lowers the share price for every
//!   holder alike.
//! * **Revenue and vesting**: the GPU registry pays the holders' share of a financed GPU's
//!   revenue through [`heliox_vault::RevenueSink`], implemented by this pallet (and callable
//!   as [`Pallet::pay_revenue`]). A performance fee goes to the treasury; the rest **vests
//!   linearly** over the vesting period (default [`Config::VestingPeriod`] blocks) and only
//!   the vested part counts in total assets, so a deposit placed just before a payment cannot
//!   capture it.
//! * **The exit rule = the queue**: while the cooldown is not zero (the normal case), holders
//!   leave through one FIFO withdrawal queue. [`Pallet::request_withdraw`] locks the shares at
//!   once (they move to the queue's escrow account but keep sharing gains and losses); after
//!   the cooldown, requests are served oldest first from idle AID at the price of the block
//!   that serves them, in full or partially when liquidity is short (the rest stays queued
//!   and keeps its place). The queue is served in `on_initialize` (at most
//!   [`Config::MaxQueueProcessPerBlock`] entries a block) and by anyone calling
//!   [`Pallet::process_queue`]. [`Pallet::cancel_withdraw`] returns the unserved shares. The
//!   instant ERC-4626 [`withdraw`](Pallet::withdraw) / [`redeem`](Pallet::redeem) calls only
//!   work while the cooldown is zero (as sUSDe does), so nobody can jump the queue.
//! * **Pause**: [`Pallet::set_paused`] stops minting, redeeming, vault entries and exits,
//!   revenue and queue service; cancelling a queued request stays possible.
//!
//! ## Accounts
//!
//! * the pallet account ([`Pallet::account_id`]): owner and issuer of AID and sAID, holds the
//!   collateral;
//! * the vault account ([`Pallet::vault_account`]): holds the vault's AID (idle and vesting);
//! * the queue account ([`Pallet::queue_account`]): holds the sAID of pending withdrawal
//!   requests.
//!
//! AID sent directly to the vault account is not counted (the balance sheet is kept in
//! storage), so donations cannot move the share price.
//!
//! Queued shares are locked by moving them to the queue account rather than by a hold:
//! `pallet-assets` has no holds of its own, and for the vault the two are the same (locked
//! shares stay in the share total and keep their value until served or cancelled).
//!
//! ## Runtime wiring
//!
//! * AID and sAID are created by this pallet's genesis (or [`Pallet::create_assets`]) as
//!   sufficient assets with minimum balance 1, owned by [`Pallet::account_id`]. To give them
//!   names and symbols in `pallet-assets`' genesis instead, list them there (owner = the
//!   pallet account, sufficient, minimum balance 1) together with their `metadata`
//!   (sAID decimals = `AidDecimals + SharesDecimalsOffset`); this pallet then skips creating
//!   them.
//! * The GPU registry takes `Pallet<Runtime>` as its `heliox_vault::RevenueSink`.
//! * [`runtime_api::AidApi`] is implemented by calling the pallet functions of the same
//!   names ([`Pallet::vault_state`], [`Pallet::share_price`], [`Pallet::preview_deposit`],
//!   ..., [`Pallet::withdrawal_requests`]).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod features;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use features::{convert_exact, convert_floor, ConvertError};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::aid";

/// Creates the assets the benchmarks need in a runtime (collateral asset and GPU ids).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetId, GpuId> {
	/// A collateral asset id distinct from AID and sAID, for the `i`-th collateral.
	fn collateral_asset(i: u32) -> AssetId;
	/// The `i`-th GPU id.
	fn gpu(i: u32) -> GpuId;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles::{self, Inspect as _},
			tokens::Preservation,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use heliox_vault::{VaultError, VaultState, WithdrawalRequest};
	use sp_runtime::Permill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Identifier of a `pallet-assets` asset (AID, sAID and the collateral assets).
		type AssetId: Parameter + Member + Copy + MaxEncodedLen + MaybeSerializeDeserialize;

		/// The fungible assets: AID, sAID and the collateral. Balances are `u128`, the unit of
		/// the vault math.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = u128>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>;

		/// Identifier of a GPU (as the GPU registry names it).
		type GpuId: Parameter + Member + MaxEncodedLen;

		/// Governance: allow-list, collateral, parameters, pause, GPU deals.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The pallet's id; its account owns AID and sAID and holds the collateral.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The asset id of AID.
		#[pallet::constant]
		type AidAssetId: Get<Self::AssetId>;

		/// The asset id of sAID.
		#[pallet::constant]
		type SaidAssetId: Get<Self::AssetId>;

		/// Decimals of AID (sAID has `AidDecimals + SharesDecimalsOffset`).
		#[pallet::constant]
		type AidDecimals: Get<u8>;

		/// Extra decimals of sAID over AID: the virtual-share offset of the vault
		/// (`heliox_vault::DecimalsOffset`). Must never change once the vault has shares.
		#[pallet::constant]
		type SharesDecimalsOffset: Get<u8>;

		/// Default number of blocks over which injected revenue vests linearly (until
		/// `set_parameters`). Not zero.
		#[pallet::constant]
		type VestingPeriod: Get<BlockNumberFor<Self>>;

		/// Default cooldown of withdrawal requests, in blocks (until `set_parameters`).
		#[pallet::constant]
		type CooldownPeriod: Get<BlockNumberFor<Self>>;

		/// Default performance fee on revenue (until `set_parameters`).
		#[pallet::constant]
		type DefaultPerformanceFee: Get<Permill>;

		/// Receives the mint, redeem and performance fees (in AID).
		type TreasuryAccount: Get<Self::AccountId>;

		/// Smallest value, in AID base units, a withdrawal request may have when it does not
		/// exit the requester's whole sAID balance (keeps dust requests from filling the queue).
		#[pallet::constant]
		type MinWithdrawal: Get<u128>;

		/// Most pending withdrawal requests in the queue.
		#[pallet::constant]
		type MaxQueueLen: Get<u32>;

		/// Most pending withdrawal requests of one account.
		#[pallet::constant]
		type MaxRequestsPerAccount: Get<u32>;

		/// Most queue entries `on_initialize` looks at in one block (0 disables the hook).
		#[pallet::constant]
		type MaxQueueProcessPerBlock: Get<u32>;

		/// Most open GPU deals.
		#[pallet::constant]
		type MaxDeals: Get<u32>;

		/// Most whitelisted collateral assets.
		#[pallet::constant]
		type MaxCollaterals: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Benchmark helper.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AssetId, Self::GpuId>;
	}

	/// Parameters until `set_parameters` is called: no mint/redeem fee, the configured
	/// performance fee, cooldown and vesting period.
	#[pallet::type_value]
	pub fn DefaultParameters<T: Config>() -> Parameters<BlockNumberFor<T>> {
		Parameters {
			mint_fee: Permill::zero(),
			redeem_fee: Permill::zero(),
			performance_fee: T::DefaultPerformanceFee::get(),
			cooldown: T::CooldownPeriod::get(),
			vesting_period: T::VestingPeriod::get(),
		}
	}

	/// The vault's balance sheet (share math state of `heliox_vault`).
	#[pallet::storage]
	pub type Vault<T> = StorageValue<_, VaultState, ValueQuery>;

	/// Fees and cooldown.
	#[pallet::storage]
	pub type Params<T: Config> =
		StorageValue<_, Parameters<BlockNumberFor<T>>, ValueQuery, DefaultParameters<T>>;

	/// Whether the pallet is paused.
	#[pallet::storage]
	pub type Paused<T> = StorageValue<_, bool, ValueQuery>;

	/// Accounts allowed to mint and redeem AID (KYC role).
	#[pallet::storage]
	pub type AllowList<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Whitelisted collateral assets.
	#[pallet::storage]
	pub type Collaterals<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AssetId, CollateralInfo, OptionQuery>;

	/// Pending withdrawal requests by id (FIFO order = id order).
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, WithdrawalRequest<T::AccountId>, OptionQuery>;

	/// Lowest id that may still be pending (ids below it are served or cancelled).
	#[pallet::storage]
	pub type QueueHead<T> = StorageValue<_, RequestId, ValueQuery>;

	/// The id of the next withdrawal request.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Number of pending withdrawal requests.
	#[pallet::storage]
	pub type QueueLen<T> = StorageValue<_, u32, ValueQuery>;

	/// Pending withdrawal requests of each account, oldest first.
	#[pallet::storage]
	pub type AccountRequests<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<RequestId, T::MaxRequestsPerAccount>,
		ValueQuery,
	>;

	/// Open GPU deals.
	#[pallet::storage]
	pub type Deals<T: Config> = CountedStorageMap<
		_,
		Twox64Concat,
		DealId,
		Deal<T::AccountId, T::GpuId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The open deal financing each GPU.
	#[pallet::storage]
	pub type GpuDeals<T: Config> = StorageMap<_, Blake2_128Concat, T::GpuId, DealId, OptionQuery>;

	/// The id of the next deal.
	#[pallet::storage]
	pub type NextDealId<T> = StorageValue<_, DealId, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accounts allowed to mint and redeem AID.
		pub allow_list: Vec<T::AccountId>,
		/// Collateral assets: (asset id, decimals, cap). The assets must exist.
		pub collaterals: Vec<(T::AssetId, u8, u128)>,
		/// Start paused.
		pub paused: bool,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		#[allow(clippy::expect_used)]
		fn build(&self) {
			Pallet::<T>::ensure_assets().expect("AID and sAID can be created at genesis");
			for (asset, decimals, cap) in &self.collaterals {
				Pallet::<T>::do_set_collateral(*asset, *decimals, *cap)
					.expect("genesis collateral is valid");
			}
			for who in &self.allow_list {
				AllowList::<T>::insert(who, ());
			}
			Paused::<T>::put(self.paused);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// AID and/or sAID were created (owned by the pallet account).
		AssetsCreated { aid: bool, said: bool },
		/// A collateral asset was whitelisted or its cap changed.
		CollateralSet { asset: T::AssetId, decimals: u8, cap: u128 },
		/// A collateral asset was removed from the whitelist.
		CollateralRemoved { asset: T::AssetId },
		/// An account was added to the allow-list.
		AccountAllowed { who: T::AccountId },
		/// An account was removed from the allow-list.
		AccountDisallowed { who: T::AccountId },
		/// Fees and cooldown were changed.
		ParametersSet { parameters: Parameters<BlockNumberFor<T>> },
		/// The pause switch was set.
		PausedSet { paused: bool },
		/// AID was minted against collateral.
		AidMinted {
			who: T::AccountId,
			collateral: T::AssetId,
			collateral_in: u128,
			aid_out: u128,
			fee: u128,
		},
		/// AID was redeemed for collateral.
		AidRedeemed {
			who: T::AccountId,
			collateral: T::AssetId,
			aid_in: u128,
			collateral_out: u128,
			fee: u128,
		},
		/// AID was deposited into the vault for sAID (`deposit` or `mint`).
		Deposited { who: T::AccountId, assets: u128, shares: u128 },
		/// sAID was burned for AID instantly (`withdraw` or `redeem`, cooldown zero).
		Withdrawn { who: T::AccountId, assets: u128, shares: u128 },
		/// A withdrawal request joined the queue; its shares are locked.
		WithdrawRequested { id: RequestId, who: T::AccountId, shares: u128 },
		/// A withdrawal request was cancelled; its remaining shares were returned.
		WithdrawCancelled { id: RequestId, who: T::AccountId, shares: u128 },
		/// A withdrawal request was served (fully when `remaining_shares` is zero).
		WithdrawFilled {
			id: RequestId,
			who: T::AccountId,
			shares_burned: u128,
			assets_paid: u128,
			remaining_shares: u128,
		},
		/// Revenue of a financed GPU was received.
		RevenueReceived {
			gpu: T::GpuId,
			deal: DealId,
			payer: T::AccountId,
			amount: u128,
			to_vault: u128,
			fee: u128,
		},
		/// Idle AID was deployed to a GPU deal.
		DealFunded { deal: DealId, gpu: T::GpuId, beneficiary: T::AccountId, amount: u128 },
		/// A GPU deal was closed: `repaid` returned to idle, `loss` written down.
		DealClosed { deal: DealId, gpu: T::GpuId, repaid: u128, loss: u128 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The pallet is paused.
		Paused,
		/// The account is not on the allow-list.
		NotAllowed,
		/// The account is already on the allow-list.
		AlreadyAllowed,
		/// The asset is not a whitelisted collateral.
		NotCollateral,
		/// The asset does not exist, or is AID or sAID.
		InvalidAsset,
		/// The decimals cannot be converted to AID's in `u128`, or differ from those of a
		/// collateral that is still held.
		InvalidDecimals,
		/// Too many collateral assets.
		TooManyCollaterals,
		/// The collateral is still held as backing and cannot be removed.
		CollateralInUse,
		/// The mint would take the collateral held over its cap.
		CapExceeded,
		/// The amount does not convert exactly between collateral and AID decimals.
		InexactAmount,
		/// The amount is zero (or nothing is left after the fee).
		ZeroAmount,
		/// Not enough collateral held to pay the redemption.
		InsufficientCollateral,
		/// Not enough balance for the operation.
		InsufficientBalance,
		/// An arithmetic result would not fit.
		Overflow,
		/// The deposit is worth less than one share.
		ZeroShares,
		/// The shares are worth less than one unit of AID.
		ZeroAssets,
		/// The account holds fewer shares than needed.
		InsufficientShares,
		/// The vault's idle AID cannot cover the payout.
		InsufficientLiquidity,
		/// More AID recalled or written down than deployed.
		InsufficientDeployed,
		/// A vesting period of zero blocks: revenue must vest so it cannot be sandwiched.
		ZeroVestingPeriod,
		/// A fee above 100%.
		InvalidFee,
		/// The result is worse than the caller's slippage bound.
		SlippageExceeded,
		/// Instant exits are disabled while the cooldown is not zero: use the queue.
		CooldownActive,
		/// The withdrawal queue is full.
		QueueFull,
		/// The account has too many pending withdrawal requests.
		TooManyRequests,
		/// No such pending withdrawal request.
		UnknownRequest,
		/// The request belongs to another account.
		NotRequestOwner,
		/// The GPU is not financed by the vault.
		GpuNotFinanced,
		/// The GPU is already financed by an open deal.
		GpuAlreadyFinanced,
		/// Too many open deals.
		TooManyDeals,
		/// No such open deal.
		UnknownDeal,
		/// More repaid than the deal's outstanding principal (pay extra as revenue).
		RepaidExceedsPrincipal,
		/// The sAID share offset configured is invalid.
		InvalidOffset,
		/// Revenue cannot be paid from the pallet's own accounts.
		InvalidPayer,
		/// The request is worth less than `MinWithdrawal` and is not the whole balance.
		RequestTooSmall,
	}

	impl<T> From<VaultError> for Error<T> {
		fn from(error: VaultError) -> Self {
			match error {
				VaultError::ZeroAmount => Error::ZeroAmount,
				VaultError::ZeroShares => Error::ZeroShares,
				VaultError::ZeroAssets => Error::ZeroAssets,
				VaultError::Overflow | VaultError::DivisionByZero => Error::Overflow,
				VaultError::InsufficientShares => Error::InsufficientShares,
				VaultError::InsufficientLiquidity => Error::InsufficientLiquidity,
				VaultError::InsufficientDeployed => Error::InsufficientDeployed,
				VaultError::ZeroVestingPeriod => Error::ZeroVestingPeriod,
				VaultError::InvalidFee => Error::InvalidFee,
				VaultError::InvalidDecimalsOffset => Error::InvalidOffset,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::service_queue_on_initialize()
		}

		fn integrity_test() {
			assert!(
				heliox_vault::DecimalsOffset::new(T::SharesDecimalsOffset::get()).is_ok(),
				"SharesDecimalsOffset too large"
			);
			assert!(
				T::AidDecimals::get().saturating_add(T::SharesDecimalsOffset::get())
					<= heliox_vault::DecimalsOffset::MAX_DIGITS,
				"sAID decimals too large"
			);
			assert!(!T::VestingPeriod::get().is_zero(), "VestingPeriod must not be zero");
			assert!(T::AidAssetId::get() != T::SaidAssetId::get(), "AID and sAID must differ");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Mints AID 1:1 for `amount` of `collateral` (in the collateral's base units), for an
		/// allow-listed account. The mint fee (AID, rounded up) goes to the treasury.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::mint_aid())]
		pub fn mint_aid(
			origin: OriginFor<T>,
			collateral: T::AssetId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint_aid(who, collateral, amount)
		}

		/// Burns `amount` of AID (less the redeem fee, which goes to the treasury) and pays the
		/// same value of `collateral`, for an allow-listed account.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::redeem_aid())]
		pub fn redeem_aid(
			origin: OriginFor<T>,
			collateral: T::AssetId,
			amount: u128,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem_aid(who, collateral, amount)
		}

		/// Deposits `assets` AID into the vault for at least `min_shares` sAID.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(origin: OriginFor<T>, assets: u128, min_shares: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(who, assets, min_shares)
		}

		/// Mints exactly `shares` sAID for at most `max_assets` AID.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::mint())]
		pub fn mint(origin: OriginFor<T>, shares: u128, max_assets: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint(who, shares, max_assets)
		}

		/// Withdraws exactly `assets` AID burning at most `max_shares` sAID. Only while the
		/// cooldown is zero; otherwise exits go through [`Pallet::request_withdraw`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, assets: u128, max_shares: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, assets, max_shares)
		}

		/// Redeems exactly `shares` sAID for at least `min_assets` AID. Only while the cooldown
		/// is zero; otherwise exits go through [`Pallet::request_withdraw`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(origin: OriginFor<T>, shares: u128, min_assets: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_redeem(who, shares, min_assets)
		}

		/// Queues `shares` sAID for withdrawal; they are locked in the queue's account now and
		/// redeemed, oldest request first, once the cooldown has passed.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_withdraw())]
		pub fn request_withdraw(origin: OriginFor<T>, shares: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_withdraw(who, shares)
		}

		/// Cancels the caller's pending request `id` and returns its remaining shares.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::cancel_withdraw())]
		pub fn cancel_withdraw(origin: OriginFor<T>, id: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_withdraw(who, id)
		}

		/// Serves the withdrawal queue, looking at no more than `max` entries. Anyone may call.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::process_queue((*max).min(T::MaxQueueLen::get())))]
		pub fn process_queue(origin: OriginFor<T>, max: u32) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(!Paused::<T>::get(), Error::<T>::Paused);
			let max = max.min(T::MaxQueueLen::get());
			let steps = Self::do_process_queue(max)?;
			Ok(Some(T::WeightInfo::process_queue(steps)).into())
		}

		/// Pays `amount` AID from the caller as revenue of the financed `gpu` (the same path
		/// as the `RevenueSink` the GPU registry calls).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::pay_revenue())]
		pub fn pay_revenue(origin: OriginFor<T>, gpu: T::GpuId, amount: u128) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_revenue(&who, &gpu, amount)
		}

		/// Deploys `amount` idle AID to `beneficiary` as a financing deal for `gpu`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::fund_gpu_deal())]
		pub fn fund_gpu_deal(
			origin: OriginFor<T>,
			gpu: T::GpuId,
			beneficiary: T::AccountId,
			amount: u128,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_fund_gpu_deal(gpu, beneficiary, amount)
		}

		/// Closes deal `deal`: `repaid` AID is taken back from the beneficiary into idle assets
		/// and the rest of the principal is written down as a loss.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::close_gpu_deal())]
		pub fn close_gpu_deal(origin: OriginFor<T>, deal: DealId, repaid: u128) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_close_gpu_deal(deal, repaid)
		}

		/// Whitelists `asset` as collateral with its `decimals` and `cap` (or updates them).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_collateral())]
		pub fn set_collateral(
			origin: OriginFor<T>,
			asset: T::AssetId,
			decimals: u8,
			cap: u128,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_collateral(asset, decimals, cap)
		}

		/// Removes `asset` from the collateral whitelist (only once none of it is held).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_collateral())]
		pub fn remove_collateral(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_collateral(asset)
		}

		/// Adds `who` to the allow-list of AID minters and redeemers.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::allow_account())]
		pub fn allow_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!AllowList::<T>::contains_key(&who), Error::<T>::AlreadyAllowed);
			AllowList::<T>::insert(&who, ());
			Self::deposit_event(Event::AccountAllowed { who });
			Ok(())
		}

		/// Removes `who` from the allow-list.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::disallow_account())]
		pub fn disallow_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(AllowList::<T>::contains_key(&who), Error::<T>::NotAllowed);
			AllowList::<T>::remove(&who);
			Self::deposit_event(Event::AccountDisallowed { who });
			Ok(())
		}

		/// Sets the mint, redeem and performance fees, the cooldown and the vesting period.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(
			origin: OriginFor<T>,
			parameters: Parameters<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!parameters.vesting_period.is_zero(), Error::<T>::ZeroVestingPeriod);
			Params::<T>::put(parameters);
			Self::deposit_event(Event::ParametersSet { parameters });
			Ok(())
		}

		/// Sets the pause switch.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_paused())]
		pub fn set_paused(origin: OriginFor<T>, paused: bool) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Paused::<T>::put(paused);
			Self::deposit_event(Event::PausedSet { paused });
			Ok(())
		}

		/// Creates AID and sAID in `pallet-assets` if they do not exist yet.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::create_assets())]
		pub fn create_assets(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::ensure_assets()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Transfers `amount` of `asset`, skipping zero amounts (which `pallet-assets` may refuse
		/// for new accounts).
		pub(crate) fn move_asset(
			asset: T::AssetId,
			from: &T::AccountId,
			to: &T::AccountId,
			amount: u128,
		) -> DispatchResult {
			if amount == 0 {
				return Ok(());
			}
			<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
				asset,
				from,
				to,
				amount,
				Preservation::Expendable,
			)?;
			Ok(())
		}

		/// The AID balance of `who`.
		pub fn aid_balance(who: &T::AccountId) -> u128 {
			T::Assets::balance(T::AidAssetId::get(), who)
		}

		/// The sAID balance of `who`.
		pub fn said_balance(who: &T::AccountId) -> u128 {
			T::Assets::balance(T::SaidAssetId::get(), who)
		}
	}
}
