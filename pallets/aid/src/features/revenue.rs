//! GPU financing deals and revenue: `fund_gpu_deal` / `close_gpu_deal` move AID between
//! idle and deployed; revenue of financed GPUs vests into the vault through [`RevenueSink`].

use crate::*;
use frame_support::{pallet_prelude::*, storage::with_storage_layer};
use heliox_vault::{RevenueError, RevenueSink, VaultError};

impl<T: Config> Pallet<T> {
	/// Deploys `amount` idle AID to `beneficiary` for `gpu` and records the deal.
	pub(crate) fn do_fund_gpu_deal(
		gpu: T::GpuId,
		beneficiary: T::AccountId,
		amount: u128,
	) -> DispatchResult {
		ensure!(!GpuDeals::<T>::contains_key(&gpu), Error::<T>::GpuAlreadyFinanced);
		ensure!(Deals::<T>::count() < T::MaxDeals::get(), Error::<T>::TooManyDeals);
		let mut vault = Vault::<T>::get();
		vault.deploy(Self::now(), amount).map_err(Error::<T>::from)?;
		let deal = NextDealId::<T>::get();
		let next_deal = deal.checked_add(1).ok_or(Error::<T>::Overflow)?;

		Self::move_asset(T::AidAssetId::get(), &Self::vault_account(), &beneficiary, amount)?;
		Deals::<T>::insert(
			deal,
			Deal {
				gpu: gpu.clone(),
				beneficiary: beneficiary.clone(),
				principal: amount,
				opened_at: frame_system::Pallet::<T>::block_number(),
				revenue: 0,
			},
		);
		GpuDeals::<T>::insert(&gpu, deal);
		NextDealId::<T>::put(next_deal);
		Vault::<T>::put(vault);
		Self::deposit_event(Event::DealFunded { deal, gpu, beneficiary, amount });
		Ok(())
	}

	/// Closes `deal`: takes `repaid` AID back from the beneficiary into idle, writes the rest
	/// of the principal down.
	pub(crate) fn do_close_gpu_deal(deal_id: DealId, repaid: u128) -> DispatchResult {
		let deal = Deals::<T>::get(deal_id).ok_or(Error::<T>::UnknownDeal)?;
		let loss = deal.principal.checked_sub(repaid).ok_or(Error::<T>::RepaidExceedsPrincipal)?;
		let now = Self::now();
		let mut vault = Vault::<T>::get();
		if repaid > 0 {
			vault.recall(now, repaid).map_err(Error::<T>::from)?;
		}
		if loss > 0 {
			vault.write_down(now, loss).map_err(Error::<T>::from)?;
		}
		let aid = T::AidAssetId::get();
		ensure!(Self::spendable(aid, &deal.beneficiary) >= repaid, Error::<T>::InsufficientBalance);

		Self::move_asset(aid, &deal.beneficiary, &Self::vault_account(), repaid)?;
		Deals::<T>::remove(deal_id);
		GpuDeals::<T>::remove(&deal.gpu);
		Vault::<T>::put(vault);
		Self::deposit_event(Event::DealClosed { deal: deal_id, gpu: deal.gpu, repaid, loss });
		Ok(())
	}

	/// Takes `amount` AID from `payer` as revenue of the financed `gpu`: the performance fee
	/// to the treasury, the rest into the vault's vesting schedule.
	pub(crate) fn do_accept_revenue(
		payer: &T::AccountId,
		gpu: &T::GpuId,
		amount: u128,
	) -> DispatchResult {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(
			*payer != Self::vault_account()
				&& *payer != Self::queue_account()
				&& *payer != Self::account_id(),
			Error::<T>::InvalidPayer
		);
		let deal_id = GpuDeals::<T>::get(gpu).ok_or(Error::<T>::GpuNotFinanced)?;
		let mut deal = Deals::<T>::get(deal_id).ok_or(Error::<T>::GpuNotFinanced)?;
		let aid = T::AidAssetId::get();
		ensure!(Self::spendable(aid, payer) >= amount, Error::<T>::InsufficientBalance);
		let mut vault = Vault::<T>::get();
		let split = vault
			.inject_revenue_with_fee(
				Self::now(),
				amount,
				Self::vesting_period(),
				Params::<T>::get().performance_fee.deconstruct(),
			)
			.map_err(Error::<T>::from)?;

		Self::move_asset(aid, payer, &Self::vault_account(), split.to_vault)?;
		Self::move_asset(aid, payer, &T::TreasuryAccount::get(), split.to_treasury)?;
		deal.revenue = deal.revenue.saturating_add(amount);
		Deals::<T>::insert(deal_id, deal);
		Vault::<T>::put(vault);
		Self::deposit_event(Event::RevenueReceived {
			gpu: gpu.clone(),
			deal: deal_id,
			payer: payer.clone(),
			amount,
			to_vault: split.to_vault,
			fee: split.to_treasury,
		});
		Ok(())
	}

	/// Maps a dispatch error of [`Self::do_accept_revenue`] to the FRAME-free sink error.
	fn revenue_error(error: DispatchError) -> RevenueError {
		let is = |e: Error<T>| error == DispatchError::from(e);
		if is(Error::<T>::GpuNotFinanced) {
			RevenueError::NotFinanced
		} else if is(Error::<T>::Paused) {
			RevenueError::Unavailable
		} else if is(Error::<T>::ZeroAmount) {
			RevenueError::Vault(VaultError::ZeroAmount)
		} else if is(Error::<T>::Overflow) {
			RevenueError::Vault(VaultError::Overflow)
		} else {
			RevenueError::PaymentFailed
		}
	}
}

impl<T: Config> RevenueSink<T::AccountId, T::GpuId, u128> for Pallet<T> {
	fn finances(gpu: &T::GpuId) -> bool {
		GpuDeals::<T>::contains_key(gpu)
	}

	fn accept_revenue(
		payer: &T::AccountId,
		gpu: &T::GpuId,
		amount: u128,
	) -> Result<(), RevenueError> {
		with_storage_layer(|| Self::do_accept_revenue(payer, gpu, amount))
			.map_err(Self::revenue_error)
	}
}
