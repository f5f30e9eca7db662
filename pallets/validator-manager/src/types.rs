//! Bounded storage types.

use frame_support::BoundedVec;

/// A validator set: sorted, without duplicates, at most `MaxValidators` accounts.
pub type ValidatorSetOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as crate::Config>::MaxValidators>;
