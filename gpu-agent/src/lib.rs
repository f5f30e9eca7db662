//! # The Heliox GPU agent
//!
//! A provider runs one agent per registered GPU. The agent holds the GPU's **agent key** (an
//! sr25519 key, separate from the provider's account: it only ever signs liveness answers and
//! proof-of-GPU openings, so it can live on the GPU host without putting funds at risk).
//!
//! - [`key`]: create, store (file mode 0600) and load the agent key.
//! - [`server`]: the HTTP endpoint validators' off-chain workers probe. A probe carries the GPU
//!   id, the period and a nonce only the probing validator and the chain can compute; the agent
//!   answers with its signature over [`heliox_gpu_liveness::probe_message`].
//! - [`pog`]: the proof-of-GPU worker: runs the epoch's chain, returns the signed commit and
//!   serves signed openings (`/pog/*` routes of the server).
//! - [`chain`]: follows the chain for proof-of-GPU (`gpu-agent run --rpc`): computes each
//!   epoch's chain, submits the agent-signed commit before the deadline, prepares the openings
//!   when the beacon is fixed.
//! - [`register`]: submits `GpuRegistry.register_gpu` for the provider with a subxt client.
pub mod chain;
pub mod key;
pub mod pog;
pub mod register;
pub mod server;
