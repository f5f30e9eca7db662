//! The agent key: a 32-byte sr25519 seed ("mini secret key", the same seed `heliox-node key
//! inspect 0x<seed>` accepts) stored as JSON in a file only its owner can read.

use std::{fs, io::Write, path::Path};
use subxt_signer::sr25519::Keypair;

/// An agent key pair with the seed it was made from (Debug shows the public key only).
pub struct AgentKey {
	seed: [u8; 32],
	pair: Keypair,
}

impl std::fmt::Debug for AgentKey {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "AgentKey({})", hex(&self.public()))
	}
}

impl AgentKey {
	/// A fresh key from the operating system's randomness.
	pub fn generate() -> Result<Self, String> {
		let mut seed = [0u8; 32];
		getrandom::getrandom(&mut seed).map_err(|e| format!("no randomness: {e}"))?;
		Self::from_seed(seed)
	}

	/// The key of a 32-byte seed.
	pub fn from_seed(seed: [u8; 32]) -> Result<Self, String> {
		let pair = Keypair::from_secret_key(seed).map_err(|e| format!("bad seed: {e}"))?;
		Ok(Self { seed, pair })
	}

	/// The sr25519 public key (registered on chain as `agent_key`).
	pub fn public(&self) -> [u8; 32] {
		self.pair.public_key().0
	}

	/// Signs `message` (sr25519, signing context "substrate", as the runtime verifies it).
	pub fn sign(&self, message: &[u8]) -> [u8; 64] {
		self.pair.sign(message).0
	}

	/// Writes the key file (refuses to overwrite; mode 0600 on unix).
	pub fn save(&self, path: &Path) -> Result<(), String> {
		let json = serde_json::json!({
			"seed": hex(&self.seed),
			"public_key": hex(&self.public()),
		});
		let mut options = fs::OpenOptions::new();
		options.write(true).create_new(true);
		#[cfg(unix)]
		{
			use std::os::unix::fs::OpenOptionsExt;
			options.mode(0o600);
		}
		let mut file =
			options.open(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
		file.write_all(format!("{json:#}\n").as_bytes())
			.map_err(|e| format!("cannot write {}: {e}", path.display()))
	}

	/// Reads a key file written by [`Self::save`]; the stored public key must match the seed.
	pub fn load(path: &Path) -> Result<Self, String> {
		let text =
			fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
		let json: serde_json::Value = serde_json::from_str(&text)
			.map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
		let seed = json["seed"]
			.as_str()
			.and_then(unhex32)
			.ok_or_else(|| format!("{}: no 32-byte hex `seed`", path.display()))?;
		let key = Self::from_seed(seed)?;
		if let Some(public) = json["public_key"].as_str() {
			if unhex32(public) != Some(key.public()) {
				return Err(format!("{}: public_key does not match the seed", path.display()));
			}
		}
		Ok(key)
	}
}

/// `0x` + lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

/// Parses `0x` + 64 hex chars.
pub fn unhex32(s: &str) -> Option<[u8; 32]> {
	heliox_gpu_liveness::probe::decode_nonce_hex(s.strip_prefix("0x")?.as_bytes())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn save_load_round_trip_and_refuse_overwrite() {
		let dir = std::env::temp_dir().join(format!("gpu-agent-key-{}", std::process::id()));
		let _ = fs::remove_dir_all(&dir);
		fs::create_dir_all(&dir).unwrap();
		let path = dir.join("agent.json");
		let key = AgentKey::generate().unwrap();
		key.save(&path).unwrap();
		assert!(key.save(&path).is_err(), "never overwrites a key");
		let loaded = AgentKey::load(&path).unwrap();
		assert_eq!(loaded.public(), key.public());
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
		}
		// A tampered public key is refused.
		let text = fs::read_to_string(&path).unwrap();
		let other = hex(&AgentKey::generate().unwrap().public());
		let tampered = dir.join("tampered.json");
		fs::write(&tampered, text.replace(&hex(&key.public()), &other)).unwrap();
		assert!(AgentKey::load(&tampered).unwrap_err().contains("does not match"));
		let _ = fs::remove_dir_all(&dir);
	}

	#[test]
	fn seed_gives_the_substrate_dev_key() {
		// //Alice's well-known sr25519 mini secret and public key (as in `subkey inspect //Alice`).
		let seed =
			unhex32("0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a").unwrap();
		let key = AgentKey::from_seed(seed).unwrap();
		assert_eq!(
			hex(&key.public()),
			"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"
		);
	}
}
