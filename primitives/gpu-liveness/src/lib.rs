//! # GPU liveness, FRAME-free
//!
//! Heliox keeps 100k GPUs' liveness on chain without one transaction per GPU per period:
//! validators' off-chain workers probe the GPU agents assigned to them over HTTP with a fresh
//! nonce, the agent answers with a signature by its agent key, and each validator submits ONE
//! compact report per period (a bitmap over its assigned slots plus a few signed answers as
//! evidence). A quorum of the validators covering a slot decides it.
//!
//! This crate holds what both sides of that protocol and both pallets must agree on, with no
//! FRAME dependency so it is unit- and property-tested in seconds:
//!
//! - [`probe`]: the probe nonce, the exact bytes an agent signs, and the HTTP wire format.
//! - [`endpoint`]: which agent endpoints are accepted at registration.
//! - [`traits`]: the interfaces between the GPU registry pallet (which owns GPUs, agent keys and
//!   the lifecycle) and the liveness pallet (which owns periods, slots, reports and uptime).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod endpoint;
pub mod probe;
pub mod traits;

pub use endpoint::{validate_endpoint, EndpointError};
pub use probe::{
	decode_nonce_hex, decode_signature_hex, encode_signature_hex, probe_message, probe_nonce,
	probe_path, PROBE_CONTEXT, PROBE_MESSAGE_LEN,
};
pub use traits::{GpuDirectory, LivenessMonitor, MonitorError, Uptime};
