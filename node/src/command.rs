//! Dispatch of the command line to the node and its subcommands.

// `sc_cli::Error` is large, but the `SubstrateCli`/`Runner` API dictates it as the error type.
#![allow(clippy::result_large_err)]

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use heliox_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use std::future::Future;

/// Runs a subcommand's future while keeping the BABE worker alive: `new_partial` starts the
/// worker as an essential task that ends (and takes the node down) when its last handle drops.
async fn with_babe_worker<F: Future>(
	babe_worker: sc_consensus_babe::BabeWorkerHandle<Block>,
	fut: F,
) -> F::Output {
	let _babe_worker = babe_worker;
	fut.await
}

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Heliox Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/heliox-chain/heliox/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// Parses the command line and runs the node or a subcommand.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, other, .. } =
					service::new_partial(&config)?;
				Ok((
					with_babe_worker(other.babe_worker, cmd.run(client, import_queue)),
					task_manager,
				))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, other, .. } =
					service::new_partial(&config)?;
				Ok((
					with_babe_worker(other.babe_worker, cmd.run(client, config.database)),
					task_manager,
				))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, other, .. } =
					service::new_partial(&config)?;
				Ok((
					with_babe_worker(other.babe_worker, cmd.run(client, config.chain_spec)),
					task_manager,
				))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, other, .. } =
					service::new_partial(&config)?;
				Ok((
					with_babe_worker(other.babe_worker, cmd.run(client, import_queue)),
					task_manager,
				))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, other, .. } =
					service::new_partial(&config)?;
				// Consensus keeps auxiliary data (BABE epochs, GRANDPA authority sets) that must
				// be reverted together with the blocks.
				let aux_revert =
					Box::new(|client: std::sync::Arc<service::FullClient>, backend, blocks| {
						sc_consensus_babe::revert(client.clone(), backend, blocks)?;
						sc_consensus_grandpa::revert(client, blocks)?;
						Ok(())
					});
				Ok((
					with_babe_worker(other.babe_worker, cmd.run(client, backend, Some(aux_revert))),
					task_manager,
				))
			})
		},
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		Some(Subcommand::Zk(cmd)) => cmd.run().map_err(sc_cli::Error::Input),
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::BenchmarkCmd;
			let runner = cli.create_runner(cmd)?;
			match cmd {
				BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, service::HostFunctions>(
						Some(config.chain_spec),
					)
				}),
				BenchmarkCmd::Machine(cmd) => runner.sync_run(|config| {
					cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
				}),
				_ => {
					Err("only `benchmark pallet` and `benchmark machine` are wired in heliox-node"
						.into())
				},
			}
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}
