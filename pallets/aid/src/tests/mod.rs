//! Unit tests, split by concern.

mod smoke;
