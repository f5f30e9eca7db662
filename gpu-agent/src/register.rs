//! Registering the GPU on chain: `GpuRegistry.register_gpu` signed by the provider's account.
//!
//! The provider account pays the transaction fee and the model's stake is held from it; the
//! agent key only goes into the call as `agent_key`.

use subxt::{
	dynamic::Value,
	ext::scale_value::{At, Composite},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// What a provider declares for a GPU.
pub struct Registration {
	/// Catalogue model id.
	pub model: u32,
	/// VRAM of this card in MiB (at least the model's).
	pub vram_mib: u32,
	/// The card's serial number; only its blake2-256 hash goes on chain.
	pub serial: String,
	/// Free-form region, e.g. `eu-west`.
	pub region: String,
	/// The agent endpoint validators probe, e.g. `http://203.0.113.7:9955`.
	pub endpoint: String,
	/// The agent's public key.
	pub agent_key: [u8; 32],
}

/// The result of a finalized registration.
pub struct Registered {
	/// The GPU id the chain assigned.
	pub gpu: u64,
	/// Hash of the registration extrinsic.
	pub extrinsic: String,
}

/// Parses a secret URI such as `//Bob` or a mnemonic into an sr25519 account key.
pub fn account_from_suri(suri: &str) -> Result<Keypair, String> {
	let uri: SecretUri = suri.parse().map_err(|e| format!("bad secret URI: {e}"))?;
	Keypair::from_uri(&uri).map_err(|e| format!("bad secret URI: {e}"))
}

/// Submits the registration, waits for finalization and returns the assigned GPU id.
pub async fn register(
	url: &str,
	provider: &Keypair,
	r: &Registration,
) -> Result<Registered, String> {
	let api = if url.starts_with("ws://") || url.starts_with("http://") {
		OnlineClient::<PolkadotConfig>::from_insecure_url(url).await
	} else {
		OnlineClient::<PolkadotConfig>::from_url(url).await
	}
	.map_err(|e| format!("cannot connect to {url}: {e}"))?;
	let specs = Value::named_composite([
		("vram_mib", Value::u128(r.vram_mib as u128)),
		("serial_hash", Value::from_bytes(sp_crypto_hashing::blake2_256(r.serial.as_bytes()))),
	]);
	let tx = subxt::dynamic::transaction(
		"GpuRegistry",
		"register_gpu",
		Composite::named([
			("model".to_string(), Value::u128(r.model as u128)),
			("specs".to_string(), specs),
			("region".to_string(), Value::from_bytes(r.region.as_bytes())),
			("agent_endpoint".to_string(), Value::from_bytes(r.endpoint.as_bytes())),
			("agent_key".to_string(), Value::from_bytes(r.agent_key)),
		]),
	);
	let at = api.at_current_block().await.map_err(|e| format!("chain head: {e}"))?;
	let events = at
		.transactions()
		.sign_and_submit_then_watch_default(&tx, provider)
		.await
		.map_err(|e| format!("submission failed: {e}"))?
		.wait_for_finalized_success()
		.await
		.map_err(|e| format!("register_gpu failed: {e}"))?;
	let extrinsic = format!("{:?}", events.extrinsic_hash());
	for event in events.iter() {
		let event = event.map_err(|e| format!("event decoding: {e}"))?;
		if (event.pallet_name(), event.event_name()) == ("GpuRegistry", "GpuRegistered") {
			let value = event.decode_as::<Value>().map_err(|e| format!("event decoding: {e}"))?;
			// The runtime event `GpuRegistry(GpuRegistered { gpu, .. })`.
			let gpu = value
				.at(0)
				.and_then(|inner| inner.at("gpu"))
				.and_then(|v| v.as_u128())
				.ok_or_else(|| format!("GpuRegistered without a gpu field: {value}"))?;
			return Ok(Registered { gpu: gpu as u64, extrinsic });
		}
	}
	Err("register_gpu succeeded but emitted no GpuRegistered event".into())
}
