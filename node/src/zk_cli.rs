//! `heliox-node zk`: offline tools for ZKML provers. `convert` turns snarkjs output
//! (`verification_key.json`, `proof.json`, `public.json`) into the canonical encodings the
//! ZK verifier pallet takes, as `0x`-hex in one JSON object; `verify` also checks the proof
//! natively with the same code the chain runs.

use std::path::PathBuf;

use heliox_zk::snarkjs::{proof_from_json, public_inputs_from_json, verifying_key_from_json};

/// ZKML tools.
#[derive(Debug, clap::Subcommand)]
pub enum ZkCmd {
	/// Convert snarkjs JSON to the canonical encodings (printed as JSON with 0x-hex fields).
	Convert(ZkFiles),
	/// Convert and verify a proof natively (exit status 1 when it does not verify).
	Verify(ZkFiles),
}

/// snarkjs files.
#[derive(Debug, clap::Args)]
pub struct ZkFiles {
	/// snarkjs `verification_key.json`.
	#[arg(long, value_name = "FILE")]
	pub vk: PathBuf,
	/// snarkjs `proof.json` (needs `--public`).
	#[arg(long, value_name = "FILE", requires = "public")]
	pub proof: Option<PathBuf>,
	/// snarkjs `public.json` (public signals).
	#[arg(long, value_name = "FILE")]
	pub public: Option<PathBuf>,
	/// Most public inputs a key may have (the chain's `MaxPublicInputs`).
	#[arg(long, default_value_t = 64)]
	pub max_inputs: u32,
}

fn read(path: &PathBuf) -> Result<String, String> {
	std::fs::read_to_string(path)
		.map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

impl ZkCmd {
	/// Runs the command, printing JSON to stdout.
	pub fn run(&self) -> Result<(), String> {
		let (files, verify) = match self {
			ZkCmd::Convert(files) => (files, false),
			ZkCmd::Verify(files) => (files, true),
		};
		let output = convert(files, verify)?;
		println!("{}", serde_json::to_string_pretty(&output).map_err(|error| error.to_string())?);
		Ok(())
	}
}

/// The conversion (and, with `verify`, the native check) as a JSON value.
pub fn convert(files: &ZkFiles, verify: bool) -> Result<serde_json::Value, String> {
	let vk = verifying_key_from_json(&read(&files.vk)?)
		.map_err(|error| format!("{}: {error}", files.vk.display()))?;
	let prepared = heliox_zk::PreparedVk::from_vk_bytes(&vk.0, files.max_inputs)
		.map_err(|error| format!("{}: the key would be refused: {error}", files.vk.display()))?;
	let vk_id = *prepared.vk_id();
	let mut output = serde_json::json!({
		"vkId": hex0x(&vk_id),
		"numInputs": prepared.num_inputs(),
		"verifyingKey": hex0x(&vk.0),
	});
	let public = match &files.public {
		Some(path) => Some(
			public_inputs_from_json(&read(path)?)
				.map_err(|error| format!("{}: {error}", path.display()))?,
		),
		None => None,
	};
	if let Some(public) = &public {
		let statement =
			heliox_zk::statement_id(&vk_id, public).map_err(|error| error.to_string())?;
		output["publicInputs"] = public.iter().map(|input| hex0x(input)).collect();
		output["statementId"] = hex0x(&statement).into();
	}
	if let Some(path) = &files.proof {
		let proof = proof_from_json(&read(path)?)
			.map_err(|error| format!("{}: {error}", path.display()))?;
		output["proof"] = hex0x(&proof.0).into();
		if verify {
			let public = public.as_deref().unwrap_or_default();
			heliox_zk::verify(&prepared, &proof, public)
				.map_err(|error| format!("the proof does not verify: {error}"))?;
			output["verified"] = true.into();
		}
	} else if verify {
		return Err("`zk verify` needs --proof and --public".into());
	}
	Ok(output)
}
