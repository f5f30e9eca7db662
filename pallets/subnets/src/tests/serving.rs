use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn serve(
	hotkey: AccountId,
	netuid: NetUid,
	ip: u128,
	port: u16,
	ip_type: u8,
) -> sp_runtime::DispatchResult {
	Subnets::serve_axon(RuntimeOrigin::signed(hotkey), netuid, 3, ip, port, ip_type, 1)
}

#[test]
fn serve_axon_stores_endpoint() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		assert_ok!(serve(101, netuid, 0x7f00_0001, 8091, 4));
		assert_eq!(
			Axons::<Test>::get(netuid, 0),
			Some(AxonInfo {
				block: 1,
				version: 3,
				ip: 0x7f00_0001,
				port: 8091,
				ip_type: 4,
				protocol: 1
			})
		);
		assert_eq!(last_event(), Event::AxonServed { netuid, uid: 0, hotkey: 101 });
		run_to_block(4);
		assert_ok!(serve(101, netuid, u128::MAX, 9000, 6));
		assert_eq!(Axons::<Test>::get(netuid, 0).unwrap().ip_type, 6);
	});
}

#[test]
fn serve_axon_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let netuid = new_subnet(1);
		register(netuid, 2, 101);
		assert_noop!(serve(101, 9, 1, 1, 4), Error::<Test>::SubnetNotFound);
		assert_noop!(serve(999, netuid, 1, 1, 4), Error::<Test>::HotkeyNotRegistered);
		assert_noop!(serve(101, netuid, 1, 1, 5), Error::<Test>::InvalidIpType);
		assert_noop!(serve(101, netuid, 0, 1, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(serve(101, netuid, 1u128 << 32, 1, 4), Error::<Test>::InvalidIpAddress);
		assert_noop!(serve(101, netuid, 1, 0, 4), Error::<Test>::InvalidPort);
		assert_ok!(serve(101, netuid, 1, 1, 4));
		run_to_block(3);
		assert_noop!(serve(101, netuid, 1, 2, 4), Error::<Test>::ServingRateLimitExceeded);
		run_to_block(4);
		assert_ok!(serve(101, netuid, 1, 2, 4));
	});
}
