//! Research results: ZKML attestations linked to an IP-NFT.

use crate::*;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attach_attestation(
		owner: T::AccountId,
		ip_nft: T::ItemId,
		attestation: H256,
	) -> DispatchResult {
		Self::ensure_owner(&owner, &ip_nft)?;
		ensure!(T::Attestations::attestation_exists(&attestation), Error::<T>::UnknownAttestation);
		let mut linked = Attestations::<T>::get(ip_nft);
		ensure!(!linked.contains(&attestation), Error::<T>::AlreadyAttached);
		linked.try_push(attestation).map_err(|_| Error::<T>::TooManyAttestations)?;
		Attestations::<T>::insert(ip_nft, linked);
		Self::deposit_event(Event::AttestationAttached { ip_nft, attestation });
		Ok(())
	}
}
