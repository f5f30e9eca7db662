//! Input and parameter validation shared by the sparse epoch and the dense reference, so that
//! everything after it may index per-UID vectors by any UID it has seen without panicking.

use crate::types::{BondsMode, EpochError, EpochInputs, EpochParams, InputField, SparseRow};

/// Largest accepted `bonds_moving_average` (parts per million).
pub(crate) const PARTS_PER_MILLION: u32 = 1_000_000;

/// Checks that every per-UID vector has `n` entries, every sparse row names UIDs `< n` in strictly
/// increasing order, and the parameters are in range.
pub(crate) fn validate(inputs: &EpochInputs, params: &EpochParams) -> Result<(), EpochError> {
	let n = inputs.n;
	check_len(InputField::Stake, inputs.stake.len(), n)?;
	check_len(InputField::LastUpdate, inputs.last_update.len(), n)?;
	check_len(InputField::RegisteredAt, inputs.registered_at.len(), n)?;
	check_len(InputField::ValidatorPermit, inputs.validator_permit.len(), n)?;
	check_len(InputField::Weights, inputs.weights.len(), n)?;
	check_len(InputField::Bonds, inputs.bonds.len(), n)?;
	check_rows(InputField::Weights, &inputs.weights, n)?;
	check_rows(InputField::Bonds, &inputs.bonds, n)?;

	if params.bonds_moving_average > PARTS_PER_MILLION {
		return Err(EpochError::BondsMovingAverageTooLarge(params.bonds_moving_average));
	}
	if let BondsMode::Yuma3 { liquid_alpha: Some(liquid) } = params.bonds_mode {
		if liquid.alpha_low > liquid.alpha_high {
			return Err(EpochError::LiquidAlphaRangeInverted {
				alpha_low: liquid.alpha_low,
				alpha_high: liquid.alpha_high,
			});
		}
	}
	Ok(())
}

fn check_len(field: InputField, len: usize, n: u16) -> Result<(), EpochError> {
	if len == usize::from(n) {
		Ok(())
	} else {
		Err(EpochError::LengthMismatch {
			field,
			expected: n,
			found: u64::try_from(len).unwrap_or(u64::MAX),
		})
	}
}

fn check_rows(field: InputField, rows: &[SparseRow], n: u16) -> Result<(), EpochError> {
	for (row_uid, row) in (0..=u16::MAX).zip(rows) {
		let mut previous: Option<u16> = None;
		for &(uid, _) in row {
			if uid >= n {
				return Err(EpochError::UidOutOfRange { field, row: row_uid, uid });
			}
			if previous.is_some_and(|p| p >= uid) {
				return Err(EpochError::UnsortedRow { field, row: row_uid });
			}
			previous = Some(uid);
		}
	}
	Ok(())
}
