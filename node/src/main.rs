//! `heliox-node`: the Heliox chain's node binary.
#![warn(missing_docs)]

mod aid_rpc;
mod chain_spec;
mod cli;
mod command;
mod gpu_rpc;
mod ipnft_rpc;
mod rpc;
mod service;
mod subnets_rpc;
mod zk_cli;
mod zk_rpc;

// `sc_cli::Error` is large, but it is the error type of the `sc-cli` API.
#[allow(clippy::result_large_err)]
fn main() -> sc_cli::Result<()> {
	command::run()
}
