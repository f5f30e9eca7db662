//! The pallet's accounts and the creation of the AID and sAID assets.

use crate::*;
use frame_support::{pallet_prelude::*, traits::fungibles};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_vault::DecimalsOffset;
use sp_runtime::traits::{AccountIdConversion, UniqueSaturatedInto};

/// Minimum balance of AID and sAID: 1 base unit, so no transfer ever leaves dust behind.
pub(crate) const MIN_BALANCE: u128 = 1;

impl<T: Config> Pallet<T> {
	/// The pallet account: owner and issuer of AID and sAID, holder of the collateral.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The vault account: holds the vault's idle and vesting AID.
	pub fn vault_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(*b"vault")
	}

	/// The queue account: holds the sAID locked by pending withdrawal requests.
	pub fn queue_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(*b"queue")
	}

	/// Creates AID and sAID (sufficient assets, minimum balance 1, owned by the pallet
	/// account) if they do not exist, and gives the pallet account a provider reference so it
	/// can hold non-sufficient collateral assets.
	pub(crate) fn ensure_assets() -> DispatchResult {
		let owner = Self::account_id();
		if frame_system::Pallet::<T>::providers(&owner) == 0 {
			frame_system::Pallet::<T>::inc_providers(&owner);
		}
		let aid =
			!<T::Assets as fungibles::Inspect<T::AccountId>>::asset_exists(T::AidAssetId::get());
		if aid {
			<T::Assets as fungibles::Create<T::AccountId>>::create(
				T::AidAssetId::get(),
				owner.clone(),
				true,
				MIN_BALANCE,
			)?;
		}
		let said =
			!<T::Assets as fungibles::Inspect<T::AccountId>>::asset_exists(T::SaidAssetId::get());
		if said {
			<T::Assets as fungibles::Create<T::AccountId>>::create(
				T::SaidAssetId::get(),
				owner,
				true,
				MIN_BALANCE,
			)?;
		}
		if aid || said {
			Self::deposit_event(Event::AssetsCreated { aid, said });
		}
		Ok(())
	}

	/// The current block as the vault math counts blocks.
	pub(crate) fn now() -> u64 {
		frame_system::Pallet::<T>::block_number().unique_saturated_into()
	}

	/// The current cooldown in blocks.
	pub(crate) fn cooldown() -> u64 {
		Params::<T>::get().cooldown.unique_saturated_into()
	}

	/// The vesting period in blocks.
	pub(crate) fn vesting_period() -> u64 {
		let period: BlockNumberFor<T> = Params::<T>::get().vesting_period;
		period.unique_saturated_into()
	}

	/// The vault's virtual-share offset.
	pub(crate) fn offset() -> Result<DecimalsOffset, Error<T>> {
		DecimalsOffset::new(T::SharesDecimalsOffset::get()).map_err(|_| Error::<T>::InvalidOffset)
	}

	/// `who`'s balance of `asset` that can be moved out.
	pub(crate) fn spendable(asset: T::AssetId, who: &T::AccountId) -> u128 {
		<T::Assets as fungibles::Inspect<T::AccountId>>::reducible_balance(
			asset,
			who,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Fortitude::Polite,
		)
	}

	/// Burns `amount` of `asset` from `who`, exactly (nothing for zero).
	pub(crate) fn burn(asset: T::AssetId, who: &T::AccountId, amount: u128) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		<T::Assets as fungibles::Mutate<T::AccountId>>::burn_from(
			asset,
			who,
			amount,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Polite,
		)?;
		Ok(())
	}

	/// Mints `amount` of `asset` to `who` (nothing for zero).
	pub(crate) fn issue(asset: T::AssetId, who: &T::AccountId, amount: u128) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		<T::Assets as fungibles::Mutate<T::AccountId>>::mint_into(asset, who, amount)?;
		Ok(())
	}
}
