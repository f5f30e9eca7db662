//! Selling an IP-NFT inside the pallet: a fixed-price listing that pays the royalty.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_price(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		currency: SaleCurrency,
		price: Option<u128>,
	) -> DispatchResult {
		ensure!(!Ipts::<T>::contains_key(ip_nft), Error::<T>::AlreadyTokenized);
		Self::ensure_owner(&owner, &ip_nft)?;
		match price {
			Some(price) => {
				ensure!(price > 0, Error::<T>::ZeroAmount);
				Listings::<T>::insert(ip_nft, Listing { seller: owner.clone(), currency, price });
				Self::deposit_event(Event::Listed { ip_nft, seller: owner, currency, price });
			},
			None => {
				ensure!(Listings::<T>::contains_key(ip_nft), Error::<T>::NotForSale);
				Listings::<T>::remove(ip_nft);
				Self::deposit_event(Event::Unlisted { ip_nft });
			},
		}
		Ok(())
	}

	pub(crate) fn do_buy(
		buyer: T::AccountId,
		ip_nft: T::ItemId,
		max_price: u128,
	) -> DispatchResult {
		// Noticing an outside transfer drops the stale listing.
		let mut record = Self::observed_record(&ip_nft)?;
		let listing = Listings::<T>::get(ip_nft).ok_or(Error::<T>::NotForSale)?;
		ensure!(listing.seller == record.owner, Error::<T>::NotForSale);
		ensure!(buyer != listing.seller, Error::<T>::AlreadyOwner);
		ensure!(listing.price <= max_price, Error::<T>::PriceTooHigh);
		let royalty = record.royalty.rate.mul_floor(listing.price);
		let to_seller = listing.price.saturating_sub(royalty);
		Self::pay(listing.currency, &buyer, &record.royalty.recipient, royalty)?;
		Self::pay(listing.currency, &buyer, &listing.seller, to_seller)?;
		Self::move_nft(ip_nft, &mut record, buyer.clone())?;
		Self::deposit_event(Event::IpNftSold {
			ip_nft,
			seller: listing.seller,
			buyer,
			currency: listing.currency,
			price: listing.price,
			royalty,
		});
		Ok(())
	}
}
