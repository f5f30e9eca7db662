use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn register_network_holds_lock() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		assert_eq!(netuid, 0);
		assert_eq!(Networks::<Test>::get(0).unwrap().locked, MIN_LOCK);
	});
}
