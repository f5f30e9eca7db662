//! Offchain-worker transaction plumbing.
//!
//! Pallets with offchain workers (proof-of-GPU verifiers, liveness probes) submit their results as
//! transactions. These impls let them:
//! - build **signed** transactions with a key from the node's keystore
//!   (`frame_system::offchain::Signer::<Runtime, TheirAppCrypto>::send_signed_transaction`), with
//!   exactly the same transaction extensions a wallet uses, so OCW transactions pay fees, carry a
//!   nonce and a mortal era, and are validated like any other signed transaction;
//! - build **bare** (unsigned) transactions for calls that carry their own proof and are
//!   validated by the pallet's `ValidateUnsigned`.

use codec::Encode;
use frame_system::offchain::{
	AppCrypto, CreateBare, CreateSignedTransaction, CreateTransaction, CreateTransactionBase,
	SigningTypes,
};
use sp_runtime::{generic::Era, traits::Verify, MultiAddress, SaturatedConversion};

use super::BlockHashCount;
use crate::{
	AccountId, Nonce, Runtime, RuntimeCall, Signature, SignedPayload, System, TxExtension,
	UncheckedExtrinsic,
};

impl SigningTypes for Runtime {
	type Public = <Signature as Verify>::Signer;
	type Signature = Signature;
}

impl<LocalCall> CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

impl<LocalCall> CreateTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extension = TxExtension;

	fn create_transaction(call: RuntimeCall, extension: TxExtension) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_transaction(call, extension)
	}
}

/// The transaction extensions of an OCW-signed transaction: the same as a wallet's, with no tip,
/// a mortal era starting at the parent block, and the metadata-hash check disabled (an OCW has no
/// metadata to hash).
pub fn offchain_tx_extension(nonce: Nonce) -> TxExtension {
	// Mortality: the largest power of two <= BlockHashCount / 2, like wallets do, so the
	// transaction expires instead of lingering in pools forever.
	let period =
		BlockHashCount::get().checked_next_power_of_two().map(|c| c / 2).unwrap_or(2) as u64;
	// The OCW runs on top of the block being imported; the era starts at its parent.
	let current_block = System::block_number().saturated_into::<u64>().saturating_sub(1);
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::mortal(period, current_block)),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

impl<LocalCall> CreateSignedTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_signed_transaction<C: AppCrypto<Self::Public, Self::Signature>>(
		call: RuntimeCall,
		public: <Signature as Verify>::Signer,
		account: AccountId,
		nonce: Nonce,
	) -> Option<UncheckedExtrinsic> {
		let raw_payload = SignedPayload::new(call, offchain_tx_extension(nonce))
			.map_err(|e| log::warn!(target: "runtime::offchain", "unable to build payload: {e:?}"))
			.ok()?;
		let signature = raw_payload.using_encoded(|payload| C::sign(payload, public))?;
		let (call, extension, _) = raw_payload.deconstruct();
		Some(UncheckedExtrinsic::new_signed(call, MultiAddress::Id(account), signature, extension))
	}
}
