//! OpenGov wiring: tracks, origins and a referendum that enacts a vault-admin call.

use super::{origins::Origin, tracks};
use crate::{tests::preset_ext, *};
use frame_support::traits::{
	schedule::DispatchTime, Bounded, OnInitialize, OriginTrait, StorePreimage,
};
use pallet_conviction_voting::{AccountVote, Conviction, Vote};
use pallet_referenda::TracksInfo as _;
use sp_keyring::Sr25519Keyring;

fn pallets_origin(o: Origin) -> OriginCaller {
	OriginCaller::Origins(o)
}

/// `depositor` places the decision deposit of referendum `index`, then every dev account votes
/// aye on it with 80% of its HLX (Locked1x).
fn deposit_and_vote_aye(depositor: &AccountId, index: u32) {
	assert!(
		Referenda::place_decision_deposit(RuntimeOrigin::signed(depositor.clone()), index).is_ok()
	);
	for key in
		Sr25519Keyring::iter().filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
	{
		let vote = AccountVote::Standard {
			vote: Vote { aye: true, conviction: Conviction::Locked1x },
			balance: genesis_config_presets::ENDOWMENT / 10 * 8,
		};
		assert!(
			ConvictionVoting::vote(RuntimeOrigin::signed(key.to_account_id()), index, vote).is_ok()
		);
	}
}

#[test]
fn tracks_are_consistent_and_map_every_origin() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		tracks::TracksInfo::check_integrity().expect("tracks are sorted and unique");
		let expect = [
			(Origin::WhitelistedCaller, tracks::ids::WHITELISTED_CALLER),
			(Origin::ValidatorAdmin, tracks::ids::VALIDATOR_ADMIN),
			(Origin::GpuAdmin, tracks::ids::GPU_ADMIN),
			(Origin::VaultAdmin, tracks::ids::VAULT_ADMIN),
			(Origin::SubnetsAdmin, tracks::ids::SUBNETS_ADMIN),
			(Origin::Treasurer, tracks::ids::TREASURER),
		];
		for (origin, id) in expect {
			assert_eq!(tracks::TracksInfo::track_for(&pallets_origin(origin)), Ok(id));
		}
		let root: OriginCaller = frame_system::RawOrigin::Root.into();
		assert_eq!(tracks::TracksInfo::track_for(&root), Ok(tracks::ids::ROOT));
		let signed: OriginCaller =
			frame_system::RawOrigin::Signed(Sr25519Keyring::Alice.to_account_id()).into();
		assert_eq!(tracks::TracksInfo::track_for(&signed), Err(()));
		assert_eq!(tracks::TracksInfo::tracks().count(), 7);
	});
}

#[test]
fn test_presets_shorten_periods_and_production_keeps_them() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let divisor = genesis_config_presets::TEST_TRACK_TIME_DIVISOR;
		assert_eq!(super::origins::TrackTimeDivisor::<Runtime>::get(), divisor);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.decision_period, 14 * DAYS / divisor);
		// Nothing is scaled below one block.
		super::origins::TrackTimeDivisor::<Runtime>::put(u32::MAX);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.prepare_period, 1);
		super::origins::TrackTimeDivisor::<Runtime>::put(1);
		let root = tracks::TracksInfo::info(tracks::ids::ROOT).expect("root track");
		assert_eq!(root.decision_period, 14 * DAYS);
		assert_eq!(root.name, sp_runtime::str_array::<25>("root"));
	});
}

#[test]
fn treasury_account_is_the_protocol_fee_account() {
	assert_eq!(Treasury::account_id(), configs::TreasuryAccount::get());
}

#[test]
fn custom_origins_gate_heliox_pallets() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// The vault track may pause AID; the GPU track and a signed account may not.
		let vault: RuntimeOrigin = Origin::VaultAdmin.into();
		let gpu: RuntimeOrigin = Origin::GpuAdmin.into();
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		assert!(Aid::set_paused(gpu, true).is_err());
		assert!(Aid::set_paused(alice, true).is_err());
		assert!(Aid::set_paused(vault, true).is_ok());
		assert!(pallet_aid::Paused::<Runtime>::get());
		assert!(RuntimeOrigin::root().caller().clone() == frame_system::RawOrigin::Root.into());
	});
}

/// A referendum on the `vault_admin` track, voted by the dev accounts, enacts `Aid::set_paused`
/// with the VaultAdmin origin.
#[test]
fn referendum_on_vault_track_enacts_its_call() {
	preset_ext(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let call = RuntimeCall::Aid(pallet_aid::Call::set_paused { paused: true });
		let proposal: Bounded<RuntimeCall, sp_runtime::traits::BlakeTwo256> =
			Preimage::bound(call).expect("small call is inlined");
		assert!(Referenda::submit(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(pallets_origin(Origin::VaultAdmin)),
			proposal,
			DispatchTime::After(0),
		)
		.is_ok());
		let index = pallet_referenda::ReferendumCount::<Runtime>::get() - 1;
		deposit_and_vote_aye(&alice, index);
		assert!(!pallet_aid::Paused::<Runtime>::get());
		// prepare (4) + confirm (48) + enactment (2) blocks on the test divisor, with margin.
		for n in 2..=80 {
			System::set_block_number(n);
			Scheduler::on_initialize(n);
			if pallet_aid::Paused::<Runtime>::get() {
				break;
			}
		}
		assert!(
			pallet_aid::Paused::<Runtime>::get(),
			"the referendum enacted set_paused: {:?}",
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index)
		);
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
			Some(pallet_referenda::ReferendumInfo::Approved(..))
		));
	});
}

/// Eve registers session keys made in her keystore (with their ownership proof), a referendum on
/// the `validator_admin` track voted by the dev accounts enacts `ValidatorManager::add_validator`,
/// and the session pallet takes her in two rotations later, with BABE and GRANDPA following.
#[test]
fn referendum_on_validator_track_adds_a_validator_two_sessions_later() {
	use codec::Encode;
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	use sp_runtime::traits::Dispatchable;
	let mut ext = preset_ext(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET);
	ext.register_extension(KeystoreExt(std::sync::Arc::new(MemoryKeystore::new())));
	ext.execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let eve = Sr25519Keyring::Eve.to_account_id();
		let call = RuntimeCall::ValidatorManager(pallet_validator_manager::Call::add_validator {
			who: eve.clone(),
		});
		let proposal: Bounded<RuntimeCall, sp_runtime::traits::BlakeTwo256> =
			Preimage::bound(call.clone()).expect("small call is inlined");

		// Without session keys the call fails, on any origin.
		assert_eq!(
			call.clone().dispatch(RuntimeOrigin::root()).map_err(|e| e.error),
			Err(pallet_validator_manager::Error::<Runtime>::NoSessionKeys.into())
		);
		// Eve's node generates her keys and their proof (`author_rotateKeysWithOwner`); a wrong
		// proof is refused, the right one registers them.
		let generated = SessionKeys::generate(&eve.encode(), None);
		assert!(Session::set_keys(
			RuntimeOrigin::signed(eve.clone()),
			generated.keys.clone(),
			vec![0u8; 10]
		)
		.is_err());
		assert!(Session::set_keys(
			RuntimeOrigin::signed(eve.clone()),
			generated.keys.clone(),
			generated.proof.encode()
		)
		.is_ok());

		assert!(Referenda::submit(
			RuntimeOrigin::signed(alice.clone()),
			Box::new(pallets_origin(Origin::ValidatorAdmin)),
			proposal,
			DispatchTime::After(0),
		)
		.is_ok());
		let index = pallet_referenda::ReferendumCount::<Runtime>::get() - 1;
		assert_eq!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index).and_then(
				|info| match info {
					pallet_referenda::ReferendumInfo::Ongoing(status) => Some(status.track),
					_ => None,
				}
			),
			Some(tracks::ids::VALIDATOR_ADMIN)
		);
		deposit_and_vote_aye(&alice, index);
		let pending = || {
			pallet_validator_manager::NextValidators::<Runtime>::get()
				.is_some_and(|set| set.contains(&eve))
		};
		for n in 2..=400 {
			System::set_block_number(n);
			Scheduler::on_initialize(n);
			if pending() {
				break;
			}
		}
		assert!(
			pending(),
			"the referendum enacted add_validator: {:?}",
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(index)
		);
		assert!(!Session::validators().contains(&eve));

		// The session that ends next plans the new set; it is active one rotation later. (BABE
		// notes each block in `on_initialize` before a rotation may happen in it.)
		Babe::on_initialize(System::block_number());
		Session::rotate_session();
		assert!(pallet_validator_manager::QueuedValidators::<Runtime>::get().contains(&eve));
		assert!(!Session::validators().contains(&eve));
		Session::rotate_session();
		assert!(Session::validators().contains(&eve));
		assert_eq!(Session::validators().len(), 5);
		assert!(pallet_validator_manager::Validators::<Runtime>::get().contains(&eve));
		let babe = generated.keys.babe.clone();
		assert!(Babe::authorities().iter().any(|(id, _)| *id == babe));
		// GRANDPA's change is scheduled at the rotation and enacted by its own delay.
		assert!(pallet_grandpa::PendingChange::<Runtime>::get().is_some_and(|change| change
			.next_authorities
			.iter()
			.any(|(id, _)| *id == generated.keys.grandpa)));
	});
}
