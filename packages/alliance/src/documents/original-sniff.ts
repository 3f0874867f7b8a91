import type { OriginalType } from '@ronghe/schema';

/**
 * What a file is, by its first bytes — never by its name or the type the
 * client declared (ADR 0017). Only the three formats a stamped scan comes in
 * are recognised; anything else (an .exe renamed .pdf, a Word file) is null.
 */
const SIGNATURES: ReadonlyArray<{ type: OriginalType; magic: readonly number[] }> = [
  // "%PDF-"
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // The full eight-byte PNG signature: \x89 P N G \r \n \x1a \n
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG start-of-image marker followed by the next marker's 0xFF
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

export function sniffOriginal(bytes: Uint8Array): OriginalType | null {
  const hit = SIGNATURES.find((s) => s.magic.length <= bytes.length && s.magic.every((b, i) => bytes[i] === b));
  return hit?.type ?? null;
}

/** The Chinese name a person knows each format by. */
export const ORIGINAL_TYPE_NAMES: Record<OriginalType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPG' };
