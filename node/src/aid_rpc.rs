//! JSON-RPC of AID and the sAID vault (`aid_*`): the vault's state, the share price, ERC-4626
//! previews and limits, and a user's withdrawal requests, at a chosen block (the best block by
//! default). Amounts are base units as decimal strings (AID has 6 decimals, sAID 12); accounts
//! are SS58 strings.

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, Balance};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_aid::{runtime_api::AidApi as AidRuntimeApi, RequestInfo, VaultSummary};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};

/// The vault's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultJson {
	/// idle + deployed + vested revenue (AID base units).
	pub total_assets: String,
	/// AID held by the vault.
	pub idle_assets: String,
	/// AID deployed to GPU financing.
	pub deployed_assets: String,
	/// Revenue injected but not vested yet (not counted in total assets).
	pub unvested_revenue: String,
	/// Block at which the current revenue is fully vested.
	pub vesting_end: u64,
	/// sAID in existence (base units).
	pub total_shares: String,
	/// AID base units one whole sAID is worth.
	pub share_price: String,
	/// sAID locked in the withdrawal queue.
	pub queued_shares: String,
	/// Pending withdrawal requests.
	pub queue_len: u32,
	/// Cooldown of a withdrawal request, in blocks.
	pub cooldown: u64,
	/// Whether minting and deposits are paused.
	pub paused: bool,
}

/// A withdrawal request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestJson {
	/// The request id.
	pub id: u64,
	/// sAID still queued.
	pub shares: String,
	/// Block of the request.
	pub requested_at: u64,
	/// Block from which it can be served.
	pub matures_at: u64,
	/// Place in the FIFO queue (0 = next).
	pub position: u32,
	/// AID it would receive now.
	pub claimable: String,
}

/// The `aid_*` methods.
#[rpc(client, server)]
pub trait AidApi<BlockHash> {
	/// The vault's state.
	#[method(name = "aid_vaultState")]
	fn vault_state(&self, at: Option<BlockHash>) -> RpcResult<VaultJson>;

	/// AID base units one whole sAID is worth.
	#[method(name = "aid_sharePrice")]
	fn share_price(&self, at: Option<BlockHash>) -> RpcResult<String>;

	/// ERC-4626 preview: `kind` is `deposit` (assets → shares), `mint` (shares → assets),
	/// `withdraw` (assets → shares) or `redeem` (shares → assets); `amount` a decimal string.
	#[method(name = "aid_preview")]
	fn preview(&self, kind: String, amount: String, at: Option<BlockHash>) -> RpcResult<String>;

	/// ERC-4626 limits of an account: `maxDeposit`, `maxMint`, `maxWithdraw`, `maxRedeem`.
	#[method(name = "aid_limits")]
	fn limits(&self, who: String, at: Option<BlockHash>) -> RpcResult<serde_json::Value>;

	/// An account's withdrawal requests with queue position and claimable AID.
	#[method(name = "aid_withdrawalRequests")]
	fn withdrawal_requests(
		&self,
		who: String,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<RequestJson>>;
}

/// The implementation over a client.
pub struct Aid<C> {
	client: Arc<C>,
}

impl<C> Aid<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(9200, format!("runtime call failed: {e}"))
}

fn account(ss58: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(ss58).map_err(|e| error(9201, format!("not an SS58 account: {e:?}")))
}

fn vault_json(v: VaultSummary<Balance>) -> VaultJson {
	VaultJson {
		total_assets: v.total_assets.to_string(),
		idle_assets: v.idle_assets.to_string(),
		deployed_assets: v.deployed_assets.to_string(),
		unvested_revenue: v.unvested_revenue.to_string(),
		vesting_end: v.vesting_end,
		total_shares: v.total_shares.to_string(),
		share_price: v.share_price.to_string(),
		queued_shares: v.queued_shares.to_string(),
		queue_len: v.queue_len,
		cooldown: v.cooldown,
		paused: v.paused,
	}
}

fn request_json(r: RequestInfo<Balance>) -> RequestJson {
	RequestJson {
		id: r.id,
		shares: r.shares.to_string(),
		requested_at: r.requested_at,
		matures_at: r.matures_at,
		position: r.position,
		claimable: r.claimable.to_string(),
	}
}

impl<C> AidApiServer<H256> for Aid<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AidRuntimeApi<Block, AccountId, Balance>,
{
	fn vault_state(&self, at: Option<H256>) -> RpcResult<VaultJson> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(vault_json(self.client.runtime_api().vault_state(at).map_err(runtime_error)?))
	}

	fn share_price(&self, at: Option<H256>) -> RpcResult<String> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().share_price(at).map_err(runtime_error)?.to_string())
	}

	fn preview(&self, kind: String, amount: String, at: Option<H256>) -> RpcResult<String> {
		let amount: Balance =
			amount.parse().map_err(|_| error(9201, "amount must be a decimal u128"))?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let api = self.client.runtime_api();
		let result = match kind.as_str() {
			"deposit" => api.preview_deposit(at, amount),
			"mint" => api.preview_mint(at, amount),
			"withdraw" => api.preview_withdraw(at, amount),
			"redeem" => api.preview_redeem(at, amount),
			_ => return Err(error(9201, "kind must be deposit, mint, withdraw or redeem")),
		}
		.map_err(runtime_error)?;
		result.map(|value| value.to_string()).map_err(|e| error(9202, e.to_string()))
	}

	fn limits(&self, who: String, at: Option<H256>) -> RpcResult<serde_json::Value> {
		let who = account(&who)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let api = self.client.runtime_api();
		Ok(serde_json::json!({
			"maxDeposit": api.max_deposit(at, who.clone()).map_err(runtime_error)?.to_string(),
			"maxMint": api.max_mint(at, who.clone()).map_err(runtime_error)?.to_string(),
			"maxWithdraw": api.max_withdraw(at, who.clone()).map_err(runtime_error)?.to_string(),
			"maxRedeem": api.max_redeem(at, who).map_err(runtime_error)?.to_string(),
		}))
	}

	fn withdrawal_requests(&self, who: String, at: Option<H256>) -> RpcResult<Vec<RequestJson>> {
		let who = account(&who)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let requests =
			self.client.runtime_api().withdrawal_requests(at, who).map_err(runtime_error)?;
		Ok(requests.into_iter().map(request_json).collect())
	}
}
