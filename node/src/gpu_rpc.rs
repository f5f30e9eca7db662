//! JSON-RPC of the GPU registry (`gpu_*`): one GPU, a filtered page of GPUs, the model
//! catalogue and the liveness period with its cost model, at a chosen block (the best block by default). Amounts are base units as decimal
//! strings (HLX 12 decimals, AID 6), accounts SS58 strings, byte strings UTF-8 where they are
//! text (model names, regions, endpoints) and 0x-hex where they are keys or hashes.

use std::sync::Arc;

use heliox_runtime::{opaque::Block, AccountId, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_gpu_liveness::runtime_api::GpuLivenessApi as GpuLivenessRuntimeApi;
use pallet_gpu_proof::runtime_api::GpuProofApi as GpuProofRuntimeApi;
use pallet_gpu_registry::{
	runtime_api::GpuRegistryApi as GpuRegistryRuntimeApi, GpuFilter, GpuInfo, GpuRevenue,
	GpuStatus, GpuStatusKind, ModelSpec, PaymentCurrency,
};
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};

/// Error codes of the `gpu_*` methods.
mod codes {
	/// The runtime call failed.
	pub const RUNTIME: i32 = 9300;
	/// An argument is malformed.
	pub const BAD_ARGUMENT: i32 = 9301;
}

/// The `gpu_*` methods.
#[rpc(client, server)]
pub trait GpuApi<BlockHash> {
	/// Everything about GPU `id` (`null` if unknown): operator, holder (NFT owner), model,
	/// specs, region, endpoint, agent key, status, stake, uptime, price, open rental and revenue
	/// to date.
	#[method(name = "gpu_get")]
	fn get(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Option<Value>>;

	/// Up to `limit` (<= 256) GPUs matching the filter, after GPU `start_after` (the last id of
	/// the previous page). `status`: `pending|active|suspended|slashed|retired`; `owner`: an SS58
	/// account that operates or holds the GPU.
	#[method(name = "gpu_list")]
	fn list(
		&self,
		status: Option<String>,
		model: Option<u32>,
		owner: Option<String>,
		start_after: Option<u64>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<Value>>;

	/// The model catalogue.
	#[method(name = "gpu_models")]
	fn models(&self, at: Option<BlockHash>) -> RpcResult<Vec<Value>>;

	/// The current liveness period (index, start block, slots, verifiers, monitored GPUs) and,
	/// given `gpus` and `validators`, the modelled on-chain cost of one period: report bytes and
	/// weight vs one transaction per GPU.
	/// GPU `id`'s proof-of-GPU challenge in the current epoch (what its agent polls): epoch,
	/// seed, the model's challenge parameters, the deadline block (when its assigned
	/// verifiers fetch its signed commit), their indices, the beacon (once fixed) and whether
	/// the GPU is opened. `null` when no epoch is open
	/// or the GPU is not Active.
	#[method(name = "gpu_challenge")]
	fn challenge(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Option<Value>>;

	#[method(name = "gpu_liveness")]
	fn liveness(
		&self,
		gpus: Option<u32>,
		validators: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;
}

/// The implementation over a client.
pub struct Gpu<C> {
	client: Arc<C>,
}

impl<C> Gpu<C> {
	/// Serves the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(codes::RUNTIME, format!("runtime call failed: {error}"), None::<()>)
}

fn bad_argument(message: String) -> ErrorObjectOwned {
	ErrorObject::owned(codes::BAD_ARGUMENT, message, None::<()>)
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fn currency(c: PaymentCurrency) -> &'static str {
	match c {
		PaymentCurrency::Native => "HLX",
		PaymentCurrency::Aid => "AID",
	}
}

fn status_json(status: &GpuStatus<BlockNumber>) -> Value {
	match status {
		GpuStatus::Pending => json!("pending"),
		GpuStatus::Active => json!("active"),
		GpuStatus::Suspended => json!("suspended"),
		GpuStatus::Slashed => json!("slashed"),
		GpuStatus::Retired { unbonds_at } => json!({ "retired": { "unbondsAt": unbonds_at } }),
	}
}

fn revenue_json(r: &GpuRevenue) -> Value {
	json!({
		"toHolder": r.to_holder.to_string(),
		"toOperator": r.to_operator.to_string(),
		"toProtocol": r.to_protocol.to_string(),
	})
}

fn gpu_json(g: GpuInfo<AccountId, BlockNumber>) -> Value {
	json!({
		"id": g.id,
		"provider": g.provider.to_ss58check(),
		"holder": g.holder.to_ss58check(),
		"model": g.model,
		"vramMib": g.specs.vram_mib,
		"serialHash": hex(&g.specs.serial_hash),
		"region": text(&g.region),
		"endpoint": text(&g.endpoint),
		"agentKey": hex(&g.agent_key),
		"status": status_json(&g.status),
		"stake": g.stake.to_string(),
		"uptime": g.uptime.map(|u| json!({
			"live": u.live,
			"observed": u.observed,
			"partsPerMillion": u.parts_per_million(),
		})),
		"price": g.price.map(|p| json!({
			"currency": currency(p.currency),
			"perBlock": p.per_block.to_string(),
		})),
		"rental": g.rental.map(|r| json!({
			"renter": r.renter.to_ss58check(),
			"start": r.start,
			"end": r.end,
			"currency": currency(r.currency),
			"pricePerBlock": r.price_per_block.to_string(),
			"paid": r.paid.to_string(),
		})),
		"revenue": { "HLX": revenue_json(&g.revenue.native), "AID": revenue_json(&g.revenue.aid) },
		"verified": g.verified.map(|v| json!({
			"model": v.model,
			"epoch": v.epoch,
			"passes": v.passes,
		})),
	})
}

fn model_json(id: u32, m: ModelSpec<Vec<u8>>) -> Value {
	json!({
		"id": id,
		"name": text(&m.name),
		"vramMib": m.vram_mib,
		"int8Tops": m.int8_tops,
		"fp16Tflops": m.fp16_tflops,
		"memoryBandwidthGbps": m.memory_bandwidth_gbps,
		"minStake": m.min_stake.to_string(),
		"rewardWeightPpm": m.reward_weight.deconstruct(),
		"challenge": {
			"n": m.challenge.n,
			"lag": m.challenge.lag,
			"steps": m.challenge.steps,
			"samples": m.challenge.samples,
			"deadlineSlackPpm": m.challenge.deadline_slack.deconstruct(),
		},
	})
}

fn parse_status(s: &str) -> Result<GpuStatusKind, ErrorObjectOwned> {
	Ok(match s {
		"pending" => GpuStatusKind::Pending,
		"active" => GpuStatusKind::Active,
		"suspended" => GpuStatusKind::Suspended,
		"slashed" => GpuStatusKind::Slashed,
		"retired" => GpuStatusKind::Retired,
		other => return Err(bad_argument(format!("unknown status {other:?}"))),
	})
}

impl<C> GpuApiServer<H256> for Gpu<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GpuRegistryRuntimeApi<Block, AccountId, BlockNumber>,
	C::Api: GpuLivenessRuntimeApi<Block, BlockNumber>,
	C::Api: GpuProofRuntimeApi<Block, u64, BlockNumber>,
{
	fn challenge(&self, id: u64, at: Option<H256>) -> RpcResult<Option<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().challenge_of(at, id).map_err(runtime_error)?;
		Ok(view.map(|v| {
			json!({
				"gpu": id,
				"epoch": v.epoch,
				"seed": hex(&v.seed),
				"params": {
					"n": v.params.n,
					"lag": v.params.lag,
					"steps": v.params.steps,
					"samples": v.params.samples,
				},
				"start": v.start,
				"deadlineBlock": v.deadline_block,
				"beaconBlock": v.beacon_block,
				"nextStart": v.next_start,
				"beacon": v.beacon.map(|b| hex(&b)),
				"assignedVerifiers": v.assigned,
				"sampled": v.sampled,
			})
		}))
	}

	fn get(&self, id: u64, at: Option<H256>) -> RpcResult<Option<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let info = self.client.runtime_api().gpu(at, id).map_err(runtime_error)?;
		Ok(info.map(gpu_json))
	}

	fn list(
		&self,
		status: Option<String>,
		model: Option<u32>,
		owner: Option<String>,
		start_after: Option<u64>,
		limit: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Vec<Value>> {
		let filter = GpuFilter {
			status: status.as_deref().map(parse_status).transpose()?,
			model,
			owner: owner
				.as_deref()
				.map(|s| {
					AccountId::from_ss58check(s)
						.map_err(|e| bad_argument(format!("not an SS58 account: {e:?}")))
				})
				.transpose()?,
		};
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let gpus = self
			.client
			.runtime_api()
			.gpus(at, filter, start_after, limit.unwrap_or(100))
			.map_err(runtime_error)?;
		Ok(gpus.into_iter().map(gpu_json).collect())
	}

	fn liveness(
		&self,
		gpus: Option<u32>,
		validators: Option<u32>,
		at: Option<H256>,
	) -> RpcResult<Value> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let api = self.client.runtime_api();
		let p = api.period_info(at).map_err(runtime_error)?;
		let mut out = json!({
			"period": p.index,
			"start": p.start,
			"slots": p.slots,
			"verifiers": p.verifiers,
			"monitored": p.monitored,
		});
		if let (Some(n), Some(v)) = (gpus, validators) {
			let c = api.cost_model(at, n, v).map_err(runtime_error)?;
			out["cost"] = json!({
				"gpus": n,
				"validators": v,
				"probersPerGpu": c.probers,
				"bitsPerReport": c.bits_per_report,
				"reportTxBytes": c.report_tx_bytes,
				"reports": c.reports,
				"totalBytes": c.total_bytes,
				"totalWeightRefTime": c.total_weight,
				"perGpuTransactions": c.naive_txs,
				"perGpuBytes": c.naive_bytes,
			});
		}
		Ok(out)
	}

	fn models(&self, at: Option<H256>) -> RpcResult<Vec<Value>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let models = self.client.runtime_api().models(at).map_err(runtime_error)?;
		Ok(models.into_iter().map(|(id, m)| model_json(id, m)).collect())
	}
}
