//! JSON-RPC of the IP-NFT registry (`ipnft_*`): an IP-NFT with its agreements and attestations,
//! its IP token (IPT), a crowdsale, a bidder's allocation, read access and issuers, at a chosen
//! block (the best block by default). Amounts are base units as decimal strings, accounts SS58
//! strings, hashes 0x-hex, text fields UTF-8.

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_ip_nft::{
	runtime_api::IpNftApi as IpNftRuntimeApi, AgreementKind, BidPreview, IpNftView, IptView, Sale,
	SaleCurrency, SaleStatus,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};

/// Error codes of the `ipnft_*` methods.
mod codes {
	/// The runtime call failed.
	pub const RUNTIME: i32 = 9400;
	/// An argument is malformed.
	pub const BAD_ARGUMENT: i32 = 9401;
}

/// The `ipnft_*` methods.
#[rpc(client, server)]
pub trait IpNftApi<BlockHash> {
	/// An IP-NFT: owner, minter, issuer, symbol, project details, agreements (kind, content
	/// hash, URI, MIME, encrypted), attached ZKML attestations, royalty, IPT and listing.
	#[method(name = "ipnft_get")]
	fn get(&self, ip_nft: u64, at: Option<BlockHash>) -> RpcResult<Option<Value>>;

	/// The IP token of a tokenized IP-NFT: asset id, supply, cap, holders, terms, active sale.
	#[method(name = "ipnft_ipt")]
	fn ipt(&self, ip_nft: u64, at: Option<BlockHash>) -> RpcResult<Option<Value>>;

	/// A crowdsale: terms, raised, bidders, status (open / failed / succeeded with tokens sold
	/// and proceeds), proceeds split (fee, royalty, net) and claim progress.
	#[method(name = "ipnft_sale")]
	fn sale(&self, sale: u32, at: Option<BlockHash>) -> RpcResult<Option<Value>>;

	/// A bidder's bid, token allocation and refund (as settled, or as if settled now).
	#[method(name = "ipnft_bidPreview")]
	fn bid_preview(
		&self,
		sale: u32,
		who: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Value>>;

	/// Whether `who` may read the IP-NFT's encrypted documents now (for key servers).
	#[method(name = "ipnft_hasReadAccess")]
	fn has_read_access(&self, ip_nft: u64, who: String, at: Option<BlockHash>) -> RpcResult<bool>;

	/// Whether `who` is an authorized IP-NFT issuer.
	#[method(name = "ipnft_isIssuer")]
	fn is_issuer(&self, who: String, at: Option<BlockHash>) -> RpcResult<bool>;
}

/// The implementation over a client.
pub struct IpNft<C> {
	client: Arc<C>,
}

impl<C> IpNft<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(codes::RUNTIME, format!("runtime call failed: {error}"), None::<()>)
}

fn account(ss58: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(ss58).map_err(|error| {
		ErrorObject::owned(
			codes::BAD_ARGUMENT,
			format!("not an SS58 account: {error:?}"),
			None::<()>,
		)
	})
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn currency(c: &SaleCurrency) -> &'static str {
	match c {
		SaleCurrency::Native => "HLX",
		SaleCurrency::Aid => "AID",
	}
}

fn ip_nft_json(v: IpNftView<AccountId, u32, BlockNumber>) -> Value {
	let agreements: Vec<Value> = v
		.agreements
		.iter()
		.map(|(kind, hash, uri, mime, encrypted)| {
			json!({
				"kind": match kind {
					AgreementKind::Research => "research",
					AgreementKind::Assignment => "assignment",
					AgreementKind::License => "license",
					AgreementKind::Other => "other",
				},
				"contentHash": format!("{hash:?}"),
				"uri": text(uri),
				"mime": text(mime),
				"encrypted": encrypted,
			})
		})
		.collect();
	json!({
		"owner": v.owner.to_ss58check(),
		"holder": v.holder.map(|h| h.to_ss58check()),
		"minter": v.minter.to_ss58check(),
		"issuer": v.issuer.to_ss58check(),
		"symbol": text(&v.symbol),
		"details": { "industry": text(&v.details.0), "organization": text(&v.details.1), "topic": text(&v.details.2) },
		"fundingAmount": v.funding_amount.to_string(),
		"agreements": agreements,
		"attestations": v.attestations.iter().map(|a| format!("{a:?}")).collect::<Vec<_>>(),
		"royalty": { "recipient": v.royalty.recipient.to_ss58check(), "ratePpm": v.royalty.rate.deconstruct() },
		"mintedAt": v.minted_at,
		"ownerEpoch": v.owner_epoch,
		"ipt": v.ipt,
		"listing": v.listing.map(|(c, price)| json!({ "currency": currency(&c), "price": price.to_string() })),
	})
}

fn ipt_json(v: IptView<AccountId, u32>) -> Value {
	json!({
		"asset": v.asset,
		"supply": v.supply.to_string(),
		"cap": v.cap.to_string(),
		"holders": v.holders,
		"termsHash": format!("{:?}", v.terms_hash),
		"symbol": text(&v.symbol),
		"controller": v.controller.to_ss58check(),
		"activeSale": v.active_sale,
	})
}

fn sale_json(s: Sale<AccountId, u32, u64, BlockNumber>) -> Value {
	let status = match s.status {
		SaleStatus::Open => json!("open"),
		SaleStatus::Settled(heliox_ip_nft::Outcome::Failed) => json!("failed"),
		SaleStatus::Settled(heliox_ip_nft::Outcome::Succeeded { tokens_sold, proceeds }) => json!({
			"succeeded": { "tokensSold": tokens_sold.to_string(), "proceeds": proceeds.to_string() }
		}),
	};
	json!({
		"ipNft": s.ip_nft,
		"asset": s.asset,
		"seller": s.seller.to_ss58check(),
		"beneficiary": s.beneficiary.to_ss58check(),
		"currency": currency(&s.params.currency),
		"price": s.params.price.to_string(),
		"tokensForSale": s.params.tokens_for_sale.to_string(),
		"fundingGoal": s.params.funding_goal.to_string(),
		"start": s.params.start,
		"end": s.params.end,
		"lockPeriod": s.params.lock_period,
		"restricted": s.restricted,
		"raised": s.raised.to_string(),
		"bidders": s.bidders,
		"status": status,
		"split": { "fee": s.split.fee.to_string(), "royalty": s.split.royalty.to_string(), "net": s.split.net.to_string() },
		"refundsPaid": s.refunds_paid.to_string(),
		"tokensDelivered": s.tokens_delivered.to_string(),
		"refundClaims": s.refund_claims,
		"tokenClaims": s.token_claims,
	})
}

fn bid_json(b: BidPreview<BlockNumber>) -> Value {
	json!({
		"bid": b.bid.to_string(),
		"tokens": b.allocation.tokens.to_string(),
		"refund": b.allocation.refund.to_string(),
		"settled": b.settled,
		"refunded": b.refunded,
		"tokensReceived": b.tokens_received,
		"tokensUnlockAt": b.tokens_unlock_at,
	})
}

impl<C> IpNftApiServer<H256> for IpNft<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: IpNftRuntimeApi<Block, AccountId, u64, u32, BlockNumber>,
{
	fn get(&self, ip_nft: u64, at: Option<H256>) -> RpcResult<Option<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().ip_nft(at, ip_nft).map_err(runtime_error)?.map(ip_nft_json))
	}

	fn ipt(&self, ip_nft: u64, at: Option<H256>) -> RpcResult<Option<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().ipt(at, ip_nft).map_err(runtime_error)?.map(ipt_json))
	}

	fn sale(&self, sale: u32, at: Option<H256>) -> RpcResult<Option<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().sale(at, sale).map_err(runtime_error)?.map(sale_json))
	}

	fn bid_preview(&self, sale: u32, who: String, at: Option<H256>) -> RpcResult<Option<Value>> {
		let who = account(&who)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self
			.client
			.runtime_api()
			.bid_preview(at, sale, who)
			.map_err(runtime_error)?
			.map(bid_json))
	}

	fn has_read_access(&self, ip_nft: u64, who: String, at: Option<H256>) -> RpcResult<bool> {
		let who = account(&who)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().has_read_access(at, ip_nft, who).map_err(runtime_error)
	}

	fn is_issuer(&self, who: String, at: Option<H256>) -> RpcResult<bool> {
		let who = account(&who)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().is_issuer(at, who).map_err(runtime_error)
	}
}
