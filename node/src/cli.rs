//! Command-line interface.

use sc_cli::RunCmd;

/// The Heliox node.
#[derive(Debug, clap::Parser)]
#[command(
	about = "Heliox node: BABE + GRANDPA validator/full node for the Heliox AI-infrastructure chain",
	after_help = "Examples:\n  heliox-node --dev                          single-validator dev chain (temporary state)\n  heliox-node --dev --base-path ./data       dev chain that keeps its state\n  heliox-node --chain local --alice --validator\n  heliox-node build-spec --chain local --raw > local-raw.json\n  heliox-node zk convert --vk verification_key.json --proof proof.json --public public.json"
)]
pub struct Cli {
	/// A maintenance subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: RunCmd,
}

/// Node subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management (generate, inspect, insert session keys).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Write a chain specification (JSON; `--raw` for the storage form nodes boot from).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// ZKML tools: convert snarkjs output to the chain's encodings, verify proofs offline.
	#[command(subcommand)]
	Zk(crate::zk_cli::ZkCmd),

	/// Benchmark the runtime's pallets (`benchmark pallet`) or the machine (`benchmark machine`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}
