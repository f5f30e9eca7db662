//! Unit tests, split by concern. Every test runs the pallet's `try_state` invariants after
//! every block and at the end ([`crate::mock::run`]); every `Error` variant has a test that
//! checks the error and that storage is unchanged (`assert_noop!` compares the storage root).
