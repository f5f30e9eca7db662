//! `try_state` invariants of the pallet.

use crate::*;
use frame_support::{
	ensure,
	traits::{fungibles::Inspect, Get},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant the pallet maintains:
	///
	/// * AID supply ≤ AID value of the collateral held, and the pallet account holds at least
	///   the collateral recorded for each asset;
	/// * sAID supply = the vault's share total;
	/// * the vault account holds at least idle + vesting AID (donations may add more);
	/// * deployed AID = sum of open deals' principal, one deal per GPU;
	/// * the queue's records agree with each other and the queue account holds the queued
	///   shares.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let aid = T::AidAssetId::get();
		let said = T::SaidAssetId::get();
		let aid_decimals = T::AidDecimals::get();

		// Backing.
		let mut backing: u128 = 0;
		let mut collaterals: u32 = 0;
		let reserve = Self::account_id();
		for (asset, info) in Collaterals::<T>::iter() {
			collaterals = collaterals.saturating_add(1);
			backing = backing.saturating_add(features::convert_floor(
				info.held,
				info.decimals,
				aid_decimals,
			));
			ensure!(
				T::Assets::balance(asset, &reserve) >= info.held,
				"collateral recorded as held is missing from the pallet account"
			);
		}
		ensure!(collaterals == Collaterals::<T>::count(), "collateral counter is wrong");
		ensure!(collaterals <= T::MaxCollaterals::get(), "too many collaterals");
		ensure!(T::Assets::total_issuance(aid) <= backing, "AID supply exceeds collateral held");

		// Vault balance sheet.
		let vault = Vault::<T>::get();
		ensure!(T::Assets::total_issuance(said) == vault.total_shares, "sAID supply != shares");
		let held_by_vault = vault
			.idle_assets
			.checked_add(vault.vesting.amount)
			.ok_or("vault idle + vesting overflows")?;
		ensure!(
			T::Assets::balance(aid, &Self::vault_account()) >= held_by_vault,
			"vault account holds less AID than idle + vesting"
		);

		// Deals.
		let mut principal: u128 = 0;
		let mut deals: u32 = 0;
		for (id, deal) in Deals::<T>::iter() {
			deals = deals.saturating_add(1);
			principal = principal.checked_add(deal.principal).ok_or("principal overflows")?;
			ensure!(GpuDeals::<T>::get(&deal.gpu) == Some(id), "deal not indexed by its GPU");
			ensure!(id < NextDealId::<T>::get(), "deal id from the future");
		}
		ensure!(deals == Deals::<T>::count(), "deal counter is wrong");
		ensure!(deals <= T::MaxDeals::get(), "too many deals");
		ensure!(GpuDeals::<T>::iter().count() == deals as usize, "GPU index has stale entries");
		ensure!(principal == vault.deployed_assets, "deployed assets != open principal");

		// Queue.
		let head = QueueHead::<T>::get();
		let next = NextRequestId::<T>::get();
		let mut queued: u128 = 0;
		let mut len: u32 = 0;
		for (id, request) in Requests::<T>::iter() {
			len = len.saturating_add(1);
			queued = queued.checked_add(request.shares).ok_or("queued shares overflow")?;
			ensure!(request.id == id, "request stored under another id");
			ensure!(head <= id && id < next, "request outside the queue window");
			ensure!(
				AccountRequests::<T>::get(&request.owner).contains(&id),
				"request missing from its owner's list"
			);
		}
		ensure!(len == QueueLen::<T>::get(), "queue length is wrong");
		ensure!(len <= T::MaxQueueLen::get(), "queue too long");
		let mut listed: u32 = 0;
		for (owner, ids) in AccountRequests::<T>::iter() {
			ensure!(!ids.is_empty(), "empty request list kept");
			for id in ids.iter() {
				listed = listed.saturating_add(1);
				let request = Requests::<T>::get(id).ok_or("listed request does not exist")?;
				ensure!(request.owner == owner, "request listed under another account");
			}
		}
		ensure!(listed == len, "request lists and queue disagree");
		ensure!(queued <= vault.total_shares, "more shares queued than exist");
		ensure!(
			T::Assets::balance(said, &Self::queue_account()) >= queued,
			"queue account holds less sAID than queued"
		);
		Ok(())
	}
}
