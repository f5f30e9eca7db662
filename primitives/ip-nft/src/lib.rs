//! # Heliox IP-NFT primitives
//!
//! FRAME-free pieces of the IP-NFT registry (`pallet-ip-nft`):
//!
//! * [`sale`]: the settlement math of a fixed-price, oversubscribable crowdsale of IP tokens
//!   (IPTs): whether the funding goal was met, how many tokens were sold and for how much,
//!   each bidder's pro-rata allocation and surplus refund, and the split of the proceeds into
//!   protocol fee, royalty and the beneficiary's net. Settlement is O(1); every bidder's share
//!   is computed on its own from its bid and the sale totals, so claims never iterate over
//!   other bidders.
//! * [`payload`]: the exact bytes an authorized issuer signs to allow a mint (or an amendment
//!   of the agreements) — domain-separated, bound to the chain, the accounts, a single-use
//!   nonce, a deadline and the hash of the metadata.
//!
//! All arithmetic is checked; nothing here panics. Rounding always favours the escrow: what is
//! handed out is rounded down, so the sum of every bidder's tokens and refunds never exceeds
//! what the sale holds. The rounding dust (less than one unit per bidder) is accounted for by
//! the pallet and returned to the seller / beneficiary after the last claim.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![cfg_attr(
	not(test),
	deny(
		clippy::arithmetic_side_effects,
		clippy::indexing_slicing,
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::panic
	)
)]

extern crate alloc;

pub mod payload;
pub mod sale;

pub use payload::{amend_payload, mint_payload, AMEND_DOMAIN, MINT_DOMAIN};
pub use sale::{
	allocation, settle, split_proceeds, validate_terms, Allocation, Outcome, ProceedsSplit,
	SaleError, SaleTerms, PARTS_PER_MILLION,
};
