//! # ZK verifier pallet: ZKML attestations from Groth16 (BN254) proofs
//!
//! ## Concepts
//!
//! - **Verifying key.** A circuit compiled for Groth16 (e.g. by circom + snarkjs) has a verifying
//!   key. Anyone registers one with [`Pallet::register_vk`] in its canonical encoding
//!   (`heliox_zk` documents the layout; `heliox-node zk convert` turns snarkjs JSON into it).
//!   The key is validated (points on the curve and in the subgroups, no γ = ±δ, no δ = G2
//!   generator, at most [`Config::MaxPublicInputs`] inputs), *prepared* once (the pairing
//!   `e(α, β)` and the Miller-loop lines of −γ, −δ are precomputed) and stored with its prepared
//!   form. Its id is `blake2_256` of the canonical bytes, so one key has one id. A deposit
//!   proportional to the stored bytes is held from the owner until [`Pallet::unregister_vk`].
//! - **ZKML layout.** At registration the owner declares which public inputs carry the
//!   commitments to the model, the input and the output of the inference the circuit proves.
//!   A key fixes a circuit, not a model: only a public model commitment ties a proof to model
//!   weights.
//! - **Statement and attestation.** A statement is "these public inputs satisfy this key"; its
//!   id hashes the key id and the inputs, never the proof (Groth16 proofs are malleable: anyone
//!   can re-randomise a valid proof, so proof bytes do not identify anything). A valid proof of
//!   a new statement is recorded as an [`Attestation`]: statement, key, submitter, block and the
//!   ZKML commitments. A statement is attested once; re-submitting it is refused.
//! - **Batches.** [`Pallet::submit_attestations`] verifies up to [`Config::MaxBatchSize`] proofs
//!   under one key with one random linear combination (one multi-Miller loop and one final
//!   exponentiation for the batch): cheaper per proof, all-or-nothing.
//! - **Where the arithmetic runs.** [`Config::Backend`] is `heliox_zk::NativeHost` in the
//!   Heliox runtime: the Wasm runtime calls the node's native host functions
//!   (`ext_heliox_zk_*`), which a pure-Wasm build (`heliox_zk::InRuntime`) matches answer for
//!   answer.
//! - **Consumers.** Other pallets that rely on a key (a subnet's proof circuit, an IP-NFT's
//!   result) take a reference through [`VerifyingKeyRegistry`]; a key in use cannot be
//!   unregistered. Attestations outlive their key: they record what was verified.
//!
//! Every failure is a distinct [`Error`] and changes nothing. Queries: the runtime API in
//! [`runtime_api`] (JSON-RPC `zk_*` in the node).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use heliox_zk::ZkError;

/// The input count a canonical key of `len` bytes declares (`(len − 520) / 64 − 1`, rounded
/// up): weights are charged from the length before the key is decoded.
pub fn inputs_of_key_len(len: usize) -> u32 {
	let ic_bytes = len.saturating_sub(heliox_zk::VK_HEADER_LEN);
	(ic_bytes.div_ceil(64).saturating_sub(1)) as u32
}

/// Verifying keys for other pallets: existence, input counts and references that keep a key
/// registered.
pub trait VerifyingKeyRegistry {
	/// Whether the key is registered.
	fn exists(vk_id: &VkId) -> bool;
	/// Takes a reference on the key (fails if it is not registered).
	fn acquire(vk_id: &VkId) -> sp_runtime::DispatchResult;
	/// Drops a reference taken by [`VerifyingKeyRegistry::acquire`].
	fn release(vk_id: &VkId);
	/// Whether the statement is attested, and under which key.
	fn attested_under(statement: &StatementId) -> Option<VkId>;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use heliox_zk::{Groth16Backend, ProofBytes, PublicInputBytes};

	/// The balance type of [`Config::Currency`].
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A registered key's record.
	pub type VerifyingKeyInfoOf<T> =
		VerifyingKeyInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// An attestation as stored.
	pub type AttestationOf<T> = Attestation<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxMetaLen,
	>;
	/// One proof of a batch.
	pub type AttestationItemOf<T> =
		AttestationItem<<T as Config>::MaxPublicInputs, <T as Config>::MaxMetaLen>;
	/// Public inputs of one proof.
	pub type PublicInputsOf<T> = BoundedVec<PublicInputBytes, <T as Config>::MaxPublicInputs>;

	/// The bound of `register_vk`'s key bytes: a key with one input more than allowed
	/// (`520 + 64·(MaxPublicInputs + 1)` bytes), so that such a key gets the clear
	/// [`Error::TooManyInputs`] rather than a decoding failure; longer ones do not decode.
	pub struct MaxVkLen<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxVkLen<T> {
		fn get() -> u32 {
			heliox_zk::verifying_key_len(T::MaxPublicInputs::get().saturating_add(1)) as u32
		}
	}

	/// The longest prepared key: `33_897 + 64·MaxPublicInputs` bytes.
	pub struct MaxPreparedLen<T>(core::marker::PhantomData<T>);
	impl<T: Config> Get<u32> for MaxPreparedLen<T> {
		fn get() -> u32 {
			heliox_zk::prepared_vk_len(T::MaxPublicInputs::get()) as u32
		}
	}

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Holds the registration deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Where Groth16 arithmetic runs (`heliox_zk::NativeHost` in a runtime).
		type Backend: Groth16Backend;
		/// Most public inputs a key may have.
		#[pallet::constant]
		type MaxPublicInputs: Get<u32>;
		/// Most proofs in one `submit_attestations`.
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;
		/// Most bytes of an attestation's metadata.
		#[pallet::constant]
		type MaxMetaLen: Get<u32>;
		/// Deposit per registered key.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;
		/// Deposit per stored byte (canonical key + prepared key).
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered verifying key.
		VerifyingKeyDeposit,
	}

	/// Registered keys by id.
	#[pallet::storage]
	pub type VerifyingKeys<T: Config> = StorageMap<_, Identity, VkId, VerifyingKeyInfoOf<T>>;

	/// The canonical encoding of each registered key (what `register_vk` received).
	#[pallet::storage]
	pub type VerifyingKeyBytes<T: Config> =
		StorageMap<_, Identity, VkId, BoundedVec<u8, MaxVkLen<T>>>;

	/// The prepared form of each registered key (`heliox_zk::PreparedVk::to_storage_bytes`).
	#[pallet::storage]
	pub type PreparedKeys<T: Config> =
		StorageMap<_, Identity, VkId, BoundedVec<u8, MaxPreparedLen<T>>>;

	/// Attestations by statement id.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageMap<_, Identity, StatementId, AttestationOf<T>>;

	/// Number of attestations ever recorded.
	#[pallet::storage]
	pub type AttestationCount<T: Config> = StorageValue<_, u64, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A verifying key was validated, prepared and registered.
		VerifyingKeyRegistered {
			vk_id: VkId,
			owner: T::AccountId,
			num_inputs: u32,
			layout: ZkmlLayout,
			deposit: BalanceOf<T>,
		},
		/// A verifying key was removed and its deposit released.
		VerifyingKeyUnregistered { vk_id: VkId, owner: T::AccountId, deposit: BalanceOf<T> },
		/// A proof verified and its statement was recorded.
		AttestationRecorded { statement: StatementId, vk_id: VkId, submitter: T::AccountId },
		/// A batch verified at once (one `AttestationRecorded` per proof precedes this).
		BatchVerified { vk_id: VkId, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No key with this id is registered.
		UnknownVerifyingKey,
		/// The key is already registered (same canonical bytes, same id).
		VerifyingKeyAlreadyRegistered,
		/// Only the key's owner may do this.
		NotVerifyingKeyOwner,
		/// Another pallet still uses the key.
		VerifyingKeyInUse,
		/// A layout position is not below the key's input count.
		InvalidLayout,
		/// The owner cannot cover the deposit.
		CannotHoldDeposit,
		/// The statement (key + public inputs) is already attested.
		DuplicateStatement,
		/// Two proofs of the batch prove the same statement.
		DuplicateStatementInBatch,
		/// The stored prepared key does not decode (storage corruption; never expected).
		CorruptPreparedKey,
		/// Bytes end before the encoding does.
		InvalidLength,
		/// Bytes are left over after the encoding.
		TrailingBytes,
		/// A coordinate is not below the base field modulus.
		CoordinateOutOfRange,
		/// A point's flag bits are not canonical.
		NonCanonicalFlags,
		/// A point is not on the curve.
		PointNotOnCurve,
		/// A G2 point is not in the prime-order subgroup.
		PointNotInSubgroup,
		/// The point at infinity where a real point is required.
		PointAtInfinity,
		/// A public input is not below the scalar field modulus `r`.
		ScalarOutOfRange,
		/// The key has γ = δ (anyone could forge proofs).
		GammaEqualsDelta,
		/// The key has γ = −δ (anyone could forge proofs).
		GammaEqualsNegatedDelta,
		/// The key's δ is the G2 generator (no circuit-specific setup).
		DeltaIsGenerator,
		/// The key's `IC` does not have one point more than it has inputs.
		IcLengthMismatch,
		/// The key has more public inputs than [`Config::MaxPublicInputs`].
		TooManyInputs,
		/// The number of public inputs differs from the key's.
		PublicInputCountMismatch,
		/// The proof does not verify.
		VerificationFailed,
		/// At least one proof of the batch does not verify (submit them singly to find it).
		BatchVerificationFailed,
		/// More proofs than [`Config::MaxBatchSize`].
		BatchTooLarge,
		/// The batch has no proof.
		EmptyBatch,
	}

	impl<T> From<ZkError> for Error<T> {
		fn from(error: ZkError) -> Self {
			match error {
				ZkError::InvalidLength => Error::InvalidLength,
				ZkError::TrailingBytes => Error::TrailingBytes,
				ZkError::CoordinateOutOfRange => Error::CoordinateOutOfRange,
				ZkError::NonCanonicalFlags => Error::NonCanonicalFlags,
				ZkError::PointNotOnCurve => Error::PointNotOnCurve,
				ZkError::PointNotInSubgroup => Error::PointNotInSubgroup,
				ZkError::PointAtInfinity => Error::PointAtInfinity,
				ZkError::ScalarOutOfRange => Error::ScalarOutOfRange,
				ZkError::GammaEqualsDelta => Error::GammaEqualsDelta,
				ZkError::GammaEqualsNegatedDelta => Error::GammaEqualsNegatedDelta,
				ZkError::DeltaIsGenerator => Error::DeltaIsGenerator,
				ZkError::IcLengthMismatch => Error::IcLengthMismatch,
				ZkError::TooManyInputs => Error::TooManyInputs,
				ZkError::PublicInputCountMismatch => Error::PublicInputCountMismatch,
				ZkError::VerificationFailed => Error::VerificationFailed,
				ZkError::BatchVerificationFailed => Error::BatchVerificationFailed,
				ZkError::BatchTooLarge => Error::BatchTooLarge,
				ZkError::EmptyBatch => Error::EmptyBatch,
				ZkError::UnsupportedFormatVersion | ZkError::InvalidPreparedKey => {
					Error::CorruptPreparedKey
				},
			}
		}
	}

	impl<T> From<CheckError> for Error<T> {
		fn from(error: CheckError) -> Self {
			match error {
				CheckError::UnknownVerifyingKey => Error::UnknownVerifyingKey,
				CheckError::DuplicateStatement => Error::DuplicateStatement,
				CheckError::Zk(error) => error.into(),
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxBatchSize::get() >= 1, "MaxBatchSize must allow one proof");
			// The prepared key of the largest key must fit a 32-bit length comfortably.
			assert!(T::MaxPublicInputs::get() <= 4096, "MaxPublicInputs is unreasonably large");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a verifying key (canonical encoding) with the positions of its ZKML
		/// commitments. Validates and prepares it, holds a deposit proportional to the stored
		/// bytes from the caller, and stores it under `blake2_256(vk)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_vk(crate::inputs_of_key_len(vk.len())))]
		pub fn register_vk(
			origin: OriginFor<T>,
			vk: BoundedVec<u8, MaxVkLen<T>>,
			layout: ZkmlLayout,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_vk(owner, vk, layout).map(|_| ())
		}

		/// Removes a key the caller registered and releases its deposit. Attestations made
		/// under it stay.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unregister_vk())]
		pub fn unregister_vk(origin: OriginFor<T>, vk_id: VkId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_vk(who, vk_id)
		}

		/// Verifies one proof against a registered key and records the attestation.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_attestation(public_inputs.len() as u32))]
		pub fn submit_attestation(
			origin: OriginFor<T>,
			vk_id: VkId,
			// Boxed to keep `RuntimeCall` small (SCALE-encodes exactly like `ProofBytes`).
			proof: alloc::boxed::Box<ProofBytes>,
			public_inputs: PublicInputsOf<T>,
			meta: BoundedVec<u8, T::MaxMetaLen>,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			Self::do_submit_attestation(submitter, vk_id, *proof, public_inputs.into_inner(), meta)
				.map(|_| ())
		}

		/// Verifies a batch of proofs under one key at once and records every attestation;
		/// all-or-nothing.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::submit_attestations(
			items.len() as u32,
			items.iter().map(|item| item.public_inputs.len() as u32).max().unwrap_or(0),
		))]
		pub fn submit_attestations(
			origin: OriginFor<T>,
			vk_id: VkId,
			items: BoundedVec<AttestationItemOf<T>, T::MaxBatchSize>,
		) -> DispatchResult {
			let submitter = ensure_signed(origin)?;
			Self::do_submit_attestations(submitter, vk_id, items.into_inner()).map(|_| ())
		}
	}
}

impl<T: Config> VerifyingKeyRegistry for Pallet<T> {
	fn exists(vk_id: &VkId) -> bool {
		VerifyingKeys::<T>::contains_key(vk_id)
	}

	fn acquire(vk_id: &VkId) -> sp_runtime::DispatchResult {
		VerifyingKeys::<T>::try_mutate(vk_id, |info| {
			let info = info.as_mut().ok_or(Error::<T>::UnknownVerifyingKey)?;
			info.consumers = info.consumers.saturating_add(1);
			Ok(())
		})
	}

	fn release(vk_id: &VkId) {
		VerifyingKeys::<T>::mutate(vk_id, |info| {
			if let Some(info) = info {
				if info.consumers == 0 {
					frame_support::defensive!("zk-verifier: release without acquire");
				}
				info.consumers = info.consumers.saturating_sub(1);
			}
		})
	}

	fn attested_under(statement: &StatementId) -> Option<VkId> {
		Attestations::<T>::get(statement).map(|attestation| attestation.vk_id)
	}
}
