//! Read-only views for the runtime API.

use crate::*;
use frame_support::traits::fungibles::Inspect;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// An IP-NFT with its agreements, attestations, owner, IPT and listing.
	pub fn ip_nft(
		ip_nft: T::ItemId,
	) -> Option<IpNftView<T::AccountId, T::AssetId, BlockNumberFor<T>>> {
		let record = IpNfts::<T>::get(ip_nft)?;
		let owner = Self::current_owner(&ip_nft).unwrap_or_else(|| record.owner.clone());
		let listing = Listings::<T>::get(ip_nft)
			.filter(|listing| listing.seller == owner)
			.map(|listing| (listing.currency, listing.price));
		Some(IpNftView {
			holder: Self::nft_holder(&ip_nft),
			minter: record.minter,
			issuer: record.issuer,
			symbol: record.symbol.into_inner(),
			details: (
				record.details.industry.into_inner(),
				record.details.organization.into_inner(),
				record.details.topic.into_inner(),
			),
			funding_amount: record.details.funding_amount,
			agreements: Agreements::<T>::get(ip_nft)
				.into_iter()
				.map(|a| {
					(a.kind, a.content_hash, a.uri.into_inner(), a.mime.into_inner(), a.encrypted)
				})
				.collect(),
			attestations: Attestations::<T>::get(ip_nft).into_inner(),
			royalty: record.royalty,
			minted_at: record.minted_at,
			owner_epoch: if owner == record.owner {
				record.owner_epoch
			} else {
				record.owner_epoch.wrapping_add(1)
			},
			ipt: Ipts::<T>::get(ip_nft).map(|ipt| ipt.asset),
			listing,
			owner,
		})
	}

	/// The IPT of an IP-NFT: supply, cap, holders, terms, active sale.
	pub fn ipt(ip_nft: T::ItemId) -> Option<IptView<T::AccountId, T::AssetId>> {
		let ipt = Ipts::<T>::get(ip_nft)?;
		Some(IptView {
			asset: ipt.asset,
			supply: T::Assets::total_issuance(ipt.asset),
			cap: ipt.cap,
			holders: T::AssetHolders::holders(&ipt.asset),
			terms_hash: ipt.terms_hash,
			symbol: ipt.symbol.into_inner(),
			controller: ipt.controller,
			active_sale: ActiveSale::<T>::get(ip_nft),
		})
	}

	/// A sale: terms, raised, bidders, status and claim progress.
	pub fn sale(sale: SaleId) -> Option<SaleOf<T>> {
		Sales::<T>::get(sale)
	}

	/// `who`'s bid in `sale` and its allocation (as settled, or if the sale settled now).
	pub fn bid_preview(sale: SaleId, who: T::AccountId) -> Option<BidPreview<BlockNumberFor<T>>> {
		let record = Sales::<T>::get(sale)?;
		let bid = Bids::<T>::get(sale, &who)?;
		let allocation = Self::allocation_of(&record, bid.amount).ok()?;
		Some(BidPreview {
			bid: bid.amount,
			allocation,
			settled: record.status != SaleStatus::Open,
			refunded: bid.refunded,
			tokens_received: bid.tokens_received,
			tokens_unlock_at: Self::unlock_block(&record.params),
		})
	}
}
