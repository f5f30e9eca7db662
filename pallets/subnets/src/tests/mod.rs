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
