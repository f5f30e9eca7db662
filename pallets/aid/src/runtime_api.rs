//! The runtime API dApps (and the node's JSON-RPC) use to read the vault.

use crate::types::{RequestInfo, VaultSummary};
use alloc::vec::Vec;
use heliox_vault::VaultError;

sp_api::decl_runtime_apis! {
	/// Read access to AID and the sAID vault. Amounts are base units (`Balance` = `u128`).
	pub trait AidApi<AccountId, Balance>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
	{
		/// The vault's balance sheet (total/idle/deployed/unvested), shares, price and queue.
		fn vault_state() -> VaultSummary<Balance>;
		/// AID base units one whole sAID is worth now.
		fn share_price() -> Balance;
		/// Shares a `deposit` of `assets` would mint now.
		fn preview_deposit(assets: Balance) -> Result<Balance, VaultError>;
		/// Assets a `mint` of `shares` would cost now.
		fn preview_mint(shares: Balance) -> Result<Balance, VaultError>;
		/// Shares a `withdraw` of `assets` would burn now.
		fn preview_withdraw(assets: Balance) -> Result<Balance, VaultError>;
		/// Assets a `redeem` (or a queued request) of `shares` would pay now.
		fn preview_redeem(shares: Balance) -> Result<Balance, VaultError>;
		/// Largest `deposit` `who` can make now.
		fn max_deposit(who: AccountId) -> Balance;
		/// Largest `mint` `who` can make now.
		fn max_mint(who: AccountId) -> Balance;
		/// Largest instant `withdraw` `who` can make now (0 while the cooldown is not zero).
		fn max_withdraw(who: AccountId) -> Balance;
		/// Largest instant `redeem` `who` can make now (0 while the cooldown is not zero).
		fn max_redeem(who: AccountId) -> Balance;
		/// `who`'s pending withdrawal requests, with queue position and claimable AID.
		fn withdrawal_requests(who: AccountId) -> Vec<RequestInfo<Balance>>;
	}
}
