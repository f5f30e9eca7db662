//! The vault's balance sheet and its ERC-4626 share accounting.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::fee::{split_performance_fee, FeeSplit};
use crate::math::{mul_div, Rounding};
use crate::{VaultError, Vesting};

/// The number of extra decimals shares carry over assets, which sets the size of the virtual
/// share and asset offset (see the [crate docs](crate#virtual-shares-and-the-donation-attack)).
///
/// The vault behaves as if `10^digits` shares and `1` unit of assets always existed on top of
/// the real ones. The offset must stay the same for the whole life of a vault: changing it
/// changes the share price.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct DecimalsOffset(u8);

impl DecimalsOffset {
	/// Largest accepted offset: `10^38` is the largest power of ten that fits in `u128`.
	pub const MAX_DIGITS: u8 = 38;
	/// The default offset of 6 digits: one asset unit is worth `10^6` shares in an empty vault.
	pub const DEFAULT: Self = Self(6);

	/// An offset of `digits` decimals; fails with [`VaultError::InvalidDecimalsOffset`] above
	/// [`Self::MAX_DIGITS`]. Being `const`, it can define a compile-time constant.
	pub const fn new(digits: u8) -> Result<Self, VaultError> {
		if digits > Self::MAX_DIGITS {
			Err(VaultError::InvalidDecimalsOffset)
		} else {
			Ok(Self(digits))
		}
	}

	/// The number of decimals.
	pub const fn digits(self) -> u8 {
		self.0
	}

	/// The virtual share supply, `10^digits`.
	pub const fn virtual_shares(self) -> u128 {
		// `digits <= MAX_DIGITS` by construction, so the power always fits.
		match 10u128.checked_pow(self.0 as u32) {
			Some(shares) => shares,
			None => u128::MAX,
		}
	}
}

impl Default for DecimalsOffset {
	fn default() -> Self {
		Self::DEFAULT
	}
}

/// Assets and shares exchanged by one deposit, mint, withdrawal or redemption.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Exchange {
	/// Assets paid into (deposit, mint) or out of (withdraw, redeem) the vault.
	pub assets: u128,
	/// Shares minted (deposit, mint) or burned (withdraw, redeem).
	pub shares: u128,
}

/// The vault's balance sheet: everything needed to price a share.
///
/// * `idle_assets` are held by the vault and can pay withdrawals right away;
/// * `deployed_assets` are lent out (GPU loans, revenue-share agreements) and count at book
///   value until [`recalled`](Self::recall) or [`written down`](Self::write_down);
/// * `vesting` holds injected revenue that the vault already holds but recognises linearly
///   (only its vested part counts, see [`Vesting`]).
///
/// `total_assets(now) = idle_assets + deployed_assets + vesting.vested_at(now)`.
///
/// Every state transition first [accrues](Self::accrue) at `now` (moves the vested part of the
/// schedule into `idle_assets`) and is transactional: on `Err` the state is left untouched.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct VaultState {
	/// Shares in existence, including shares locked in the withdrawal queue.
	pub total_shares: u128,
	/// Recognised assets held by the vault and available for payouts.
	pub idle_assets: u128,
	/// Recognised assets currently deployed outside the vault.
	pub deployed_assets: u128,
	/// Injected revenue still being recognised.
	pub vesting: Vesting,
}

/// The share price at one instant, kept as the fraction `assets / shares` including the
/// virtual offset, so both directions of conversion use the same two totals.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Price {
	/// `total_assets + 1`.
	assets: u128,
	/// `total_shares + 10^offset`.
	shares: u128,
}

impl Price {
	/// Shares worth `assets`.
	pub(crate) fn shares_for(self, assets: u128, rounding: Rounding) -> Result<u128, VaultError> {
		mul_div(assets, self.shares, self.assets, rounding)
	}

	/// Assets worth `shares`.
	pub(crate) fn assets_for(self, shares: u128, rounding: Rounding) -> Result<u128, VaultError> {
		mul_div(shares, self.assets, self.shares, rounding)
	}

	/// The largest number of shares whose value, rounded down, is at most `assets`.
	///
	/// `floor(s · A / S) <= L  ⇔  s · A < (L + 1) · S  ⇔  s <= ceil((L + 1) · S / A) - 1`.
	/// Saturates at `u128::MAX` when that bound does not fit.
	pub(crate) fn max_shares_paying_at_most(self, assets: u128) -> u128 {
		let Some(limit) = assets.checked_add(1) else { return u128::MAX };
		match mul_div(limit, self.shares, self.assets, Rounding::Up) {
			Ok(bound) => bound.saturating_sub(1),
			Err(_) => u128::MAX,
		}
	}
}

impl VaultState {
	/// Assets the vault recognises at block `now`: idle + deployed + vested revenue.
	pub fn total_assets(&self, now: u64) -> Result<u128, VaultError> {
		self.idle_assets
			.checked_add(self.deployed_assets)
			.and_then(|assets| assets.checked_add(self.vesting.vested_at(now)))
			.ok_or(VaultError::Overflow)
	}

	/// Assets that can be paid out at block `now`: idle assets plus revenue vested since the
	/// last accrual (unvested revenue is held but not yet owed to anyone).
	pub fn liquid_assets(&self, now: u64) -> Result<u128, VaultError> {
		self.idle_assets.checked_add(self.vesting.vested_at(now)).ok_or(VaultError::Overflow)
	}

	/// Everything the vault holds or has lent out, vested or not.
	fn gross_assets(&self) -> Result<u128, VaultError> {
		self.idle_assets
			.checked_add(self.deployed_assets)
			.and_then(|assets| assets.checked_add(self.vesting.amount))
			.ok_or(VaultError::Overflow)
	}

	/// How many more assets may enter the vault while `total_assets + 1` stays representable.
	fn asset_headroom(&self) -> Result<u128, VaultError> {
		(u128::MAX - 1).checked_sub(self.gross_assets()?).ok_or(VaultError::Overflow)
	}

	/// How many more shares may be minted while `total_shares + 10^offset` stays representable.
	fn share_headroom(&self, offset: DecimalsOffset) -> Result<u128, VaultError> {
		u128::MAX
			.checked_sub(offset.virtual_shares())
			.and_then(|room| room.checked_sub(self.total_shares))
			.ok_or(VaultError::Overflow)
	}

	/// The share price at block `now`.
	pub(crate) fn price(&self, offset: DecimalsOffset, now: u64) -> Result<Price, VaultError> {
		let assets = self.total_assets(now)?.checked_add(1).ok_or(VaultError::Overflow)?;
		let shares =
			self.total_shares.checked_add(offset.virtual_shares()).ok_or(VaultError::Overflow)?;
		Ok(Price { assets, shares })
	}

	/// This state with the revenue vested by `now` moved from the schedule into idle assets.
	pub(crate) fn accrued(&self, now: u64) -> Result<VaultState, VaultError> {
		let (vested, remaining) = self.vesting.split_at(now);
		let idle_assets = self.idle_assets.checked_add(vested).ok_or(VaultError::Overflow)?;
		Ok(VaultState { idle_assets, vesting: remaining, ..self.clone() })
	}

	/// Moves the revenue vested by `now` into idle assets and restarts the schedule at `now`
	/// with the unvested remainder (same end block). Returns the amount moved.
	///
	/// Total assets at `now` are unchanged. Every state transition does this first, so calling
	/// it directly is only needed to make vested revenue visible in `idle_assets`.
	pub fn accrue(&mut self, now: u64) -> Result<u128, VaultError> {
		let next = self.accrued(now)?;
		let recognised = next.idle_assets.saturating_sub(self.idle_assets);
		*self = next;
		Ok(recognised)
	}

	// ----- ERC-4626 conversions and previews -------------------------------------------------

	/// Shares worth `assets` at `now`, rounded down (ERC-4626 `convertToShares`).
	pub fn convert_to_shares(
		&self,
		offset: DecimalsOffset,
		now: u64,
		assets: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.shares_for(assets, Rounding::Down)
	}

	/// Assets worth `shares` at `now`, rounded down (ERC-4626 `convertToAssets`).
	pub fn convert_to_assets(
		&self,
		offset: DecimalsOffset,
		now: u64,
		shares: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.assets_for(shares, Rounding::Down)
	}

	/// Shares a [`deposit`](Self::deposit) of `assets` would mint (rounded down).
	pub fn preview_deposit(
		&self,
		offset: DecimalsOffset,
		now: u64,
		assets: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.shares_for(assets, Rounding::Down)
	}

	/// Assets a [`mint`](Self::mint) of `shares` would cost (rounded up).
	pub fn preview_mint(
		&self,
		offset: DecimalsOffset,
		now: u64,
		shares: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.assets_for(shares, Rounding::Up)
	}

	/// Shares a [`withdraw`](Self::withdraw) of `assets` would burn (rounded up).
	pub fn preview_withdraw(
		&self,
		offset: DecimalsOffset,
		now: u64,
		assets: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.shares_for(assets, Rounding::Up)
	}

	/// Assets a [`redeem`](Self::redeem) of `shares` would pay (rounded down).
	pub fn preview_redeem(
		&self,
		offset: DecimalsOffset,
		now: u64,
		shares: u128,
	) -> Result<u128, VaultError> {
		self.price(offset, now)?.assets_for(shares, Rounding::Down)
	}

	// ----- ERC-4626 limits (never fail; 0 means "not possible now") -------------------------

	/// The largest `assets` a [`deposit`](Self::deposit) at `now` accepts: bounded only by the
	/// totals staying representable. `0` when even that deposit would mint no share.
	pub fn max_deposit(&self, offset: DecimalsOffset, now: u64) -> u128 {
		let limit = || -> Result<u128, VaultError> {
			let price = self.price(offset, now)?;
			let asset_room = self.asset_headroom()?;
			// floor(a · S / A) <= K  ⇔  a <= ceil((K + 1) · A / S) - 1.
			let share_room = self.share_headroom(offset)?;
			let by_shares = share_room
				.checked_add(1)
				.and_then(|k| mul_div(k, price.assets, price.shares, Rounding::Up).ok())
				.map_or(u128::MAX, |bound| bound.saturating_sub(1));
			let assets = asset_room.min(by_shares);
			if price.shares_for(assets, Rounding::Down)? == 0 {
				return Ok(0);
			}
			Ok(assets)
		};
		limit().unwrap_or(0)
	}

	/// The largest `shares` a [`mint`](Self::mint) at `now` accepts: bounded only by the totals
	/// staying representable.
	pub fn max_mint(&self, offset: DecimalsOffset, now: u64) -> u128 {
		let limit = || -> Result<u128, VaultError> {
			let price = self.price(offset, now)?;
			let share_room = self.share_headroom(offset)?;
			// ceil(s · A / S) <= R  ⇔  s · A / S <= R  ⇔  s <= floor(R · S / A).
			let by_assets =
				mul_div(self.asset_headroom()?, price.shares, price.assets, Rounding::Down)
					.unwrap_or(u128::MAX);
			Ok(share_room.min(by_assets))
		};
		limit().unwrap_or(0)
	}

	/// The largest `assets` an owner holding `owner_shares` can [`withdraw`](Self::withdraw) at
	/// `now`: the value of those shares (rounded down), capped by the liquid assets.
	pub fn max_withdraw(&self, offset: DecimalsOffset, now: u64, owner_shares: u128) -> u128 {
		let limit = || -> Result<u128, VaultError> {
			let state = self.accrued(now)?;
			let owned = owner_shares.min(state.total_shares);
			let value = state.price(offset, now)?.assets_for(owned, Rounding::Down)?;
			Ok(value.min(state.idle_assets))
		};
		limit().unwrap_or(0)
	}

	/// The largest `shares` an owner holding `owner_shares` can [`redeem`](Self::redeem) at
	/// `now`: all of them if the liquid assets cover their value, otherwise as many as the
	/// liquid assets pay for. `0` when that many shares would pay out nothing.
	pub fn max_redeem(&self, offset: DecimalsOffset, now: u64, owner_shares: u128) -> u128 {
		let limit = || -> Result<u128, VaultError> {
			let state = self.accrued(now)?;
			let price = state.price(offset, now)?;
			let owned = owner_shares.min(state.total_shares);
			let shares = owned.min(price.max_shares_paying_at_most(state.idle_assets));
			if price.assets_for(shares, Rounding::Down)? == 0 {
				return Ok(0);
			}
			Ok(shares)
		};
		limit().unwrap_or(0)
	}

	// ----- ERC-4626 state transitions --------------------------------------------------------

	/// Takes `assets` into the vault and mints the shares they are worth, rounded down.
	///
	/// Fails with [`VaultError::ZeroAmount`] for zero assets, [`VaultError::ZeroShares`] when
	/// the deposit is worth less than one share, [`VaultError::Overflow`] beyond
	/// [`max_deposit`](Self::max_deposit).
	pub fn deposit(
		&mut self,
		offset: DecimalsOffset,
		now: u64,
		assets: u128,
	) -> Result<Exchange, VaultError> {
		if assets == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		let shares = next.price(offset, now)?.shares_for(assets, Rounding::Down)?;
		if shares == 0 {
			return Err(VaultError::ZeroShares);
		}
		next.credit(offset, assets, shares)?;
		*self = next;
		Ok(Exchange { assets, shares })
	}

	/// Mints exactly `shares` for the assets they are worth, rounded up.
	///
	/// Fails with [`VaultError::ZeroAmount`] for zero shares, [`VaultError::Overflow`] beyond
	/// [`max_mint`](Self::max_mint).
	pub fn mint(
		&mut self,
		offset: DecimalsOffset,
		now: u64,
		shares: u128,
	) -> Result<Exchange, VaultError> {
		if shares == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		let assets = next.price(offset, now)?.assets_for(shares, Rounding::Up)?;
		next.credit(offset, assets, shares)?;
		*self = next;
		Ok(Exchange { assets, shares })
	}

	/// Pays out exactly `assets` from idle assets and burns the shares they are worth, rounded
	/// up, from an owner holding `owner_shares`.
	///
	/// Fails with [`VaultError::ZeroAmount`], [`VaultError::InsufficientShares`] when the owner
	/// (or the vault) has fewer shares than needed, [`VaultError::InsufficientLiquidity`] when
	/// idle assets cannot cover `assets`.
	pub fn withdraw(
		&mut self,
		offset: DecimalsOffset,
		now: u64,
		assets: u128,
		owner_shares: u128,
	) -> Result<Exchange, VaultError> {
		if assets == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		let shares = next.price(offset, now)?.shares_for(assets, Rounding::Up)?;
		if shares > owner_shares {
			return Err(VaultError::InsufficientShares);
		}
		next.debit(assets, shares)?;
		*self = next;
		Ok(Exchange { assets, shares })
	}

	/// Burns exactly `shares` from an owner holding `owner_shares` and pays out the assets they
	/// are worth, rounded down, from idle assets.
	///
	/// Fails with [`VaultError::ZeroAmount`], [`VaultError::InsufficientShares`],
	/// [`VaultError::ZeroAssets`] when the shares are worth less than one unit of assets,
	/// [`VaultError::InsufficientLiquidity`] when idle assets cannot cover the payout.
	pub fn redeem(
		&mut self,
		offset: DecimalsOffset,
		now: u64,
		shares: u128,
		owner_shares: u128,
	) -> Result<Exchange, VaultError> {
		if shares == 0 {
			return Err(VaultError::ZeroAmount);
		}
		if shares > owner_shares {
			return Err(VaultError::InsufficientShares);
		}
		let mut next = self.accrued(now)?;
		let assets = next.price(offset, now)?.assets_for(shares, Rounding::Down)?;
		if assets == 0 {
			return Err(VaultError::ZeroAssets);
		}
		next.debit(assets, shares)?;
		*self = next;
		Ok(Exchange { assets, shares })
	}

	/// Adds a deposit's assets and shares, keeping both totals representable.
	fn credit(
		&mut self,
		offset: DecimalsOffset,
		assets: u128,
		shares: u128,
	) -> Result<(), VaultError> {
		if assets > self.asset_headroom()? || shares > self.share_headroom(offset)? {
			return Err(VaultError::Overflow);
		}
		self.idle_assets = self.idle_assets.checked_add(assets).ok_or(VaultError::Overflow)?;
		self.total_shares = self.total_shares.checked_add(shares).ok_or(VaultError::Overflow)?;
		Ok(())
	}

	/// Removes a payout's assets from idle and burns its shares.
	pub(crate) fn debit(&mut self, assets: u128, shares: u128) -> Result<(), VaultError> {
		let total_shares =
			self.total_shares.checked_sub(shares).ok_or(VaultError::InsufficientShares)?;
		let idle_assets =
			self.idle_assets.checked_sub(assets).ok_or(VaultError::InsufficientLiquidity)?;
		self.total_shares = total_shares;
		self.idle_assets = idle_assets;
		Ok(())
	}

	// ----- Revenue ---------------------------------------------------------------------------

	/// Adds `amount` of revenue (already transferred to the vault) to the vesting schedule.
	///
	/// The schedule is first accrued at `now`; its still-unvested remainder is then rolled into
	/// a new schedule `{ remainder + amount, start: now, period }`. The vested part at `now` is
	/// unchanged by this, so total assets never jump; the remainder is simply re-spread over
	/// the new period.
	///
	/// Fails with [`VaultError::ZeroAmount`], [`VaultError::ZeroVestingPeriod`] (immediate
	/// recognition would let a deposit placed just before the injection capture it), or
	/// [`VaultError::Overflow`].
	pub fn inject_revenue(
		&mut self,
		now: u64,
		amount: u128,
		period: u64,
	) -> Result<(), VaultError> {
		if amount == 0 {
			return Err(VaultError::ZeroAmount);
		}
		if period == 0 {
			return Err(VaultError::ZeroVestingPeriod);
		}
		let mut next = self.accrued(now)?;
		if amount > next.asset_headroom()? {
			return Err(VaultError::Overflow);
		}
		let vesting_amount = next.vesting.amount.checked_add(amount).ok_or(VaultError::Overflow)?;
		next.vesting = Vesting { amount: vesting_amount, start: now, period };
		*self = next;
		Ok(())
	}

	/// Takes the performance fee out of `amount` of revenue and injects the rest.
	///
	/// The split is [`split_performance_fee`] (fee rounded down, in the holders' favour); the
	/// holders' part goes through [`inject_revenue`](Self::inject_revenue) and the returned
	/// `to_treasury` is for the caller to pay to the treasury. With a 100% fee nothing is
	/// injected.
	pub fn inject_revenue_with_fee(
		&mut self,
		now: u64,
		amount: u128,
		period: u64,
		fee_ppm: u32,
	) -> Result<FeeSplit, VaultError> {
		if amount == 0 {
			return Err(VaultError::ZeroAmount);
		}
		if period == 0 {
			return Err(VaultError::ZeroVestingPeriod);
		}
		let split = split_performance_fee(amount, fee_ppm)?;
		if split.to_vault > 0 {
			self.inject_revenue(now, split.to_vault, period)?;
		}
		Ok(split)
	}

	// ----- Deployment of assets --------------------------------------------------------------

	/// Moves `assets` from idle to deployed (lent out). Total assets are unchanged.
	///
	/// Fails with [`VaultError::ZeroAmount`] or [`VaultError::InsufficientLiquidity`].
	pub fn deploy(&mut self, now: u64, assets: u128) -> Result<(), VaultError> {
		if assets == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		next.idle_assets =
			next.idle_assets.checked_sub(assets).ok_or(VaultError::InsufficientLiquidity)?;
		next.deployed_assets =
			next.deployed_assets.checked_add(assets).ok_or(VaultError::Overflow)?;
		*self = next;
		Ok(())
	}

	/// Moves `assets` of returned principal from deployed back to idle. Total assets are
	/// unchanged; interest earned is revenue and goes through
	/// [`inject_revenue_with_fee`](Self::inject_revenue_with_fee).
	///
	/// Fails with [`VaultError::ZeroAmount`] or [`VaultError::InsufficientDeployed`].
	pub fn recall(&mut self, now: u64, assets: u128) -> Result<(), VaultError> {
		if assets == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		next.deployed_assets =
			next.deployed_assets.checked_sub(assets).ok_or(VaultError::InsufficientDeployed)?;
		next.idle_assets = next.idle_assets.checked_add(assets).ok_or(VaultError::Overflow)?;
		*self = next;
		Ok(())
	}

	/// Records a loss of `assets` on deployed capital: the share price drops for every holder
	/// alike, including shares waiting in the withdrawal queue.
	///
	/// Fails with [`VaultError::ZeroAmount`] or [`VaultError::InsufficientDeployed`].
	pub fn write_down(&mut self, now: u64, assets: u128) -> Result<(), VaultError> {
		if assets == 0 {
			return Err(VaultError::ZeroAmount);
		}
		let mut next = self.accrued(now)?;
		next.deployed_assets =
			next.deployed_assets.checked_sub(assets).ok_or(VaultError::InsufficientDeployed)?;
		*self = next;
		Ok(())
	}
}
