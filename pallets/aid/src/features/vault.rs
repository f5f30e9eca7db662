//! The sAID vault's ERC-4626 entries and instant exits; the math is `heliox_vault`.

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// `deposit`: `assets` AID in, at least `min_shares` sAID out.
	pub(crate) fn do_deposit(who: T::AccountId, assets: u128, min_shares: u128) -> DispatchResult {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		let mut vault = Vault::<T>::get();
		let exchange =
			vault.deposit(Self::offset()?, Self::now(), assets).map_err(Error::<T>::from)?;
		ensure!(exchange.shares >= min_shares, Error::<T>::SlippageExceeded);
		Self::enter(who, vault, exchange)
	}

	/// `mint`: exactly `shares` sAID out, at most `max_assets` AID in.
	pub(crate) fn do_mint(who: T::AccountId, shares: u128, max_assets: u128) -> DispatchResult {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		let mut vault = Vault::<T>::get();
		let exchange =
			vault.mint(Self::offset()?, Self::now(), shares).map_err(Error::<T>::from)?;
		ensure!(exchange.assets <= max_assets, Error::<T>::SlippageExceeded);
		Self::enter(who, vault, exchange)
	}

	/// Moves a deposit's AID into the vault, mints its shares and stores the new state.
	fn enter(
		who: T::AccountId,
		vault: heliox_vault::VaultState,
		exchange: heliox_vault::Exchange,
	) -> DispatchResult {
		let aid = T::AidAssetId::get();
		ensure!(Self::spendable(aid, &who) >= exchange.assets, Error::<T>::InsufficientBalance);
		Self::move_asset(aid, &who, &Self::vault_account(), exchange.assets)?;
		Self::issue(T::SaidAssetId::get(), &who, exchange.shares)?;
		Vault::<T>::put(vault);
		Self::deposit_event(Event::Deposited {
			who,
			assets: exchange.assets,
			shares: exchange.shares,
		});
		Ok(())
	}

	/// Instant exits are only open while the cooldown is zero (the queue is the exit rule).
	fn exit_checks() -> DispatchResult {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		ensure!(Self::cooldown() == 0, Error::<T>::CooldownActive);
		Ok(())
	}

	/// `withdraw`: exactly `assets` AID out, at most `max_shares` sAID burned.
	pub(crate) fn do_withdraw(who: T::AccountId, assets: u128, max_shares: u128) -> DispatchResult {
		Self::exit_checks()?;
		let owned = Self::spendable(T::SaidAssetId::get(), &who);
		let mut vault = Vault::<T>::get();
		let exchange = vault
			.withdraw(Self::offset()?, Self::now(), assets, owned)
			.map_err(Error::<T>::from)?;
		ensure!(exchange.shares <= max_shares, Error::<T>::SlippageExceeded);
		Self::leave(who, vault, exchange)
	}

	/// `redeem`: exactly `shares` sAID burned, at least `min_assets` AID out.
	pub(crate) fn do_redeem(who: T::AccountId, shares: u128, min_assets: u128) -> DispatchResult {
		Self::exit_checks()?;
		let owned = Self::spendable(T::SaidAssetId::get(), &who);
		let mut vault = Vault::<T>::get();
		let exchange =
			vault.redeem(Self::offset()?, Self::now(), shares, owned).map_err(Error::<T>::from)?;
		ensure!(exchange.assets >= min_assets, Error::<T>::SlippageExceeded);
		Self::leave(who, vault, exchange)
	}

	/// Burns an exit's shares, pays its AID and stores the new state.
	fn leave(
		who: T::AccountId,
		vault: heliox_vault::VaultState,
		exchange: heliox_vault::Exchange,
	) -> DispatchResult {
		Self::burn(T::SaidAssetId::get(), &who, exchange.shares)?;
		Self::move_asset(T::AidAssetId::get(), &Self::vault_account(), &who, exchange.assets)?;
		Vault::<T>::put(vault);
		Self::deposit_event(Event::Withdrawn {
			who,
			assets: exchange.assets,
			shares: exchange.shares,
		});
		Ok(())
	}
}
