import { AppError } from '@ronghe/core';
import { XLSX } from '@ronghe/http';

/** `Content-Disposition` of a downloaded workbook. */
export function attachment(filename: string): string {
  // RFC 6266: an ASCII fallback plus the UTF-8 name Chinese users see.
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Binary bodies are not schema-validated by zod-openapi: the workbook parser is their validator. */
export async function workbookBytes(req: Request): Promise<ArrayBuffer> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith(XLSX) && !type.startsWith('application/octet-stream')) throw new AppError('unsupported_media_type', '请以 .xlsx 文件内容作为请求体上传');
  const bytes = await req.arrayBuffer();
  if (bytes.byteLength === 0) throw new AppError('validation_failed', '上传的文件为空', { errors: [{ path: 'body', message: '上传的文件为空' }] });
  return bytes;
}
