//! Crowdsales of IPTs: start (tokens escrowed), bids (currency escrowed), O(1) settlement and
//! per-bidder claims.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use heliox_ip_nft::{ProceedsSplit, SaleTerms};
use sp_runtime::{DispatchError, Saturating};

impl<T: Config> Pallet<T> {
	/// The economic terms of a sale for `heliox_ip_nft`.
	pub(crate) fn terms_of(params: &SaleParams<BlockNumberFor<T>>) -> SaleTerms {
		SaleTerms {
			price: params.price,
			tokens_for_sale: params.tokens_for_sale,
			funding_goal: params.funding_goal,
		}
	}

	/// First block the tokens of `sale` can be claimed.
	pub(crate) fn unlock_block(params: &SaleParams<BlockNumberFor<T>>) -> BlockNumberFor<T> {
		params.end.saturating_add(params.lock_period)
	}

	pub(crate) fn do_start_sale(
		seller: T::AccountId,
		ip_nft: T::ItemId,
		params: SaleParams<BlockNumberFor<T>>,
		allow_list: Option<AllowListOf<T>>,
		beneficiary: Option<T::AccountId>,
	) -> DispatchResult {
		let ipt = Ipts::<T>::get(ip_nft).ok_or(Error::<T>::NotTokenized)?;
		ensure!(ipt.controller == seller, Error::<T>::NotOwner);
		ensure!(!ActiveSale::<T>::contains_key(ip_nft), Error::<T>::SaleAlreadyActive);
		heliox_ip_nft::validate_terms(&Self::terms_of(&params)).map_err(Error::<T>::from)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(params.start >= now && params.end > params.start, Error::<T>::InvalidSchedule);
		ensure!(
			params.end.saturating_sub(params.start) <= T::MaxSaleDuration::get(),
			Error::<T>::SaleTooLong
		);
		ensure!(params.lock_period <= T::MaxLockPeriod::get(), Error::<T>::LockTooLong);
		ensure!(
			Self::ipt_reducible(ipt.asset, &seller) >= params.tokens_for_sale,
			Error::<T>::InsufficientTokens
		);

		let escrow = Self::account_id();
		Self::move_ipt(ipt.asset, &seller, &escrow, params.tokens_for_sale)?;
		Self::fund_escrow(params.currency, &seller)?;

		let sale = NextSaleId::<T>::get();
		NextSaleId::<T>::put(sale.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let beneficiary = beneficiary.unwrap_or_else(|| seller.clone());
		let restricted = allow_list.is_some();
		if let Some(list) = allow_list {
			SaleAllowList::<T>::insert(sale, list);
		}
		Sales::<T>::insert(
			sale,
			Sale {
				ip_nft,
				asset: ipt.asset,
				seller: seller.clone(),
				beneficiary: beneficiary.clone(),
				params,
				restricted,
				raised: 0,
				bidders: 0,
				status: SaleStatus::Open,
				split: ProceedsSplit::default(),
				refunds_paid: 0,
				tokens_delivered: 0,
				refund_claims: 0,
				token_claims: 0,
				currency_dust: 0,
				token_dust: 0,
			},
		);
		ActiveSale::<T>::insert(ip_nft, sale);
		Self::deposit_event(Event::SaleStarted {
			sale,
			ip_nft,
			seller,
			beneficiary,
			params,
			restricted,
		});
		Ok(())
	}

	pub(crate) fn do_bid(who: T::AccountId, sale_id: SaleId, amount: u128) -> DispatchResult {
		let mut sale = Sales::<T>::get(sale_id).ok_or(Error::<T>::UnknownSale)?;
		ensure!(sale.status == SaleStatus::Open, Error::<T>::SaleAlreadySettled);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= sale.params.start, Error::<T>::SaleNotStarted);
		ensure!(now < sale.params.end, Error::<T>::SaleEnded);
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		if sale.restricted {
			let listed = SaleAllowList::<T>::get(sale_id).is_some_and(|list| list.contains(&who));
			ensure!(listed, Error::<T>::NotAllowListed);
		}
		ensure!(TermsAccepted::<T>::contains_key(sale.asset, &who), Error::<T>::TermsNotAccepted);

		let mut bid = Bids::<T>::get(sale_id, &who);
		if bid.is_none() {
			sale.bidders = sale.bidders.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		let mut bid = bid.take().unwrap_or_default();
		bid.amount = bid.amount.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		sale.raised = sale.raised.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		Self::pay(sale.params.currency, &who, &Self::account_id(), amount)?;
		Bids::<T>::insert(sale_id, &who, bid);
		let raised = sale.raised;
		Sales::<T>::insert(sale_id, sale);
		Self::deposit_event(Event::BidPlaced {
			sale: sale_id,
			who,
			amount,
			total_bid: bid.amount,
			raised,
		});
		Ok(())
	}

	pub(crate) fn do_settle(sale_id: SaleId) -> DispatchResult {
		let mut sale = Sales::<T>::get(sale_id).ok_or(Error::<T>::UnknownSale)?;
		ensure!(sale.status == SaleStatus::Open, Error::<T>::SaleAlreadySettled);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= sale.params.end, Error::<T>::SaleNotEnded);

		let outcome = heliox_ip_nft::settle(&Self::terms_of(&sale.params), sale.raised)
			.map_err(Error::<T>::from)?;
		let escrow = Self::account_id();
		let currency = sale.params.currency;
		let unsold = match outcome {
			Outcome::Failed => sale.params.tokens_for_sale,
			Outcome::Succeeded { tokens_sold, proceeds } => {
				let record = IpNfts::<T>::get(sale.ip_nft).ok_or(Error::<T>::UnknownIpNft)?;
				let split = heliox_ip_nft::split_proceeds(
					proceeds,
					ProtocolFee::<T>::get().deconstruct(),
					record.royalty.rate.deconstruct(),
				)
				.map_err(Error::<T>::from)?;
				Self::pay(currency, &escrow, &T::TreasuryAccount::get(), split.fee)?;
				Self::pay(currency, &escrow, &record.royalty.recipient, split.royalty)?;
				Self::pay(currency, &escrow, &sale.beneficiary, split.net)?;
				sale.split = split;
				sale.params.tokens_for_sale.saturating_sub(tokens_sold)
			},
		};
		Self::move_ipt(sale.asset, &escrow, &sale.seller, unsold)?;
		sale.status = SaleStatus::Settled(outcome);
		ActiveSale::<T>::remove(sale.ip_nft);
		SaleAllowList::<T>::remove(sale_id);
		let split = sale.split;
		Sales::<T>::insert(sale_id, sale);
		Self::deposit_event(Event::SaleSettled {
			sale: sale_id,
			outcome,
			fee: split.fee,
			royalty: split.royalty,
			net: split.net,
			unsold_returned: unsold,
		});
		Ok(())
	}

	/// The allocation of `bid` in `sale`: as settled, or as if settled now while open.
	pub(crate) fn allocation_of(sale: &SaleOf<T>, bid: u128) -> Result<Allocation, DispatchError> {
		let outcome = match sale.status {
			SaleStatus::Settled(outcome) => outcome,
			SaleStatus::Open => heliox_ip_nft::settle(&Self::terms_of(&sale.params), sale.raised)
				.map_err(Error::<T>::from)?,
		};
		Ok(heliox_ip_nft::allocation(&outcome, sale.raised, bid).map_err(Error::<T>::from)?)
	}

	pub(crate) fn do_claim(sale_id: SaleId, who: T::AccountId) -> DispatchResult {
		let mut sale = Sales::<T>::get(sale_id).ok_or(Error::<T>::UnknownSale)?;
		let SaleStatus::Settled(outcome) = sale.status else {
			return Err(Error::<T>::SaleNotSettled.into());
		};
		let mut bid = Bids::<T>::get(sale_id, &who).ok_or(Error::<T>::NoBid)?;
		ensure!(!(bid.refunded && bid.tokens_received), Error::<T>::NothingToClaim);
		let allocation = Self::allocation_of(&sale, bid.amount)?;
		let escrow = Self::account_id();
		let currency = sale.params.currency;
		let now = frame_system::Pallet::<T>::block_number();
		let unlocked = outcome == Outcome::Failed || now >= Self::unlock_block(&sale.params);
		let refund_due = !bid.refunded;
		let tokens_due = !bid.tokens_received && unlocked;
		// Only the token part is left and it is still locked.
		ensure!(refund_due || tokens_due, Error::<T>::TokensLocked);

		let mut refund = 0;
		if refund_due {
			refund = allocation.refund;
			Self::pay(currency, &escrow, &who, refund)?;
			bid.refunded = true;
			sale.refunds_paid =
				sale.refunds_paid.checked_add(refund).ok_or(Error::<T>::Overflow)?;
			sale.refund_claims = sale.refund_claims.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		let mut tokens = 0;
		if tokens_due {
			tokens = allocation.tokens;
			Self::move_ipt(sale.asset, &escrow, &who, tokens)?;
			bid.tokens_received = true;
			sale.tokens_delivered =
				sale.tokens_delivered.checked_add(tokens).ok_or(Error::<T>::Overflow)?;
			sale.token_claims = sale.token_claims.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}

		// The claim that completes the last bidder's part returns that part's rounding dust.
		let mut currency_dust = 0;
		if refund_due && sale.refund_claims == sale.bidders {
			let proceeds = match outcome {
				Outcome::Succeeded { proceeds, .. } => proceeds,
				Outcome::Failed => 0,
			};
			currency_dust = sale.raised.saturating_sub(proceeds).saturating_sub(sale.refunds_paid);
			Self::pay(currency, &escrow, &sale.beneficiary, currency_dust)?;
			sale.currency_dust = currency_dust;
		}
		let mut token_dust = 0;
		if tokens_due && sale.token_claims == sale.bidders {
			if let Outcome::Succeeded { tokens_sold, .. } = outcome {
				token_dust = tokens_sold.saturating_sub(sale.tokens_delivered);
				Self::move_ipt(sale.asset, &escrow, &sale.seller, token_dust)?;
				sale.token_dust = token_dust;
			}
		}

		Bids::<T>::insert(sale_id, &who, bid);
		Sales::<T>::insert(sale_id, sale);
		Self::deposit_event(Event::Claimed { sale: sale_id, who, tokens, refund });
		if currency_dust > 0 || token_dust > 0 {
			Self::deposit_event(Event::DustReturned {
				sale: sale_id,
				currency: currency_dust,
				tokens: token_dust,
			});
		}
		Ok(())
	}
}
