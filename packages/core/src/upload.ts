import { AppError } from './errors.ts';

// Uploaded files (ADR 0017): what a file is comes from its first bytes, never
// from its name or the type the client declared. One table of signatures and
// one check for every kind of upload (a document's stamped original, an
// activity's photo), each naming the formats it accepts.

/** Every format the project recognises by its first bytes. */
export type UploadType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: ReadonlyArray<{ type: UploadType; magic: readonly number[] }> = [
  // "%PDF-"
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // The full eight-byte PNG signature: \x89 P N G \r \n \x1a \n
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG start-of-image marker followed by the next marker's 0xFF
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The name a person knows each format by. */
export const UPLOAD_TYPE_NAMES: Record<UploadType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPG' };

/** The accepted format the bytes begin with, or null (an .exe renamed .pdf, a Word file, a format not accepted here). */
export function sniffUpload<T extends UploadType>(bytes: Uint8Array, accepted: readonly T[]): T | null {
  const hit = SIGNATURES.find((s) => (accepted as readonly UploadType[]).includes(s.type) && s.magic.length <= bytes.length && s.magic.every((b, i) => bytes[i] === b));
  return (hit?.type as T | undefined) ?? null;
}

/** The SHA-256 of some bytes, as lowercase hex (content-addressed storage keys, R2's integrity check). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface UploadRules<T extends UploadType> {
  accepted: readonly T[];
  maxBytes: number;
  /** What the file is to a person, as the size message names it: 活动照片, 盖章扫描件. */
  what: string;
  /** Said when the declared or the actual format is not accepted: 活动照片只接受 JPG 或 PNG 格式. */
  acceptedMessage: string;
}

/**
 * An upload checked the one way every upload is: the declared Content-Type is
 * accepted (415), the body is not empty (422) nor over the limit (413; the
 * route's body limit refuses larger bodies first, this keeps the rule true for
 * any caller), the bytes are an accepted format (415) and the one declared (422
 * on header.content-type). Returns the bytes, their format and their SHA-256.
 */
export async function checkUpload<T extends UploadType>(
  input: { declaredType: string | null; bytes: ArrayBuffer },
  rules: UploadRules<T>,
): Promise<{ bytes: Uint8Array; type: T; sha256: string }> {
  const declared = (input.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted = rules.accepted as readonly string[];
  if (!accepted.includes(declared)) throw new AppError('unsupported_media_type', `${rules.acceptedMessage}（请求声明的类型为 ${declared || '空'}）`);
  const bytes = new Uint8Array(input.bytes);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', '上传的文件为空', { errors: [{ path: 'body', message: '上传的文件为空' }] });
  if (bytes.byteLength > rules.maxBytes) throw new AppError('payload_too_large', `${rules.what}不能超过 ${rules.maxBytes / 1024 / 1024} MB`);
  const actual = sniffUpload(bytes, rules.accepted);
  if (!actual) {
    const names = rules.accepted.map((t) => UPLOAD_TYPE_NAMES[t]);
    const list = names.length > 1 ? `${names.slice(0, -1).join('、')} 或 ${names.at(-1)}` : names[0];
    throw new AppError('unsupported_media_type', `文件内容不是 ${list}（按文件头识别）；${rules.acceptedMessage}`);
  }
  if (actual !== declared) {
    const msg = `文件声明为 ${UPLOAD_TYPE_NAMES[declared as T]}，内容实为 ${UPLOAD_TYPE_NAMES[actual]}`;
    throw new AppError('validation_failed', `${msg}，请确认文件后重新上传`, { errors: [{ path: 'header.content-type', message: msg }] });
  }
  return { bytes, type: actual, sha256: await sha256Hex(bytes) };
}
