//! The interface through which revenue reaches a vault.
//!
//! The GPU registry (or any other revenue source) does not need to know how the vault accounts
//! for revenue: it only calls [`RevenueSink::accept_revenue`] for a GPU with the amount its
//! holders are owed. The vault decides whether it finances that GPU, takes its performance fee
//! and vests the rest ([`VaultState::inject_revenue_with_fee`](crate::VaultState::inject_revenue_with_fee)).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::VaultError;

/// Why a [`RevenueSink`] refused revenue. On `Err` nothing was transferred or recorded.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RevenueError {
	/// The sink does not finance this GPU, so its revenue is not the sink's to take.
	NotFinanced,
	/// The sink is not accepting revenue right now (for example, it is paused).
	Unavailable,
	/// The payer could not pay the amount.
	PaymentFailed,
	/// The vault's accounting refused the revenue.
	Vault(VaultError),
}

impl From<VaultError> for RevenueError {
	fn from(error: VaultError) -> Self {
		Self::Vault(error)
	}
}

impl core::fmt::Display for RevenueError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::NotFinanced => f.write_str("the GPU is not financed by this sink"),
			Self::Unavailable => f.write_str("the sink is not accepting revenue now"),
			Self::PaymentFailed => f.write_str("the payer could not pay the revenue"),
			Self::Vault(error) => write!(f, "vault: {error}"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for RevenueError {}

/// Something that takes revenue earned by a GPU.
///
/// `payer` is the account the revenue is taken from (for example the GPU registry's escrow of
/// the rental payment), `gpu` the GPU that earned it and `amount` the part owed to the sink,
/// in the sink's asset. Implementations are transactional: on `Err` nothing has moved.
pub trait RevenueSink<AccountId, GpuId, Balance> {
	/// Whether revenue of `gpu` would be accepted (a cheap check before building a payment).
	fn finances(gpu: &GpuId) -> bool;

	/// Takes `amount` from `payer` as revenue of `gpu`.
	fn accept_revenue(payer: &AccountId, gpu: &GpuId, amount: Balance) -> Result<(), RevenueError>;
}

/// A sink that finances nothing and refuses all revenue (for runtimes without a vault).
impl<AccountId, GpuId, Balance> RevenueSink<AccountId, GpuId, Balance> for () {
	fn finances(_gpu: &GpuId) -> bool {
		false
	}

	fn accept_revenue(
		_payer: &AccountId,
		_gpu: &GpuId,
		_amount: Balance,
	) -> Result<(), RevenueError> {
		Err(RevenueError::NotFinanced)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn unit_sink_refuses_everything() {
		assert!(!<() as RevenueSink<u64, u32, u128>>::finances(&7));
		assert_eq!(
			<() as RevenueSink<u64, u32, u128>>::accept_revenue(&1, &7, 100),
			Err(RevenueError::NotFinanced)
		);
	}

	#[test]
	fn vault_errors_convert_and_display() {
		let error: RevenueError = VaultError::ZeroAmount.into();
		assert_eq!(error, RevenueError::Vault(VaultError::ZeroAmount));
		assert_eq!(error.to_string(), "vault: amount is zero");
		assert_eq!(RevenueError::NotFinanced.to_string(), "the GPU is not financed by this sink");
		let encoded = RevenueError::Vault(VaultError::Overflow).encode();
		assert_eq!(
			RevenueError::decode(&mut &encoded[..]),
			Ok(RevenueError::Vault(VaultError::Overflow))
		);
	}
}
