//! Prices, rentals, escrow and the settlement of revenue.

use crate::*;
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{InspectHold, MutateHold},
		fungibles::{self, Inspect as _},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use heliox_gpu_liveness::LivenessMonitor;
use heliox_vault::RevenueSink;
use sp_runtime::{traits::CheckedAdd, Permill, Saturating};

/// How the escrow of a settled rental was paid out.
pub(crate) struct Split {
	pub uptime_ppm: u32,
	pub refunded: u128,
	pub to_operator: u128,
	pub to_holder: u128,
	pub to_protocol: u128,
}

/// Splits `paid`: the downtime part back to the renter, the rest by `shares`, the rounding
/// dust to the operator. The parts always sum to `paid`.
pub(crate) fn split(paid: u128, uptime_ppm: u32, shares: &RevenueShares) -> Split {
	let uptime = Permill::from_parts(uptime_ppm.min(1_000_000));
	let earned = uptime.mul_floor(paid);
	let refunded = paid.saturating_sub(earned);
	let to_protocol = shares.protocol.mul_floor(earned);
	let to_holder = shares.holder.mul_floor(earned);
	// The two floors sum to at most `earned` for shares summing to 100%.
	let to_operator = earned.saturating_sub(to_protocol).saturating_sub(to_holder);
	Split { uptime_ppm: uptime.deconstruct(), refunded, to_operator, to_holder, to_protocol }
}

impl<T: Config> Pallet<T> {
	/// Sets the price of a GPU that is not retired.
	pub(crate) fn do_set_price(
		who: T::AccountId,
		gpu: GpuId,
		currency: PaymentCurrency,
		per_block: u128,
	) -> DispatchResult {
		let mut record = Self::operated_gpu(&who, gpu)?;
		ensure!(!matches!(record.status, GpuStatus::Retired { .. }), Error::<T>::AlreadyRetired);
		ensure!(per_block > 0, Error::<T>::ZeroPrice);
		let price = Price { currency, per_block };
		record.price = Some(price);
		Gpus::<T>::insert(gpu, record);
		Self::deposit_event(Event::PriceSet { gpu, price });
		Ok(())
	}

	/// Rents an active, unrented GPU; the payment goes to escrow.
	pub(crate) fn do_rent(
		renter: T::AccountId,
		gpu: GpuId,
		blocks: u32,
		max_price_per_block: u128,
		currency: PaymentCurrency,
	) -> DispatchResult {
		let record = Gpus::<T>::get(gpu).ok_or(Error::<T>::UnknownGpu)?;
		ensure!(record.status == GpuStatus::Active, Error::<T>::GpuNotActive);
		ensure!(!Rentals::<T>::contains_key(gpu), Error::<T>::GpuRented);
		ensure!(blocks > 0, Error::<T>::ZeroBlocks);
		ensure!(blocks <= T::MaxRentalBlocks::get(), Error::<T>::TooManyBlocks);
		let price = record.price.ok_or(Error::<T>::NoPrice)?;
		ensure!(price.currency == currency, Error::<T>::CurrencyMismatch);
		ensure!(price.per_block <= max_price_per_block, Error::<T>::PriceAboveMax);
		let paid = price.per_block.checked_mul(u128::from(blocks)).ok_or(Error::<T>::Overflow)?;
		let start = frame_system::Pallet::<T>::block_number();
		let end = start.checked_add(&blocks.into()).ok_or(Error::<T>::Overflow)?;
		Self::take_payment(price.currency, &renter, paid)?;
		Rentals::<T>::insert(
			gpu,
			Rental {
				renter: renter.clone(),
				start,
				end,
				currency: price.currency,
				price_per_block: price.per_block,
				paid,
			},
		);
		Self::deposit_event(Event::Rented {
			gpu,
			renter,
			currency: price.currency,
			price_per_block: price.per_block,
			blocks,
			paid,
			start,
			end,
		});
		Ok(())
	}

	/// Puts `amount` in escrow: native on hold on the renter, AID in the escrow account.
	fn take_payment(
		currency: PaymentCurrency,
		renter: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		match currency {
			PaymentCurrency::Native => {
				let reason = HoldReason::RentalEscrow.into();
				T::Currency::ensure_can_hold(&reason, renter, amount)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
				T::Currency::hold(&reason, renter, amount)
			},
			PaymentCurrency::Aid => {
				let aid = T::AidAssetId::get();
				ensure!(
					T::Assets::reducible_balance(
						aid,
						renter,
						Preservation::Expendable,
						Fortitude::Polite
					) >= amount,
					Error::<T>::InsufficientBalance
				);
				<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
					aid,
					renter,
					&Self::escrow_account(),
					amount,
					Preservation::Expendable,
				)?;
				Ok(())
			},
		}
	}

	/// Pays `amount` of a rental's escrow to `to`. Nothing moves on error.
	fn pay_from_escrow(
		currency: PaymentCurrency,
		renter: &T::AccountId,
		to: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		with_storage_layer(|| match currency {
			PaymentCurrency::Native => {
				let reason = HoldReason::RentalEscrow.into();
				if to == renter {
					T::Currency::release(&reason, renter, amount, Precision::Exact)?;
				} else {
					T::Currency::transfer_on_hold(
						&reason,
						renter,
						to,
						amount,
						Precision::Exact,
						Restriction::Free,
						Fortitude::Force,
					)?;
				}
				Ok(())
			},
			PaymentCurrency::Aid => {
				let aid = T::AidAssetId::get();
				let escrow = Self::escrow_account();
				// Never sweep other rentals' escrow as dust: only the last payment may empty
				// the account.
				let keep = if T::Assets::balance(aid, &escrow) > amount {
					Preservation::Preserve
				} else {
					Preservation::Expendable
				};
				<T::Assets as fungibles::Mutate<T::AccountId>>::transfer(
					aid, &escrow, to, amount, keep,
				)?;
				Ok(())
			},
		})
	}

	/// Pays `to`, or the treasury if `to` cannot receive the payment.
	fn pay_or_redirect(
		gpu: GpuId,
		currency: PaymentCurrency,
		renter: &T::AccountId,
		to: &T::AccountId,
		amount: u128,
	) -> DispatchResult {
		if Self::pay_from_escrow(currency, renter, to, amount).is_ok() {
			return Ok(());
		}
		Self::pay_from_escrow(currency, renter, &T::TreasuryAccount::get(), amount)?;
		Self::deposit_event(Event::PaymentRedirected {
			gpu,
			intended: to.clone(),
			currency,
			amount,
		});
		Ok(())
	}

	/// Settles an ended rental (see the module docs).
	pub(crate) fn do_settle_rental(gpu: GpuId) -> DispatchResult {
		let rental = Rentals::<T>::get(gpu).ok_or(Error::<T>::NoRental)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= rental.end,
			Error::<T>::RentalNotEnded
		);
		let record = Gpus::<T>::get(gpu).ok_or(Error::<T>::UnknownGpu)?;
		let uptime_ppm =
			T::Liveness::uptime(&gpu).map(|uptime| uptime.parts_per_million()).unwrap_or(1_000_000);
		let parts = split(rental.paid, uptime_ppm, &Shares::<T>::get());
		let currency = rental.currency;
		let renter = &rental.renter;
		let holder = Self::holder(gpu, &record);

		// The renter's refund: releasing a hold cannot fail; AID the renter cannot receive
		// goes to the treasury.
		Self::pay_or_redirect(gpu, currency, renter, renter, parts.refunded)?;
		Self::pay_from_escrow(currency, renter, &T::TreasuryAccount::get(), parts.to_protocol)?;

		let mut via_sink = false;
		if currency == PaymentCurrency::Aid && parts.to_holder > 0 && T::RevenueSink::finances(&gpu)
		{
			let escrow = Self::escrow_account();
			let accepted = with_storage_layer(|| {
				T::RevenueSink::accept_revenue(&escrow, &gpu, parts.to_holder)
					.map_err(DispatchErrorOrRevenue::Revenue)
			});
			match accepted {
				Ok(()) => via_sink = true,
				Err(DispatchErrorOrRevenue::Revenue(error)) => {
					Self::deposit_event(Event::RevenueSinkRefused {
						gpu,
						amount: parts.to_holder,
						error,
					});
				},
				Err(DispatchErrorOrRevenue::Dispatch(error)) => return Err(error),
			}
		}
		if !via_sink {
			Self::pay_or_redirect(gpu, currency, renter, &holder, parts.to_holder)?;
		}
		Self::pay_or_redirect(gpu, currency, renter, &record.provider, parts.to_operator)?;

		Revenue::<T>::mutate(gpu, |revenue| {
			let entry = revenue.of_mut(currency);
			entry.to_holder.saturating_accrue(parts.to_holder);
			entry.to_operator.saturating_accrue(parts.to_operator);
			entry.to_protocol.saturating_accrue(parts.to_protocol);
		});
		Rentals::<T>::remove(gpu);
		Self::deposit_event(Event::RentalSettled {
			gpu,
			renter: rental.renter,
			currency,
			paid: rental.paid,
			uptime_ppm: parts.uptime_ppm,
			refunded: parts.refunded,
			to_operator: parts.to_operator,
			to_holder: parts.to_holder,
			to_protocol: parts.to_protocol,
			holder,
			via_sink,
		});
		Ok(())
	}

	/// Native funds held in escrow for `renter`'s open rentals.
	pub fn rental_escrow_held(renter: &T::AccountId) -> u128 {
		T::Currency::balance_on_hold(&HoldReason::RentalEscrow.into(), renter)
	}
}

/// The error of a revenue sink inside a storage layer.
enum DispatchErrorOrRevenue {
	Dispatch(DispatchError),
	Revenue(heliox_vault::RevenueError),
}

impl From<DispatchError> for DispatchErrorOrRevenue {
	fn from(error: DispatchError) -> Self {
		Self::Dispatch(error)
	}
}
