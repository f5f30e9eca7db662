use crate::mock::*;
use frame_support::assert_ok;

#[test]
fn genesis_creates_assets() {
	run(|| {
		assert!(Aid::said_balance(&ALICE) == 0);
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 100 * UNIT));
		assert_eq!(Aid::aid_balance(&ALICE), 100 * UNIT);
	});
}
