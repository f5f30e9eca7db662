//! Agent endpoints accepted at registration: `http://` or `https://`, a host (DNS name, IPv4,
//! or bracketed IPv6), an optional port 1..=65535, an optional path without query or fragment,
//! printable ASCII only, no trailing `/` (probe paths are appended), at most `max_len` bytes.

/// Why an endpoint was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointError {
	/// Longer than the allowed maximum.
	TooLong,
	/// Not `http://` or `https://`.
	BadScheme,
	/// Empty host or a character not allowed in a host.
	BadHost,
	/// Port not a number in 1..=65535.
	BadPort,
	/// Whitespace, control or non-ASCII bytes, a query, a fragment, user info or a trailing `/`.
	BadCharacters,
}

/// Checks `url` against the rules above.
pub fn validate_endpoint(url: &[u8], max_len: usize) -> Result<(), EndpointError> {
	if url.len() > max_len {
		return Err(EndpointError::TooLong);
	}
	if url.iter().any(|&c| !(0x21..=0x7e).contains(&c))
		|| url.iter().any(|&c| matches!(c, b'?' | b'#' | b'@' | b'\\'))
	{
		return Err(EndpointError::BadCharacters);
	}
	let rest = url
		.strip_prefix(b"http://")
		.or_else(|| url.strip_prefix(b"https://"))
		.ok_or(EndpointError::BadScheme)?;
	if rest.last() == Some(&b'/') {
		return Err(EndpointError::BadCharacters);
	}
	let (authority, _path) = match rest.iter().position(|&c| c == b'/') {
		Some(i) => rest.split_at(i),
		None => (rest, &[][..]),
	};
	let (host, port) = if let Some(inner) = authority.strip_prefix(b"[") {
		let close = inner.iter().position(|&c| c == b']').ok_or(EndpointError::BadHost)?;
		let (h, after) = inner.split_at(close);
		let after = &after[1..];
		if h.is_empty() || !h.iter().all(|&c| c.is_ascii_hexdigit() || c == b':' || c == b'.') {
			return Err(EndpointError::BadHost);
		}
		let port = match after {
			[] => None,
			[b':', p @ ..] => Some(p),
			_ => return Err(EndpointError::BadHost),
		};
		(h, port)
	} else {
		match authority.iter().position(|&c| c == b':') {
			Some(i) => (&authority[..i], Some(&authority[i + 1..])),
			None => (authority, None),
		}
	};
	if !authority.starts_with(b"[")
		&& (host.is_empty()
			|| !host.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
			|| host.starts_with(b".")
			|| host.starts_with(b"-"))
	{
		return Err(EndpointError::BadHost);
	}
	if let Some(port) = port {
		if port.is_empty() || port.len() > 5 || !port.iter().all(u8::is_ascii_digit) {
			return Err(EndpointError::BadPort);
		}
		let value = port.iter().fold(0u32, |acc, d| acc * 10 + (d - b'0') as u32);
		if !(1..=65535).contains(&value) {
			return Err(EndpointError::BadPort);
		}
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accepts_ordinary_endpoints() {
		for ok in [
			&b"http://127.0.0.1:9955"[..],
			b"https://gpu-7.example.org",
			b"http://[::1]:8080",
			b"https://node.example.org/agents/7",
			b"http://localhost",
		] {
			assert_eq!(validate_endpoint(ok, 128), Ok(()), "{}", core::str::from_utf8(ok).unwrap());
		}
	}

	#[test]
	fn refuses_bad_endpoints() {
		use EndpointError::*;
		let cases: &[(&[u8], EndpointError)] = &[
			(b"ftp://host", BadScheme),
			(b"host:80", BadScheme),
			(b"", BadScheme),
			(b"http://", BadHost),
			(b"http://:80", BadHost),
			(b"http://ho_st", BadHost),
			(b"http://.host", BadHost),
			(b"http://[::1", BadHost),
			(b"http://[]:80", BadHost),
			(b"http://[::1]x", BadHost),
			(b"http://host:", BadPort),
			(b"http://host:0", BadPort),
			(b"http://host:65536", BadPort),
			(b"http://host:123456", BadPort),
			(b"http://host:8a", BadPort),
			(b"http://host/", BadCharacters),
			(b"http://host/a?b", BadCharacters),
			(b"http://host#x", BadCharacters),
			(b"http://user@host", BadCharacters),
			(b"http://ho st", BadCharacters),
			(b"http://h\xc3\xa9", BadCharacters),
		];
		for (url, err) in cases {
			assert_eq!(validate_endpoint(url, 128), Err(*err), "{:?}", core::str::from_utf8(url));
		}
		assert_eq!(validate_endpoint(b"http://host", 10), Err(TooLong));
		assert_eq!(validate_endpoint(b"http://host", 11), Ok(()));
	}
}
