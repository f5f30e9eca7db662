//! The runtime API dApps, key servers and the node's JSON-RPC use to read the registry.

use crate::types::{BidPreview, IpNftView, IptView, Sale, SaleId};

sp_api::decl_runtime_apis! {
	/// Read access to IP-NFTs, IPTs and crowdsales. Amounts are base units (`u128`).
	pub trait IpNftApi<AccountId, ItemId, AssetId, BlockNumber>
	where
		AccountId: codec::Codec,
		ItemId: codec::Codec,
		AssetId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// An IP-NFT with its owner, agreements, attestations, royalty, IPT and listing.
		fn ip_nft(ip_nft: ItemId) -> Option<IpNftView<AccountId, AssetId, BlockNumber>>;
		/// The IPT of a tokenized IP-NFT: supply, cap, holders count, terms, active sale.
		fn ipt(ip_nft: ItemId) -> Option<IptView<AccountId, AssetId>>;
		/// A crowdsale: terms, raised, bidders, status, proceeds split and claim progress.
		fn sale(sale: SaleId) -> Option<Sale<AccountId, AssetId, ItemId, BlockNumber>>;
		/// A bidder's bid and allocation (tokens, refund) — as settled, or if settled now.
		fn bid_preview(sale: SaleId, who: AccountId) -> Option<BidPreview<BlockNumber>>;
		/// Whether `who` may read the encrypted documents of the IP-NFT now.
		fn has_read_access(ip_nft: ItemId, who: AccountId) -> bool;
		/// Whether `who` is an authorized issuer.
		fn is_issuer(who: AccountId) -> bool;
	}
}
