//! The verifier set from the session pallet.

use super::*;
use frame_support::traits::OneSessionHandler;

#[test]
fn session_changes_replace_the_verifier_set() {
	run(|| {
		assert_eq!(Verifiers::<Test>::get().len(), 3);
		let set_id = VerifierSetId::<Test>::get();
		let accounts: Vec<AccountId> = (0..5).map(|i| verifier_pair(i).public()).collect();
		let keys: Vec<_> = (0..5).map(verifier_key).collect();
		// Unchanged keys: nothing happens.
		GpuProof::on_new_session(
			false,
			accounts[..3].iter().zip(keys[..3].iter().cloned()),
			accounts[..3].iter().zip(keys[..3].iter().cloned()),
		);
		assert_eq!(VerifierSetId::<Test>::get(), set_id);
		// Two verifiers leave, two join.
		GpuProof::on_new_session(
			true,
			accounts[2..].iter().zip(keys[2..].iter().cloned()),
			accounts[2..].iter().zip(keys[2..].iter().cloned()),
		);
		assert_eq!(VerifierSetId::<Test>::get(), set_id + 1);
		assert_eq!(Verifiers::<Test>::get().to_vec(), keys[2..].to_vec());
		assert_eq!(VerifierIndex::<Test>::get(accounts[0]), None);
		assert_eq!(VerifierIndex::<Test>::get(accounts[2]), Some(0));
		assert_eq!(VerifierIndex::<Test>::get(accounts[4]), Some(2));
		assert!(events().contains(&Event::VerifiersChanged { set_id: set_id + 1, count: 3 }));
		// The verifier's account is its key's account.
		assert_eq!(GpuProof::verifier_account(&keys[4]), accounts[4]);
	});
}

#[test]
fn duplicates_are_dropped_and_the_set_is_bounded() {
	run(|| {
		let mut keys: Vec<_> = (0..20).map(verifier_key).collect();
		keys.insert(1, verifier_key(0));
		GpuProof::set_verifiers(keys.into_iter());
		let set = Verifiers::<Test>::get();
		assert_eq!(set.len(), 16);
		assert_eq!(set[1], verifier_key(1));
		GpuProof::on_genesis_session(core::iter::empty::<(&AccountId, crypto::Public)>());
		assert!(Verifiers::<Test>::get().is_empty());
		assert_eq!(VerifierIndex::<Test>::iter().count(), 0);
	});
}

#[test]
fn an_empty_genesis_list_keeps_the_verifiers_the_session_pallet_set() {
	// In a runtime the session pallet's genesis hands over the validators' keys before this
	// pallet's genesis runs with its (empty) default list.
	run(|| {
		let before = Verifiers::<Test>::get();
		assert_eq!(before.len(), 3);
		frame_support::traits::BuildGenesisConfig::build(&crate::GenesisConfig::<Test> {
			verifiers: vec![],
			schedule: None,
			sample_fraction: None,
		});
		assert_eq!(Verifiers::<Test>::get(), before);
	});
}
