//! A compact bitset: `len` bits packed LSB-first into bytes (bit `i` is `bytes[i / 8] >> (i % 8)`).
//!
//! This is the wire form of a report: one bit per slot of the reporting validator's range.
//! Padding bits of the last byte must be zero, so every bitmap has exactly one encoding.

use alloc::vec::Vec;

/// A fixed-length bitset, LSB-first.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Bitmap {
	bytes: Vec<u8>,
	len: u32,
}

/// Bytes needed for `bits` bits.
pub const fn bytes_for(bits: u32) -> usize {
	bits.div_ceil(8) as usize
}

impl Bitmap {
	/// `len` bits, all clear.
	pub fn new(len: u32) -> Self {
		Self { bytes: alloc::vec![0; bytes_for(len)], len }
	}

	/// Wraps `bytes` as a bitmap of `len` bits. `None` unless `bytes` has exactly
	/// `ceil(len / 8)` bytes and the padding bits of the last byte are zero.
	pub fn from_bytes(bytes: Vec<u8>, len: u32) -> Option<Self> {
		if bytes.len() != bytes_for(len) {
			return None;
		}
		let tail = len % 8;
		if tail != 0 {
			let last = *bytes.last()?;
			if last >> tail != 0 {
				return None;
			}
		}
		Some(Self { bytes, len })
	}

	/// Number of bits.
	pub fn len(&self) -> u32 {
		self.len
	}

	/// Whether the bitmap has no bits at all.
	pub fn is_empty(&self) -> bool {
		self.len == 0
	}

	/// The packed bytes.
	pub fn as_bytes(&self) -> &[u8] {
		&self.bytes
	}

	/// The packed bytes, consuming the bitmap.
	pub fn into_bytes(self) -> Vec<u8> {
		self.bytes
	}

	/// Bit `i`; `false` out of range.
	pub fn get(&self, i: u32) -> bool {
		if i >= self.len {
			return false;
		}
		self.bytes.get((i / 8) as usize).is_some_and(|b| (b >> (i % 8)) & 1 == 1)
	}

	/// Sets bit `i` to `value`; out of range is ignored and returns `false`.
	pub fn set(&mut self, i: u32, value: bool) -> bool {
		if i >= self.len {
			return false;
		}
		match self.bytes.get_mut((i / 8) as usize) {
			Some(byte) => {
				let mask = 1u8 << (i % 8);
				if value {
					*byte |= mask;
				} else {
					*byte &= !mask;
				}
				true
			},
			None => false,
		}
	}

	/// Number of set bits.
	pub fn count_ones(&self) -> u32 {
		self.bytes.iter().map(|b| b.count_ones()).sum()
	}

	/// The set bits in increasing order.
	pub fn ones(&self) -> impl Iterator<Item = u32> + '_ {
		self.bytes.iter().enumerate().flat_map(|(i, &byte)| {
			let base = (i as u32).saturating_mul(8);
			(0..8u32).filter(move |b| (byte >> b) & 1 == 1).map(move |b| base.saturating_add(b))
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn basics() {
		let mut b = Bitmap::new(10);
		assert_eq!(b.as_bytes().len(), 2);
		assert!(b.set(0, true) && b.set(9, true) && b.set(3, true));
		assert!(!b.set(10, true));
		assert_eq!(b.as_bytes(), &[0b0000_1001, 0b10]);
		assert_eq!(b.ones().collect::<Vec<_>>(), vec![0, 3, 9]);
		assert_eq!(b.count_ones(), 3);
		assert!(b.get(9) && !b.get(8) && !b.get(100));
		b.set(3, false);
		assert_eq!(b.count_ones(), 2);
		assert_eq!(Bitmap::new(0).as_bytes().len(), 0);
		assert!(Bitmap::new(0).is_empty());
	}

	#[test]
	fn from_bytes_is_canonical() {
		assert!(Bitmap::from_bytes(vec![0xff, 0x03], 10).is_some());
		assert!(Bitmap::from_bytes(vec![0xff, 0x04], 10).is_none(), "padding bit set");
		assert!(Bitmap::from_bytes(vec![0xff], 10).is_none(), "too short");
		assert!(Bitmap::from_bytes(vec![0xff, 0, 0], 10).is_none(), "too long");
		assert!(Bitmap::from_bytes(vec![], 0).is_some());
		assert!(Bitmap::from_bytes(vec![0xff], 8).is_some());
	}

	proptest! {
		#[test]
		fn set_get_round_trip(len in 0u32..300, picks in proptest::collection::btree_set(0u32..300, 0..50)) {
			let mut b = Bitmap::new(len);
			for &p in &picks { b.set(p, true); }
			let expected: Vec<u32> = picks.iter().copied().filter(|&p| p < len).collect();
			prop_assert_eq!(b.ones().collect::<Vec<_>>(), expected.clone());
			prop_assert_eq!(b.count_ones() as usize, expected.len());
			let again = Bitmap::from_bytes(b.clone().into_bytes(), len);
			prop_assert_eq!(again, Some(b));
		}
	}
}
