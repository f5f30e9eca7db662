//! AID issuance: collateral whitelist, 1:1 mint and redeem with exact decimal conversion.

use crate::*;
use frame_support::{pallet_prelude::*, traits::fungibles};

/// Why an amount could not be converted between two decimal scales.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvertError {
	/// The amount is not a whole number of units on the coarser scale.
	Inexact,
	/// The result (or the scaling factor) does not fit in `u128`.
	Overflow,
}

/// `10^digits`, if it fits.
fn pow10(digits: u8) -> Result<u128, ConvertError> {
	10u128.checked_pow(u32::from(digits)).ok_or(ConvertError::Overflow)
}

/// Converts `amount` base units with `from` decimals into base units with `to` decimals,
/// refusing amounts that do not convert exactly (no rounding, in either direction).
pub fn convert_exact(amount: u128, from: u8, to: u8) -> Result<u128, ConvertError> {
	if from <= to {
		let factor = pow10(to.saturating_sub(from))?;
		amount.checked_mul(factor).ok_or(ConvertError::Overflow)
	} else {
		let factor = pow10(from.saturating_sub(to))?;
		if amount.checked_rem(factor).ok_or(ConvertError::Overflow)? != 0 {
			return Err(ConvertError::Inexact);
		}
		amount.checked_div(factor).ok_or(ConvertError::Overflow)
	}
}

/// Converts like [`convert_exact`] but rounds down to the coarser scale, saturating at
/// `u128::MAX` (used to value collateral for the solvency check, never to pay anyone).
pub fn convert_floor(amount: u128, from: u8, to: u8) -> u128 {
	if from <= to {
		match pow10(to.saturating_sub(from)) {
			Ok(factor) => amount.saturating_mul(factor),
			Err(_) if amount == 0 => 0,
			Err(_) => u128::MAX,
		}
	} else {
		match pow10(from.saturating_sub(to)) {
			Ok(factor) => amount.checked_div(factor).unwrap_or(0),
			// The factor exceeds u128::MAX, so any amount is worth less than one unit.
			Err(_) => 0,
		}
	}
}

impl<T> From<ConvertError> for Error<T> {
	fn from(error: ConvertError) -> Self {
		match error {
			ConvertError::Inexact => Error::InexactAmount,
			ConvertError::Overflow => Error::Overflow,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Whitelists `asset` (or updates it). Decimals are fixed while collateral is held.
	pub(crate) fn do_set_collateral(asset: T::AssetId, decimals: u8, cap: u128) -> DispatchResult {
		ensure!(
			asset != T::AidAssetId::get()
				&& asset != T::SaidAssetId::get()
				&& <T::Assets as fungibles::Inspect<T::AccountId>>::asset_exists(asset),
			Error::<T>::InvalidAsset
		);
		let aid_decimals = T::AidDecimals::get();
		// The scaling factor between the two must fit in u128.
		pow10(decimals.abs_diff(aid_decimals)).map_err(|_| Error::<T>::InvalidDecimals)?;
		let info = match Collaterals::<T>::get(asset) {
			Some(existing) => {
				ensure!(
					existing.decimals == decimals || existing.held == 0,
					Error::<T>::InvalidDecimals
				);
				CollateralInfo { decimals, cap, held: existing.held }
			},
			None => {
				ensure!(
					Collaterals::<T>::count() < T::MaxCollaterals::get(),
					Error::<T>::TooManyCollaterals
				);
				CollateralInfo { decimals, cap, held: 0 }
			},
		};
		Collaterals::<T>::insert(asset, info);
		Self::deposit_event(Event::CollateralSet { asset, decimals, cap });
		Ok(())
	}

	/// Removes `asset` from the whitelist once none of it is held.
	pub(crate) fn do_remove_collateral(asset: T::AssetId) -> DispatchResult {
		let info = Collaterals::<T>::get(asset).ok_or(Error::<T>::NotCollateral)?;
		ensure!(info.held == 0, Error::<T>::CollateralInUse);
		Collaterals::<T>::remove(asset);
		Self::deposit_event(Event::CollateralRemoved { asset });
		Ok(())
	}

	/// Checks the pause switch and the allow-list, and returns the collateral's record.
	fn issuance_checks(
		who: &T::AccountId,
		collateral: T::AssetId,
		amount: u128,
	) -> Result<CollateralInfo, DispatchError> {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		ensure!(AllowList::<T>::contains_key(who), Error::<T>::NotAllowed);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		Ok(Collaterals::<T>::get(collateral).ok_or(Error::<T>::NotCollateral)?)
	}

	/// `mint_aid`: takes `amount` of collateral, mints its AID value less the fee to `who`
	/// and the fee to the treasury.
	pub(crate) fn do_mint_aid(
		who: T::AccountId,
		collateral: T::AssetId,
		amount: u128,
	) -> DispatchResult {
		let mut info = Self::issuance_checks(&who, collateral, amount)?;
		let held = info.held.checked_add(amount).ok_or(Error::<T>::CapExceeded)?;
		ensure!(held <= info.cap, Error::<T>::CapExceeded);
		let gross = convert_exact(amount, info.decimals, T::AidDecimals::get())
			.map_err(Error::<T>::from)?;
		let fee = Params::<T>::get().mint_fee.mul_ceil(gross);
		let net = gross.checked_sub(fee).ok_or(Error::<T>::Overflow)?;
		ensure!(net > 0, Error::<T>::ZeroAmount);
		ensure!(Self::spendable(collateral, &who) >= amount, Error::<T>::InsufficientBalance);

		Self::move_asset(collateral, &who, &Self::account_id(), amount)?;
		let aid = T::AidAssetId::get();
		Self::issue(aid, &who, net)?;
		Self::issue(aid, &T::TreasuryAccount::get(), fee)?;
		info.held = held;
		Collaterals::<T>::insert(collateral, info);
		Self::deposit_event(Event::AidMinted {
			who,
			collateral,
			collateral_in: amount,
			aid_out: net,
			fee,
		});
		Ok(())
	}

	/// `redeem_aid`: takes `amount` AID from `who`, sends the fee to the treasury, burns the
	/// rest and pays its value in collateral.
	pub(crate) fn do_redeem_aid(
		who: T::AccountId,
		collateral: T::AssetId,
		amount: u128,
	) -> DispatchResult {
		let mut info = Self::issuance_checks(&who, collateral, amount)?;
		let fee = Params::<T>::get().redeem_fee.mul_ceil(amount);
		let net = amount.checked_sub(fee).ok_or(Error::<T>::Overflow)?;
		ensure!(net > 0, Error::<T>::ZeroAmount);
		let out =
			convert_exact(net, T::AidDecimals::get(), info.decimals).map_err(Error::<T>::from)?;
		info.held = info.held.checked_sub(out).ok_or(Error::<T>::InsufficientCollateral)?;
		let aid = T::AidAssetId::get();
		ensure!(Self::spendable(aid, &who) >= amount, Error::<T>::InsufficientBalance);

		Self::move_asset(aid, &who, &T::TreasuryAccount::get(), fee)?;
		Self::burn(aid, &who, net)?;
		Self::move_asset(collateral, &Self::account_id(), &who, out)?;
		Collaterals::<T>::insert(collateral, info);
		Self::deposit_event(Event::AidRedeemed {
			who,
			collateral,
			aid_in: amount,
			collateral_out: out,
			fee,
		});
		Ok(())
	}
}
