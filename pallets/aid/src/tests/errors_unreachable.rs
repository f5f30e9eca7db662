//! Error variants no call can reach with a valid configuration: `InvalidFee`,
//! `InvalidOffset` (excluded by `Permill` and `integrity_test`) and
//! `InsufficientDeployed` (the sum of open deals equals the deployed assets, checked by
//! `try_state`). They exist so every `heliox_vault::VaultError` maps to a clear error.

use crate::{mock::Test, Error};
use heliox_vault::VaultError;

#[test]
fn every_vault_error_maps_to_a_pallet_error() {
	let cases = [
		(VaultError::ZeroAmount, Error::<Test>::ZeroAmount),
		(VaultError::ZeroShares, Error::<Test>::ZeroShares),
		(VaultError::ZeroAssets, Error::<Test>::ZeroAssets),
		(VaultError::Overflow, Error::<Test>::Overflow),
		(VaultError::DivisionByZero, Error::<Test>::Overflow),
		(VaultError::InsufficientShares, Error::<Test>::InsufficientShares),
		(VaultError::InsufficientLiquidity, Error::<Test>::InsufficientLiquidity),
		(VaultError::InsufficientDeployed, Error::<Test>::InsufficientDeployed),
		(VaultError::ZeroVestingPeriod, Error::<Test>::ZeroVestingPeriod),
		(VaultError::InvalidFee, Error::<Test>::InvalidFee),
		(VaultError::InvalidDecimalsOffset, Error::<Test>::InvalidOffset),
	];
	for (vault_error, pallet_error) in cases {
		assert_eq!(
			sp_runtime::DispatchError::from(Error::<Test>::from(vault_error)),
			sp_runtime::DispatchError::from(pallet_error)
		);
	}
}

#[test]
fn integrity_test_passes_for_the_mock() {
	use frame_support::traits::Hooks;
	crate::mock::new_test_ext().execute_with(<crate::Pallet<Test> as Hooks<u64>>::integrity_test);
}
