//! Moving HLX, AID and IPTs between accounts and the escrow (the pallet account).

use crate::*;
use frame_support::{
	pallet_prelude::DispatchResult,
	traits::{
		fungible, fungibles,
		tokens::{Fortitude, Preservation},
		Get,
	},
};

impl<T: Config> Pallet<T> {
	/// Pays `amount` of `currency` from `from` to `to` (nothing for zero). `Preserve`:
	/// `from` stays above the currency's minimum balance (bidders and the escrow are never
	/// reaped by a payment).
	pub(crate) fn pay(
		currency: SaleCurrency,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		if amount == 0 || from == to {
			return Ok(());
		}
		match currency {
			SaleCurrency::Native => {
				<T::NativeCurrency as fungible::Mutate<T::AccountId>>::transfer(
					from,
					to,
					amount,
					Preservation::Preserve,
				)?;
			},
			SaleCurrency::Aid => {
				<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
					T::AidAssetId::get(),
					from,
					to,
					amount,
					Preservation::Preserve,
				)?;
			},
		}
		Ok(())
	}

	/// The balance of `who` in `currency`.
	pub fn currency_balance(currency: SaleCurrency, who: &T::AccountId) -> u128 {
		match currency {
			SaleCurrency::Native => {
				<T::NativeCurrency as fungible::Inspect<T::AccountId>>::balance(who)
			},
			SaleCurrency::Aid => {
				<T::Assets as fungibles::Inspect<T::AccountId>>::balance(T::AidAssetId::get(), who)
			},
		}
	}

	/// Tops the escrow up to `currency`'s minimum balance from `payer`, so that payouts made
	/// with `Preserve` can always pay the escrowed amounts in full.
	pub(crate) fn fund_escrow(currency: SaleCurrency, payer: &T::AccountId) -> DispatchResult {
		let minimum = match currency {
			SaleCurrency::Native => {
				<T::NativeCurrency as fungible::Inspect<T::AccountId>>::minimum_balance()
			},
			SaleCurrency::Aid => <T::Assets as fungibles::Inspect<T::AccountId>>::minimum_balance(
				T::AidAssetId::get(),
			),
		};
		let escrow = Self::account_id();
		let held = Self::currency_balance(currency, &escrow);
		if held < minimum {
			let top_up = minimum.saturating_sub(held);
			match currency {
				SaleCurrency::Native => {
					<T::NativeCurrency as fungible::Mutate<T::AccountId>>::transfer(
						payer,
						&escrow,
						top_up,
						Preservation::Preserve,
					)?;
				},
				SaleCurrency::Aid => {
					<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
						T::AidAssetId::get(),
						payer,
						&escrow,
						top_up,
						Preservation::Preserve,
					)?;
				},
			}
		}
		Ok(())
	}

	/// Moves `amount` IPTs of `asset` (nothing for zero).
	pub(crate) fn move_ipt(
		asset: T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		if amount == 0 || from == to {
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

	/// The IPT balance of `who` that it can move.
	pub(crate) fn ipt_reducible(asset: T::AssetId, who: &T::AccountId) -> u128 {
		<T::Assets as fungibles::Inspect<T::AccountId>>::reducible_balance(
			asset,
			who,
			Preservation::Expendable,
			Fortitude::Polite,
		)
	}
}
