//! The FIFO withdrawal queue: requests lock shares, are served after the cooldown from idle
//! AID (partially when liquidity is short), and can be cancelled.

use crate::*;
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::with_storage_layer};
use heliox_vault::WithdrawalRequest;

impl<T: Config> Pallet<T> {
	/// `request_withdraw`: locks `shares` sAID of `who` in the queue account and queues them.
	pub(crate) fn do_request_withdraw(who: T::AccountId, shares: u128) -> DispatchResult {
		ensure!(!Paused::<T>::get(), Error::<T>::Paused);
		ensure!(shares > 0, Error::<T>::ZeroAmount);
		let said = T::SaidAssetId::get();
		let balance = Self::spendable(said, &who);
		ensure!(balance >= shares, Error::<T>::InsufficientShares);
		if shares < balance {
			let value = Vault::<T>::get()
				.convert_to_assets(Self::offset()?, Self::now(), shares)
				.map_err(Error::<T>::from)?;
			ensure!(value >= T::MinWithdrawal::get(), Error::<T>::RequestTooSmall);
		}
		let len = QueueLen::<T>::get();
		ensure!(len < T::MaxQueueLen::get(), Error::<T>::QueueFull);
		let id = NextRequestId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut mine = AccountRequests::<T>::get(&who);
		mine.try_push(id).map_err(|_| Error::<T>::TooManyRequests)?;

		Self::move_asset(said, &who, &Self::queue_account(), shares)?;
		Requests::<T>::insert(
			id,
			WithdrawalRequest { id, owner: who.clone(), shares, requested_at: Self::now() },
		);
		AccountRequests::<T>::insert(&who, mine);
		NextRequestId::<T>::put(next_id);
		QueueLen::<T>::put(len.saturating_add(1));
		Self::deposit_event(Event::WithdrawRequested { id, who, shares });
		Ok(())
	}

	/// `cancel_withdraw`: returns the remaining shares of `who`'s request `id`.
	pub(crate) fn do_cancel_withdraw(who: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		ensure!(request.owner == who, Error::<T>::NotRequestOwner);
		Self::move_asset(T::SaidAssetId::get(), &Self::queue_account(), &who, request.shares)?;
		Self::remove_request(&request);
		Self::deposit_event(Event::WithdrawCancelled { id, who, shares: request.shares });
		Ok(())
	}

	/// Forgets a request that is complete or cancelled.
	fn remove_request(request: &WithdrawalRequest<T::AccountId>) {
		Requests::<T>::remove(request.id);
		AccountRequests::<T>::mutate_exists(&request.owner, |mine| {
			if let Some(list) = mine {
				list.retain(|id| *id != request.id);
				if list.is_empty() {
					*mine = None;
				}
			}
		});
		QueueLen::<T>::mutate(|len| *len = len.saturating_sub(1));
	}

	/// Serves the queue from its head, looking at no more than `max` entries (pending requests
	/// and ids left by served or cancelled ones). Returns the number of entries looked at.
	///
	/// Requests are served in id order once matured, each at the price of the moment, in full
	/// or partially when idle AID runs out (then the run stops and the request keeps its
	/// place). Must run in a storage layer: on `Err` some fills may have been applied.
	pub(crate) fn do_process_queue(max: u32) -> Result<u32, DispatchError> {
		let now = Self::now();
		let cooldown = Self::cooldown();
		let end = NextRequestId::<T>::get();
		let mut cursor = QueueHead::<T>::get();
		let mut steps = 0u32;
		let mut batch = Vec::new();
		while cursor < end && steps < max {
			steps = steps.saturating_add(1);
			if let Some(request) = Requests::<T>::get(cursor) {
				if !request.is_matured(now, cooldown) {
					break;
				}
				batch.push(request);
			}
			cursor = cursor.saturating_add(1);
		}

		let mut head = cursor;
		if !batch.is_empty() {
			let mut vault = Vault::<T>::get();
			let fills = vault
				.process_withdrawal_queue(Self::offset()?, now, cooldown, u128::MAX, batch.iter())
				.map_err(Error::<T>::from)?;
			let said = T::SaidAssetId::get();
			let aid = T::AidAssetId::get();
			let queue_account = Self::queue_account();
			let vault_account = Self::vault_account();
			let mut fills = fills.into_iter();
			for request in batch {
				let Some(fill) = fills.next() else {
					// Not served (no liquidity left): it stays at the head.
					head = request.id;
					break;
				};
				ensure!(fill.id == request.id, Error::<T>::UnknownRequest);
				Self::burn(said, &queue_account, fill.shares_burned)?;
				Self::move_asset(aid, &vault_account, &request.owner, fill.assets_paid)?;
				Self::deposit_event(Event::WithdrawFilled {
					id: request.id,
					who: request.owner.clone(),
					shares_burned: fill.shares_burned,
					assets_paid: fill.assets_paid,
					remaining_shares: fill.remaining_shares,
				});
				if fill.remaining_shares == 0 {
					Self::remove_request(&request);
				} else {
					head = request.id;
					Requests::<T>::insert(
						request.id,
						WithdrawalRequest { shares: fill.remaining_shares, ..request },
					);
					break;
				}
			}
			Vault::<T>::put(vault);
		}
		if head != QueueHead::<T>::get() {
			QueueHead::<T>::put(head);
		}
		Ok(steps)
	}

	/// The `on_initialize` service of the queue: at most `MaxQueueProcessPerBlock` entries,
	/// nothing while paused or empty. A failure is logged and leaves the state unchanged.
	pub(crate) fn service_queue_on_initialize() -> Weight {
		let max = T::MaxQueueProcessPerBlock::get();
		if max == 0 || Paused::<T>::get() || QueueLen::<T>::get() == 0 {
			return T::WeightInfo::on_initialize_queue(0);
		}
		match with_storage_layer(|| Self::do_process_queue(max)) {
			Ok(steps) => T::WeightInfo::on_initialize_queue(steps),
			Err(error) => {
				log::warn!(target: LOG_TARGET, "withdrawal queue service failed: {error:?}");
				T::WeightInfo::on_initialize_queue(max)
			},
		}
	}
}
