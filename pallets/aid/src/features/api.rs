//! Read-only functions behind the runtime API ([`crate::runtime_api::AidApi`]).

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;
use heliox_vault::{VaultError, VaultState};

impl<T: Config> Pallet<T> {
	/// The vault state with vesting accrued to now (what a transaction would see).
	fn vault_now() -> VaultState {
		let mut vault = Vault::<T>::get();
		// On error (cannot happen for a stored state) the unaccrued state is reported.
		let _ = vault.accrue(Self::now());
		vault
	}

	fn offset_or_default() -> heliox_vault::DecimalsOffset {
		Self::offset().unwrap_or_default()
	}

	/// The vault's balance sheet, share price and queue totals.
	pub fn vault_state() -> VaultSummary<u128> {
		let now = Self::now();
		let vault = Self::vault_now();
		let queued_shares = Requests::<T>::iter_values()
			.fold(0u128, |sum, request| sum.saturating_add(request.shares));
		VaultSummary {
			total_assets: vault.total_assets(now).unwrap_or(u128::MAX),
			idle_assets: vault.idle_assets,
			deployed_assets: vault.deployed_assets,
			unvested_revenue: vault.vesting.unvested_at(now),
			vesting_end: vault.vesting.end(),
			total_shares: vault.total_shares,
			share_price: Self::share_price(),
			queued_shares,
			queue_len: QueueLen::<T>::get(),
			cooldown: Self::cooldown(),
			paused: Paused::<T>::get(),
		}
	}

	/// AID base units one whole sAID (`10^(AidDecimals + SharesDecimalsOffset)` base units)
	/// is worth now, rounded down (0 if it cannot be represented).
	pub fn share_price() -> u128 {
		let digits = T::AidDecimals::get().saturating_add(T::SharesDecimalsOffset::get());
		let Some(one_share) = 10u128.checked_pow(u32::from(digits)) else { return 0 };
		Vault::<T>::get()
			.convert_to_assets(Self::offset_or_default(), Self::now(), one_share)
			.unwrap_or(0)
	}

	/// Shares a `deposit` of `assets` would mint now.
	pub fn preview_deposit(assets: u128) -> Result<u128, VaultError> {
		Vault::<T>::get().preview_deposit(Self::offset_or_default(), Self::now(), assets)
	}

	/// Assets a `mint` of `shares` would cost now.
	pub fn preview_mint(shares: u128) -> Result<u128, VaultError> {
		Vault::<T>::get().preview_mint(Self::offset_or_default(), Self::now(), shares)
	}

	/// Shares a `withdraw` of `assets` would burn now.
	pub fn preview_withdraw(assets: u128) -> Result<u128, VaultError> {
		Vault::<T>::get().preview_withdraw(Self::offset_or_default(), Self::now(), assets)
	}

	/// Assets a `redeem` of `shares` would pay now (also what a queued request of `shares`
	/// would be paid if served now).
	pub fn preview_redeem(shares: u128) -> Result<u128, VaultError> {
		Vault::<T>::get().preview_redeem(Self::offset_or_default(), Self::now(), shares)
	}

	/// Largest `deposit` `who` can make now (0 while paused). Not limited by `who`'s balance.
	pub fn max_deposit(_who: &T::AccountId) -> u128 {
		if Paused::<T>::get() {
			return 0;
		}
		Vault::<T>::get().max_deposit(Self::offset_or_default(), Self::now())
	}

	/// Largest `mint` `who` can make now (0 while paused).
	pub fn max_mint(_who: &T::AccountId) -> u128 {
		if Paused::<T>::get() {
			return 0;
		}
		Vault::<T>::get().max_mint(Self::offset_or_default(), Self::now())
	}

	/// Largest instant `withdraw` `who` can make now: 0 while paused or while the cooldown is
	/// not zero (then exits go through the queue).
	pub fn max_withdraw(who: &T::AccountId) -> u128 {
		if Paused::<T>::get() || Self::cooldown() != 0 {
			return 0;
		}
		let owned = Self::spendable(T::SaidAssetId::get(), who);
		Vault::<T>::get().max_withdraw(Self::offset_or_default(), Self::now(), owned)
	}

	/// Largest instant `redeem` `who` can make now: 0 while paused or while the cooldown is
	/// not zero.
	pub fn max_redeem(who: &T::AccountId) -> u128 {
		if Paused::<T>::get() || Self::cooldown() != 0 {
			return 0;
		}
		let owned = Self::spendable(T::SaidAssetId::get(), who);
		Vault::<T>::get().max_redeem(Self::offset_or_default(), Self::now(), owned)
	}

	/// `who`'s pending withdrawal requests with their queue position (requests ahead) and the
	/// AID their shares are worth now.
	pub fn withdrawal_requests(who: &T::AccountId) -> Vec<RequestInfo<u128>> {
		let cooldown = Self::cooldown();
		let mut ids: Vec<RequestId> = Requests::<T>::iter_keys().collect();
		ids.sort_unstable();
		AccountRequests::<T>::get(who)
			.iter()
			.filter_map(|id| {
				let request = Requests::<T>::get(id)?;
				let position = ids.partition_point(|other| other < id);
				Some(RequestInfo {
					id: *id,
					shares: request.shares,
					requested_at: request.requested_at,
					matures_at: request.matures_at(cooldown),
					position: u32::try_from(position).unwrap_or(u32::MAX),
					claimable: Self::preview_redeem(request.shares).unwrap_or(0),
				})
			})
			.collect()
	}
}
