//! `try_state` invariants of the pallet.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible, fungibles, tokens::nonfungibles_v2::Inspect as _, Get},
};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant the pallet maintains:
	///
	/// * every IPT: supply = minted ≤ cap, its NFT is held by the pallet account, its IP-NFT
	///   has a record;
	/// * every sale: the bids add up to `raised` and `bidders`; claim counters match the bid
	///   flags; a settled sale's fee + royalty + net = proceeds, and refunds paid + refunds
	///   still owed + proceeds + dust returned (+ dust still pending, below one unit per
	///   bidder and zero once every refund was claimed) = raised — likewise for tokens;
	///   open sales and only they are the active sale of their IP-NFT;
	/// * the escrow (pallet account) holds at least what the sales still owe, per currency and
	///   per IPT (more only through donations and the minimum-balance top-up).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let escrow = Self::account_id();

		for (ip_nft, ipt) in Ipts::<T>::iter() {
			let supply = <T::Assets as fungibles::Inspect<T::AccountId>>::total_issuance(ipt.asset);
			ensure!(supply == ipt.minted, "IPT supply differs from minted");
			ensure!(supply <= ipt.cap, "IPT supply above its cap");
			ensure!(IpNfts::<T>::contains_key(ip_nft), "tokenized IP-NFT without a record");
			let collection = Collection::<T>::get().ok_or("tokenized IP-NFT without collection")?;
			ensure!(
				T::Nfts::owner(&collection, &ip_nft) == Some(escrow.clone()),
				"tokenized IP-NFT not held by the pallet account"
			);
		}

		let mut owed_native: u128 = 0;
		let mut owed_aid: u128 = 0;
		let mut owed_tokens: BTreeMap<T::AssetId, u128> = BTreeMap::new();
		for (id, sale) in Sales::<T>::iter() {
			ensure!(id < NextSaleId::<T>::get(), "sale id from the future");
			let mut bids: u32 = 0;
			let mut total: u128 = 0;
			let mut refunded: u32 = 0;
			let mut received: u32 = 0;
			let mut refunds_owed: u128 = 0;
			let mut tokens_owed: u128 = 0;
			for (_, bid) in Bids::<T>::iter_prefix(id) {
				bids = bids.saturating_add(1);
				total = total.checked_add(bid.amount).ok_or("bids overflow")?;
				let allocation = Self::allocation_of(&sale, bid.amount)
					.map_err(|_| "allocation of a bid fails")?;
				if bid.refunded {
					refunded = refunded.saturating_add(1);
				} else {
					refunds_owed = refunds_owed.saturating_add(allocation.refund);
				}
				if bid.tokens_received {
					received = received.saturating_add(1);
				} else {
					tokens_owed = tokens_owed.saturating_add(allocation.tokens);
				}
			}
			ensure!(bids == sale.bidders, "bidder count is wrong");
			ensure!(total == sale.raised, "bids do not add up to raised");
			ensure!(refunded == sale.refund_claims, "refund claim count is wrong");
			ensure!(received == sale.token_claims, "token claim count is wrong");

			let (currency_held, tokens_held) = match sale.status {
				SaleStatus::Open => {
					ensure!(
						ActiveSale::<T>::get(sale.ip_nft) == Some(id),
						"open sale is not its IP-NFT's active sale"
					);
					ensure!(refunded == 0 && received == 0, "claims on an open sale");
					(sale.raised, sale.params.tokens_for_sale)
				},
				SaleStatus::Settled(outcome) => {
					ensure!(
						ActiveSale::<T>::get(sale.ip_nft) != Some(id),
						"settled sale still active"
					);
					let (proceeds, sold) = match outcome {
						Outcome::Failed => (0, 0),
						Outcome::Succeeded { proceeds, tokens_sold } => (proceeds, tokens_sold),
					};
					let split = sale.split;
					ensure!(
						split.fee.checked_add(split.royalty).and_then(|x| x.checked_add(split.net))
							== Some(proceeds),
						"fee + royalty + net != proceeds"
					);
					let accounted = sale
						.refunds_paid
						.checked_add(refunds_owed)
						.and_then(|x| x.checked_add(proceeds))
						.and_then(|x| x.checked_add(sale.currency_dust))
						.ok_or("currency accounting overflows")?;
					let pending = sale
						.raised
						.checked_sub(accounted)
						.ok_or("refunds + proceeds + dust exceed raised")?;
					ensure!(pending < u128::from(sale.bidders.max(1)), "currency dust too large");
					ensure!(
						sale.refund_claims < sale.bidders || pending == 0,
						"refunds + proceeds + dust != raised after the last claim"
					);
					let delivered = sale
						.tokens_delivered
						.checked_add(tokens_owed)
						.and_then(|x| x.checked_add(sale.token_dust))
						.ok_or("token accounting overflows")?;
					let pending_tokens =
						sold.checked_sub(delivered).ok_or("more tokens delivered than sold")?;
					ensure!(
						pending_tokens < u128::from(sale.bidders.max(1)),
						"token dust too large"
					);
					ensure!(
						sale.token_claims < sale.bidders || pending_tokens == 0,
						"tokens delivered + dust != sold after the last claim"
					);
					let currency_held = sale
						.raised
						.saturating_sub(proceeds)
						.saturating_sub(sale.refunds_paid)
						.saturating_sub(sale.currency_dust);
					let tokens_held =
						sold.saturating_sub(sale.tokens_delivered).saturating_sub(sale.token_dust);
					(currency_held, tokens_held)
				},
			};
			match sale.params.currency {
				SaleCurrency::Native => owed_native = owed_native.saturating_add(currency_held),
				SaleCurrency::Aid => owed_aid = owed_aid.saturating_add(currency_held),
			}
			let owed = owed_tokens.entry(sale.asset).or_insert(0);
			*owed = owed.saturating_add(tokens_held);
		}
		for (ip_nft, sale) in ActiveSale::<T>::iter() {
			let record = Sales::<T>::get(sale).ok_or("active sale does not exist")?;
			ensure!(record.ip_nft == ip_nft, "active sale of another IP-NFT");
		}

		ensure!(
			<T::NativeCurrency as fungible::Inspect<T::AccountId>>::balance(&escrow) >= owed_native,
			"escrow holds less HLX than the sales owe"
		);
		ensure!(
			<T::Assets as fungibles::Inspect<T::AccountId>>::balance(T::AidAssetId::get(), &escrow)
				>= owed_aid,
			"escrow holds less AID than the sales owe"
		);
		for (asset, owed) in owed_tokens {
			ensure!(
				<T::Assets as fungibles::Inspect<T::AccountId>>::balance(asset, &escrow) >= owed,
				"escrow holds fewer IPTs than the sales owe"
			);
		}
		Ok(())
	}
}
