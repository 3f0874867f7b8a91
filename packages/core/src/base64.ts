// Base64 for the Workers runtime (btoa/atob work on "binary strings", not
// bytes). One place for the byte loop and the URL-safe alphabet, which
// tokens, cursors, ETags and signing secrets all use.

/** Standard base64 with padding (RFC 4648 § 4). */
export function bytesToBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = '';
  // One character at a time: spreading a large array into fromCharCode overflows the stack.
  for (let i = 0; i < view.length; i++) bin += String.fromCharCode(view[i]!);
  return btoa(bin);
}

/** URL- and filename-safe base64 without padding (RFC 4648 § 5). */
export function bytesToBase64Url(bytes: Uint8Array | ArrayBuffer): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Either alphabet, padded or not; throws on characters outside them (atob's DOMException). */
export function base64ToBytes(text: string): Uint8Array {
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(std.padEnd(std.length + ((4 - (std.length % 4)) % 4), '=')), (c) => c.charCodeAt(0));
}
