//! Built-in chain specifications (`--chain dev`, `--chain local`, `--chain staging`) and chain-spec loading.

use heliox_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// A chain spec for Heliox; genesis comes from the runtime's genesis presets.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token metadata wallets (polkadot.js, subxt, py-substrate-interface) read from the spec.
fn properties() -> Properties {
	let mut p = Properties::new();
	p.insert("tokenSymbol".into(), "HLX".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm was not built (SKIP_WASM_BUILD set?): rebuild without it".to_string()
	})
}

/// `dev`: one validator (Alice), sudo, well-known endowed accounts.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Heliox Development")
		.with_id("heliox_dev")
		.with_protocol_id("hlx-dev")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// `local`: four validators (Alice, Bob, Charlie, Dave) on one machine or a LAN.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Heliox Local Testnet")
		.with_id("heliox_local")
		.with_protocol_id("hlx-local")
		.with_chain_type(ChainType::Local)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// `staging`: the template of a public network: four operator-keyed validators (their keys in
/// the runtime's `staging` preset), production parameters, no sudo — governance only.
pub fn staging_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Heliox Staging")
		.with_id("heliox_staging")
		.with_protocol_id("hlx-staging")
		.with_chain_type(ChainType::Live)
		.with_properties(properties())
		.with_genesis_config_preset_name(
			heliox_runtime::genesis_config_presets::STAGING_RUNTIME_PRESET,
		)
		.build())
}

/// Resolves `--chain ID`: a built-in name or the path of a chain-spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"local" => Box::new(local_chain_spec()?),
		"staging" => Box::new(staging_chain_spec()?),
		"" => {
			return Err(
				"no chain given: use --dev, --chain dev|local|staging or --chain <spec.json>"
					.into(),
			)
		},
		path => {
			let path = std::path::PathBuf::from(path);
			if !path.exists() {
				return Err(format!(
					"chain spec `{}` not found: expected dev, local, staging or the path of a chain-spec JSON file",
					path.display()
				));
			}
			Box::new(ChainSpec::from_json_file(path)?)
		},
	})
}
