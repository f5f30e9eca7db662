//! # Heliox runtime
//!
//! One FRAME runtime, compiled to Wasm (the on-chain code every node executes) and natively
//! (`std`, for tests and for the node's genesis/presets).
//!
//! Consensus is BABE (block production, 3 s slots) + GRANDPA (finality). The validator set is
//! managed by `pallet-session`, whose sessions are BABE epochs; for now the set is fixed at
//! genesis (governance-managed validators come with the validator-manager pallet).
//!
//! Native token: **HLX**, 12 decimals ([`UNIT`] = 10^12 planck).
//!
//! Offchain workers: the runtime implements the `frame_system::offchain` transaction-creation
//! traits ([`configs::offchain`]), so any pallet with an OCW can submit signed transactions from
//! a key in the node's keystore, and unsigned/bare transactions.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code is recursive enough to need this.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod epoch_length;
pub mod genesis_config_presets;
pub mod governance;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node (which does not know the runtime's call enum) sees.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The keys a validator registers with `session.set_keys`.
	pub struct SessionKeys {
		pub babe: Babe,
		pub grandpa: Grandpa,
		/// The GPU verifier key (`gpuv`): signs liveness reports and proof-of-GPU verdicts.
		pub gpuv: configs::GpuVerifiers,
	}
}

/// The runtime version. `spec_version` must grow with every runtime upgrade.
#[cfg(not(feature = "next-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("heliox"),
	impl_name: alloc::borrow::Cow::Borrowed("heliox-node"),
	authoring_version: 1,
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime one `spec_version` later: what the `next-spec-version` feature builds (the
/// `heliox-runtime-upgrade-test` Wasm) to test forkless upgrades of a running chain. Keep every
/// other field equal to [`VERSION`]'s above (`runtime_version` takes literals only).
#[cfg(feature = "next-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("heliox"),
	impl_name: alloc::borrow::Cow::Borrowed("heliox-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block times and BABE epochs.
pub mod time {
	use super::BlockNumber;

	/// Target block time. BABE assigns slots of this length.
	pub const MILLI_SECS_PER_BLOCK: u64 = 3000;
	/// BABE slot length; equal to the target block time.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	pub const HOURS: BlockNumber = MINUTES * 60;
	pub const DAYS: BlockNumber = HOURS * 24;

	/// One BABE epoch, which is also one session (validator-set changes apply at its end).
	/// 10 minutes keeps governance-driven validator changes quick to observe.
	pub const EPOCH_DURATION_IN_BLOCKS: BlockNumber = 10 * MINUTES;
	pub const EPOCH_DURATION_IN_SLOTS: u64 = EPOCH_DURATION_IN_BLOCKS as u64;

	/// BABE primary-slot probability `c = (1, 4)`: a validator wins a primary slot with roughly
	/// this probability; secondary (round-robin VRF) slots fill the rest, so no slot is empty.
	pub const PRIMARY_PROBABILITY: (u64, u64) = (1, 4);
}
pub use time::*;

/// The BABE configuration at genesis.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

/// Currency units of HLX (12 decimals).
pub mod currency {
	use super::Balance;

	pub const UNIT: Balance = 1_000_000_000_000;
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	pub const MICRO_UNIT: Balance = 1_000_000;

	/// Minimum balance an account must keep to exist.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

	// HLX has 12 decimals, and the existential deposit is a positive fraction of one HLX.
	const _: () = assert!(UNIT == 1_000_000_000_000);
	const _: () = assert!(EXISTENTIAL_DEPOSIT > 0 && EXISTENTIAL_DEPOSIT < UNIT);

	/// Storage deposit: a base per item plus a price per byte, so that state bloat costs HLX.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		items as Balance * 100 * MILLI_UNIT + (bytes as Balance) * 100 * MICRO_UNIT
	}
}
pub use currency::*;

/// sr25519/ed25519/ecdsa signatures: what polkadot.js, subxt and every wallet produce.
pub type Signature = MultiSignature;
/// An account is identified by the public key that signs for it.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// HLX balances.
pub type Balance = u128;
/// Transaction index of an account.
pub type Nonce = u32;
/// Block hash.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// The address format of transaction senders.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Identifies a block.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions (signed extensions) every signed transaction carries. All are
/// standard polkadot-sdk extensions, so polkadot.js, subxt and py-substrate-interface build
/// transactions from the metadata with no custom types.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Versioned storage migrations run on runtime upgrade.
#[allow(unused_parens)]
type Migrations = ();

/// Executive: handles dispatch to the various modules.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	use frame_support::instances::Instance1;

	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(4)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(5)]
	pub type Authorship = pallet_authorship;
	// Declared before `Session` so that the session genesis takes its set from it.
	#[runtime::pallet_index(27)]
	pub type ValidatorManager = pallet_validator_manager;
	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(7)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(9)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(10)]
	pub type Nfts = pallet_nfts;
	// OpenGov (issue #6): referenda on per-domain tracks, conviction voting, a technical
	// committee that can whitelist calls, the scheduler, preimages and the treasury.
	#[runtime::pallet_index(11)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(12)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(13)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(14)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(15)]
	pub type Origins = governance::pallet_custom_origins;
	#[runtime::pallet_index(16)]
	pub type Whitelist = pallet_whitelist;
	#[runtime::pallet_index(17)]
	pub type TechnicalCommittee = pallet_collective<Instance1>;
	#[runtime::pallet_index(18)]
	pub type Treasury = pallet_treasury;
	#[runtime::pallet_index(19)]
	pub type AssetRate = pallet_asset_rate;

	#[runtime::pallet_index(20)]
	pub type ZkVerifier = pallet_zk_verifier;
	#[runtime::pallet_index(21)]
	pub type Subnets = pallet_subnets;
	#[runtime::pallet_index(22)]
	pub type Aid = pallet_aid;
	#[runtime::pallet_index(23)]
	pub type GpuRegistry = pallet_gpu_registry;
	#[runtime::pallet_index(24)]
	pub type GpuLiveness = pallet_gpu_liveness;
	#[runtime::pallet_index(25)]
	pub type IpNft = pallet_ip_nft;
	#[runtime::pallet_index(26)]
	pub type GpuProof = pallet_gpu_proof;
	#[runtime::pallet_index(28)]
	pub type EpochLength = epoch_length::pallet_epoch_length;

	// Sudo is configured with a key only in the `dev` and `local_testnet` genesis presets; a
	// staging or production chain spec leaves the key unset, so no account can use it.
	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}

#[cfg(test)]
mod tests;
