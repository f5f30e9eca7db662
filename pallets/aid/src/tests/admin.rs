//! Governance calls: collateral whitelist, allow-list, parameters, pause, asset creation.

use super::*;
use crate::{AllowList, Collaterals, Error, Event, Params, Paused};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn genesis_sets_up_assets_collateral_and_allow_list() {
	run(|| {
		assert!(<Assets as frame_support::traits::fungibles::Inspect<_>>::asset_exists(AID));
		assert!(<Assets as frame_support::traits::fungibles::Inspect<_>>::asset_exists(SAID));
		assert_eq!(pallet_assets::Asset::<Test>::get(AID).unwrap().owner, Aid::account_id());
		assert!(pallet_assets::Asset::<Test>::get(SAID).unwrap().is_sufficient);
		assert_eq!(Collaterals::<Test>::get(USDC).unwrap().decimals, 6);
		assert_eq!(Collaterals::<Test>::count(), 2);
		assert!(AllowList::<Test>::contains_key(ALICE));
		assert!(!AllowList::<Test>::contains_key(EVE));
		let parameters = Params::<Test>::get();
		assert_eq!(parameters.cooldown, COOLDOWN);
		assert_eq!(parameters.performance_fee, Permill::from_percent(10));
		assert_eq!(parameters.mint_fee, Permill::zero());
		assert_eq!(parameters.vesting_period, VESTING);
		assert!(!Paused::<Test>::get());
	});
}

#[test]
fn create_assets_creates_missing_assets_only() {
	run(|| {
		assert_ok!(Aid::create_assets(RuntimeOrigin::root()));
		assert!(aid_events().is_empty());
		pallet_assets::Asset::<Test>::remove(SAID);
		assert_ok!(Aid::create_assets(RuntimeOrigin::root()));
		assert_eq!(aid_events(), vec![Event::AssetsCreated { aid: false, said: true }]);
		assert_noop!(Aid::create_assets(RuntimeOrigin::signed(ALICE)), BadOrigin);
	});
}

#[test]
fn allow_list_is_governance_managed() {
	run(|| {
		assert_noop!(Aid::allow_account(RuntimeOrigin::signed(ALICE), EVE), BadOrigin);
		assert_ok!(Aid::allow_account(RuntimeOrigin::root(), EVE));
		assert!(aid_events().contains(&Event::AccountAllowed { who: EVE }));
		assert_ok!(Aid::mint_aid(RuntimeOrigin::signed(EVE), USDC, UNIT));
		assert_noop!(Aid::allow_account(RuntimeOrigin::root(), EVE), Error::<Test>::AlreadyAllowed);
		assert_noop!(Aid::disallow_account(RuntimeOrigin::signed(ALICE), EVE), BadOrigin);
		assert_ok!(Aid::disallow_account(RuntimeOrigin::root(), EVE));
		assert!(aid_events().contains(&Event::AccountDisallowed { who: EVE }));
		assert_noop!(Aid::disallow_account(RuntimeOrigin::root(), EVE), Error::<Test>::NotAllowed);
		// AID itself stays freely transferable and usable in the vault.
		assert_ok!(Aid::deposit(RuntimeOrigin::signed(EVE), UNIT, 0));
	});
}

#[test]
fn collateral_whitelist_management() {
	run(|| {
		assert_noop!(Aid::set_collateral(RuntimeOrigin::signed(ALICE), OTHER, 6, 1), BadOrigin);
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), OTHER, 2, 1_000));
		assert!(aid_events().contains(&Event::CollateralSet {
			asset: OTHER,
			decimals: 2,
			cap: 1_000
		}));
		// Decimals may change while nothing is held; the cap always.
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), OTHER, 4, 1_000));
		mint_aid(ALICE, 1);
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), USDC, 8, u128::MAX),
			Error::<Test>::InvalidDecimals
		);
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), USDC, 6, 0));
		// A cap below what is held stops mints, not redemptions.
		assert_noop!(
			Aid::mint_aid(RuntimeOrigin::signed(ALICE), USDC, 1),
			Error::<Test>::CapExceeded
		);
		assert_noop!(Aid::remove_collateral(RuntimeOrigin::signed(ALICE), OTHER), BadOrigin);
		assert_noop!(
			Aid::remove_collateral(RuntimeOrigin::root(), USDC),
			Error::<Test>::CollateralInUse
		);
		assert_ok!(Aid::redeem_aid(RuntimeOrigin::signed(ALICE), USDC, UNIT));
		assert_ok!(Aid::remove_collateral(RuntimeOrigin::root(), USDC));
		assert!(aid_events().contains(&Event::CollateralRemoved { asset: USDC }));
		assert_noop!(
			Aid::remove_collateral(RuntimeOrigin::root(), USDC),
			Error::<Test>::NotCollateral
		);
	});
}

#[test]
fn collateral_errors_change_nothing() {
	run(|| {
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), AID, 6, 1),
			Error::<Test>::InvalidAsset
		);
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), SAID, 6, 1),
			Error::<Test>::InvalidAsset
		);
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), 555, 6, 1),
			Error::<Test>::InvalidAsset
		);
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), OTHER, 45, 1),
			Error::<Test>::InvalidDecimals
		);
		assert_ok!(Aid::set_collateral(RuntimeOrigin::root(), OTHER, 6, 1));
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), 13, ASSET_ADMIN, false, 1));
		assert_noop!(
			Aid::set_collateral(RuntimeOrigin::root(), 13, 6, 1),
			Error::<Test>::TooManyCollaterals
		);
	});
}

#[test]
fn parameters_and_pause_are_governance_managed() {
	run(|| {
		let parameters = crate::Parameters {
			mint_fee: Permill::from_percent(1),
			redeem_fee: Permill::from_percent(2),
			performance_fee: Permill::from_percent(15),
			cooldown: 5,
			vesting_period: 7,
		};
		assert_noop!(Aid::set_parameters(RuntimeOrigin::signed(ALICE), parameters), BadOrigin);
		assert_ok!(Aid::set_parameters(RuntimeOrigin::root(), parameters));
		assert_eq!(Params::<Test>::get(), parameters);
		assert!(aid_events().contains(&Event::ParametersSet { parameters }));
		assert_noop!(
			Aid::set_parameters(
				RuntimeOrigin::root(),
				crate::Parameters { vesting_period: 0, ..parameters }
			),
			Error::<Test>::ZeroVestingPeriod
		);
		assert_noop!(Aid::set_paused(RuntimeOrigin::signed(ALICE), true), BadOrigin);
		assert_ok!(Aid::set_paused(RuntimeOrigin::root(), true));
		assert!(Paused::<Test>::get());
		assert!(aid_events().contains(&Event::PausedSet { paused: true }));
	});
}

#[test]
fn genesis_can_start_paused_and_the_pallet_account_can_hold_non_sufficient_collateral() {
	run(|| {
		assert_eq!(System::providers(&Aid::account_id()), 1);
		mint_aid(ALICE, 1);
		assert_eq!(Assets::balance(USDC, Aid::account_id()), UNIT);
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { paused: true, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert!(Paused::<Test>::get());
		assert!(<Assets as frame_support::traits::fungibles::Inspect<_>>::asset_exists(AID));
		Aid::do_try_state().unwrap();
	});
}

#[test]
fn the_pallet_accounts_are_distinct() {
	run(|| {
		let accounts = [Aid::account_id(), Aid::vault_account(), Aid::queue_account()];
		assert_ne!(accounts[0], accounts[1]);
		assert_ne!(accounts[0], accounts[2]);
		assert_ne!(accounts[1], accounts[2]);
	});
}
