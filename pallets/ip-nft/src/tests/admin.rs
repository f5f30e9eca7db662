//! Governance: the issuer allow-list and the protocol fee.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn issuers_are_managed_by_governance() {
	run(|| {
		assert_ok!(IpNft::add_issuer(RuntimeOrigin::root(), bob()));
		assert!(IpNft::is_issuer(&bob()));
		assert_ok!(IpNft::remove_issuer(RuntimeOrigin::root(), bob()));
		assert!(!IpNft::is_issuer(&bob()));
		assert_eq!(
			ip_nft_events(),
			vec![Event::IssuerAdded { who: bob() }, Event::IssuerRemoved { who: bob() }]
		);
	});
}

#[test]
fn only_the_issuer_origin_manages_issuers() {
	run(|| {
		assert_noop!(
			IpNft::add_issuer(RuntimeOrigin::signed(alice()), bob()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			IpNft::remove_issuer(RuntimeOrigin::signed(alice()), issuer()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn adding_an_issuer_twice_fails() {
	run(|| {
		assert_noop!(
			IpNft::add_issuer(RuntimeOrigin::root(), issuer()),
			Error::<Test>::AlreadyIssuer
		);
	});
}

#[test]
fn removing_a_non_issuer_fails() {
	run(|| {
		assert_noop!(IpNft::remove_issuer(RuntimeOrigin::root(), bob()), Error::<Test>::NotIssuer);
	});
}

#[test]
fn a_removed_issuer_can_no_longer_authorize() {
	run(|| {
		let metadata = metadata();
		let signature = authorize(ISSUER, &alice(), &alice(), &metadata, 0, DEADLINE);
		assert_ok!(IpNft::remove_issuer(RuntimeOrigin::root(), issuer()));
		assert_noop!(
			IpNft::mint_ip_nft(
				RuntimeOrigin::signed(alice()),
				alice(),
				metadata,
				0,
				DEADLINE,
				issuer(),
				signature
			),
			Error::<Test>::NotIssuer
		);
	});
}

#[test]
fn protocol_fee_is_set_by_admin_within_its_maximum() {
	run(|| {
		assert_eq!(ProtocolFee::<Test>::get(), Permill::from_percent(2));
		assert_ok!(IpNft::set_protocol_fee(RuntimeOrigin::root(), Permill::from_percent(50)));
		assert_eq!(ProtocolFee::<Test>::get(), Permill::from_percent(50));
		assert_eq!(ip_nft_events(), vec![Event::ProtocolFeeSet { fee: Permill::from_percent(50) }]);
		assert_noop!(
			IpNft::set_protocol_fee(RuntimeOrigin::root(), Permill::from_percent(51)),
			Error::<Test>::FeeTooHigh
		);
		assert_noop!(
			IpNft::set_protocol_fee(RuntimeOrigin::signed(alice()), Permill::zero()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn integrity_test_passes() {
	use frame_support::traits::Hooks;
	run(|| {
		<IpNft as Hooks<u64>>::integrity_test();
	});
}
