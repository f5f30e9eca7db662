//! JSON-RPC of the subnets pallet (`subnets_*`): the metagraph of a subnet and the numbers a
//! miner or validator needs before registering, at a chosen block (the best block by default).
//!
//! Accounts are SS58 strings; balances (plancks of HLX) are decimal strings because u128 does
//! not fit JSON numbers; trust, consensus, incentive and dividends are u16 fractions of 65535.

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, Balance};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_subnets::{
	runtime_api::SubnetsApi as SubnetsRuntimeApi, HyperparameterBounds, Metagraph, NetUid,
	SubnetSummary, Uid,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};

/// A metagraph or subnet as JSON: SS58 accounts, string balances.
pub type MetagraphJson = Metagraph<String, String>;
/// See [`MetagraphJson`].
pub type SubnetJson = SubnetSummary<String, String>;

/// The `subnets_*` methods.
#[rpc(client, server)]
pub trait SubnetsApi<BlockHash> {
	/// The metagraph of a subnet (per UID: hotkey, coldkey, stake, trust, validator trust,
	/// consensus, incentive, dividends, emission, activity, permit, axon, bonds), or null.
	#[method(name = "subnets_metagraph")]
	fn metagraph(&self, netuid: NetUid, at: Option<BlockHash>) -> RpcResult<Option<MetagraphJson>>;

	/// Every subnet with its hyperparameters and schedule.
	#[method(name = "subnets_list")]
	fn list(&self, at: Option<BlockHash>) -> RpcResult<Vec<SubnetJson>>;

	/// One subnet, or null.
	#[method(name = "subnets_subnet")]
	fn subnet(&self, netuid: NetUid, at: Option<BlockHash>) -> RpcResult<Option<SubnetJson>>;

	/// The bounds governance puts on owners' hyperparameters.
	#[method(name = "subnets_hyperparameterBounds")]
	fn hyperparameter_bounds(&self, at: Option<BlockHash>) -> RpcResult<HyperparameterBounds>;

	/// The lock a new subnet costs now.
	#[method(name = "subnets_networkLockCost")]
	fn network_lock_cost(&self, at: Option<BlockHash>) -> RpcResult<String>;

	/// The burn a neuron registration costs now, or null for an unknown subnet.
	#[method(name = "subnets_neuronBurn")]
	fn neuron_burn(&self, netuid: NetUid, at: Option<BlockHash>) -> RpcResult<Option<String>>;

	/// The UID of a hotkey (SS58) in a subnet, or null.
	#[method(name = "subnets_uidOf")]
	fn uid_of(
		&self,
		netuid: NetUid,
		hotkey: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Uid>>;

	/// Stake held on a hotkey (SS58) in all subnets.
	#[method(name = "subnets_totalStake")]
	fn total_stake(&self, hotkey: String, at: Option<BlockHash>) -> RpcResult<String>;

	/// The weights a UID set: `[uid, weight]` pairs.
	#[method(name = "subnets_weights")]
	fn weights(
		&self,
		netuid: NetUid,
		uid: Uid,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<(Uid, u16)>>;

	/// The bonds a validator UID holds: `[uid, bond]` pairs.
	#[method(name = "subnets_bonds")]
	fn bonds(&self, netuid: NetUid, uid: Uid, at: Option<BlockHash>) -> RpcResult<Vec<(Uid, u16)>>;
}

/// The implementation over a client.
pub struct Subnets<C> {
	client: Arc<C>,
}

impl<C> Subnets<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(9100, format!("runtime call failed: {error}"), None::<()>)
}

fn account(ss58: &str) -> Result<AccountId, ErrorObjectOwned> {
	AccountId::from_ss58check(ss58).map_err(|error| {
		ErrorObject::owned(9101, format!("not an SS58 account: {error:?}"), None::<()>)
	})
}

fn metagraph_json(m: Metagraph<AccountId, Balance>) -> MetagraphJson {
	Metagraph {
		netuid: m.netuid,
		n: m.n,
		block: m.block,
		hotkeys: m.hotkeys.iter().map(Ss58Codec::to_ss58check).collect(),
		coldkeys: m.coldkeys.iter().map(Ss58Codec::to_ss58check).collect(),
		stake: m.stake.iter().map(ToString::to_string).collect(),
		trust: m.trust,
		validator_trust: m.validator_trust,
		consensus: m.consensus,
		incentive: m.incentive,
		dividends: m.dividends,
		emission: m.emission.iter().map(ToString::to_string).collect(),
		active: m.active,
		validator_permit: m.validator_permit,
		last_update: m.last_update,
		registered_at: m.registered_at,
		axons: m.axons,
		bonds: m.bonds,
	}
}

fn subnet_json(s: SubnetSummary<AccountId, Balance>) -> SubnetJson {
	SubnetSummary {
		netuid: s.netuid,
		owner: s.owner.to_ss58check(),
		locked: s.locked.to_string(),
		registered_at: s.registered_at,
		n: s.n,
		params: s.params,
		burn: s.burn.to_string(),
		last_epoch_block: s.last_epoch_block,
		next_epoch_block: s.next_epoch_block,
		epoch_index: s.epoch_index,
		pending_emission: s.pending_emission.to_string(),
	}
}

impl<C> SubnetsApiServer<H256> for Subnets<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SubnetsRuntimeApi<Block, AccountId, Balance>,
{
	fn metagraph(&self, netuid: NetUid, at: Option<H256>) -> RpcResult<Option<MetagraphJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let m = self.client.runtime_api().metagraph(at, netuid).map_err(runtime_error)?;
		Ok(m.map(metagraph_json))
	}

	fn list(&self, at: Option<H256>) -> RpcResult<Vec<SubnetJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let subnets = self.client.runtime_api().subnets(at).map_err(runtime_error)?;
		Ok(subnets.into_iter().map(subnet_json).collect())
	}

	fn subnet(&self, netuid: NetUid, at: Option<H256>) -> RpcResult<Option<SubnetJson>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let subnet = self.client.runtime_api().subnet(at, netuid).map_err(runtime_error)?;
		Ok(subnet.map(subnet_json))
	}

	fn hyperparameter_bounds(&self, at: Option<H256>) -> RpcResult<HyperparameterBounds> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().hyperparameter_bounds(at).map_err(runtime_error)
	}

	fn network_lock_cost(&self, at: Option<H256>) -> RpcResult<String> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let cost = self.client.runtime_api().network_lock_cost(at).map_err(runtime_error)?;
		Ok(cost.to_string())
	}

	fn neuron_burn(&self, netuid: NetUid, at: Option<H256>) -> RpcResult<Option<String>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let burn = self.client.runtime_api().neuron_burn(at, netuid).map_err(runtime_error)?;
		Ok(burn.map(|burn| burn.to_string()))
	}

	fn uid_of(&self, netuid: NetUid, hotkey: String, at: Option<H256>) -> RpcResult<Option<Uid>> {
		let hotkey = account(&hotkey)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().uid_of(at, netuid, hotkey).map_err(runtime_error)
	}

	fn total_stake(&self, hotkey: String, at: Option<H256>) -> RpcResult<String> {
		let hotkey = account(&hotkey)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let stake = self.client.runtime_api().total_stake(at, hotkey).map_err(runtime_error)?;
		Ok(stake.to_string())
	}

	fn weights(&self, netuid: NetUid, uid: Uid, at: Option<H256>) -> RpcResult<Vec<(Uid, u16)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().weights(at, netuid, uid).map_err(runtime_error)
	}

	fn bonds(&self, netuid: NetUid, uid: Uid, at: Option<H256>) -> RpcResult<Vec<(Uid, u16)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().bonds(at, netuid, uid).map_err(runtime_error)
	}
}
