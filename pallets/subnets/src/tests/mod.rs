//! Tests, split by concern. Every test runs the pallet's `try_state` invariants at its end
//! (`ExtBuilder::build_and_execute`); every `Error` variant has a test that checks the storage
//! root is unchanged by the failing call (`assert_noop!`).

mod commit_reveal;
mod epoch;
mod invariants;
mod network;
mod registration;
mod runtime_api;
mod serving;
mod staking;
mod weights;

use crate::{mock::*, *};
use frame_support::assert_ok;

/// Owner 1 registers subnet 0; coldkey 2 registers validator hotkey 101 (UID 0) and stakes
/// `stake` on it; coldkeys 3 and 4 register miners 102 (UID 1) and 103 (UID 2).
pub(crate) fn subnet_with_validator(stake: Balance) -> NetUid {
	let netuid = new_subnet(1);
	assert_eq!(register(netuid, 2, 101), 0);
	assert_eq!(register(netuid, 3, 102), 1);
	assert_eq!(register(netuid, 4, 103), 2);
	if stake > 0 {
		assert_ok!(Subnets::add_stake(RuntimeOrigin::signed(2), 101, stake));
	}
	netuid
}

/// Every `Error` variant has a test with `assert_noop!` (storage root unchanged). This list is
/// checked against the pallet's metadata so that a new variant without a test fails here.
#[test]
fn every_error_variant_is_tested() {
	use scale_info::{TypeDef, TypeInfo};
	const TESTED: &[(&str, &str)] = &[
		("SubnetNotFound", "network::dissolve_errors, registration::burned_register_errors, …"),
		("TooManySubnets", "network::too_many_subnets"),
		("NotSubnetOwner", "network::dissolve_errors, network::set_hyperparameters_errors"),
		("InsufficientBalance", "network::register_network_insufficient_balance, …"),
		("InvalidBounds", "network::invalid_bounds"),
		("HyperparametersOutOfBounds", "network::set_hyperparameters_errors"),
		("MaxUidsBelowCurrent", "network::set_hyperparameters_errors"),
		("HotkeyAlreadyRegistered", "registration::burned_register_errors"),
		("NotHotkeyOwner", "registration::burned_register_errors"),
		("AllUidsImmune", "registration::all_uids_immune"),
		("HotkeyNotRegistered", "weights::set_weights_errors, commit_reveal::commit_errors, …"),
		("HotkeyUnknown", "staking::staking_errors"),
		("ZeroAmount", "staking::staking_errors"),
		("NotEnoughStake", "staking::staking_errors"),
		("StakeBelowMinimum", "staking::staking_errors"),
		("CommitRevealEnabled", "weights::set_weights_errors"),
		("CommitRevealDisabled", "commit_reveal::commit_errors, commit_reveal::reveal_errors"),
		("WeightVecLengthMismatch", "weights::set_weights_errors"),
		("TooFewWeights", "weights::set_weights_errors"),
		("DuplicateUids", "weights::set_weights_errors, commit_reveal::reveal_errors"),
		("UidOutOfRange", "weights::set_weights_errors"),
		("IncorrectVersionKey", "weights::set_weights_errors"),
		("SettingWeightsTooFast", "weights::set_weights_errors"),
		("NoValidatorPermit", "weights::set_weights_errors"),
		("TooManyPendingCommits", "commit_reveal::commit_errors"),
		("NoWeightsCommitFound", "commit_reveal::reveal_errors"),
		("InvalidRevealCommitHash", "commit_reveal::reveal_errors"),
		("RevealTooEarly", "commit_reveal::commit_then_reveal_in_the_reveal_epoch"),
		("ExpiredWeightCommit", "commit_reveal::reveal_errors"),
		("InvalidIpType", "serving::serve_axon_errors"),
		("InvalidIpAddress", "serving::serve_axon_errors"),
		("InvalidPort", "serving::serve_axon_errors"),
		("ServingRateLimitExceeded", "serving::serve_axon_errors"),
	];
	let TypeDef::Variant(def) = Error::<Test>::type_info().type_def else {
		panic!("Error is an enum")
	};
	let mut variants: Vec<&str> = def.variants.iter().map(|v| v.name).collect();
	let mut tested: Vec<&str> = TESTED.iter().map(|(name, _)| *name).collect();
	variants.sort_unstable();
	tested.sort_unstable();
	assert_eq!(variants, tested);
}

/// Calls declare the benchmarked weight of their components and refund to the actual work.
#[test]
fn dispatch_weights_use_components() {
	use frame_support::dispatch::GetDispatchInfo;
	ExtBuilder::default().build_and_execute(|| {
		let call = Call::<Test>::set_weights {
			netuid: 0,
			uids: uids(&[1, 2, 3]),
			values: vals(&[1, 2, 3]),
			version_key: 0,
		};
		assert_eq!(call.get_dispatch_info().call_weight, <() as WeightInfo>::set_weights(3));
		let call = Call::<Test>::reveal_weights {
			netuid: 0,
			uids: uids(&[1, 2]),
			values: vals(&[1, 2]),
			salt: [0; 32],
			version_key: 0,
		};
		assert_eq!(call.get_dispatch_info().call_weight, <() as WeightInfo>::reveal_weights(2));

		let netuid = subnet_with_validator(0);
		let info = Subnets::dissolve_network(RuntimeOrigin::signed(1), netuid).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::dissolve_network(3)));
		let netuid = new_subnet(1);
		let info = Subnets::burned_register(RuntimeOrigin::signed(2), netuid, 101).unwrap();
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::burned_register(0)));
	});
}
