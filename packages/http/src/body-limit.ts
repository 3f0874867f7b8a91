import { AppError } from '@ronghe/core';
import type { Env, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.ts';

/** The media type of an Excel workbook (.xlsx). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * What a route accepts, by the kind of body it declares: JSON bodies are
 * small; a county's spreadsheet import runs to thousands of rows.
 */
export const BODY_LIMITS = {
  json: 256 * 1024,
  xlsx: 20 * 1024 * 1024,
  /** A scanned, stamped original of an alliance document (PDF/PNG/JPG; ADR 0017). */
  original: 20 * 1024 * 1024,
  /** An activity photo (JPEG/PNG). */
  photo: 10 * 1024 * 1024,
} as const;

/** The media types an original's body may declare; the business rule then checks the bytes themselves. */
export const ORIGINAL_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** The media types an activity photo's body may declare. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;

export type BodyKind = keyof typeof BODY_LIMITS;

/**
 * Route middleware refusing a body over the limit of its kind with 413
 * `payload_too_large`. Routes install it themselves (`tenantRoute` does it
 * from its `body` option), so a route's limit is part of its declaration.
 * It checks Content-Length up front and counts a streamed body as it is read.
 */
export function bodyLimit<E extends Env = AppEnv>(kind: BodyKind): MiddlewareHandler<E> {
  const maxSize = BODY_LIMITS[kind];
  return honoBodyLimit({
    maxSize,
    onError: () => {
      if (kind === 'photo') throw new AppError('payload_too_large', `活动照片不能超过 ${maxSize / 1024 / 1024} MB`);
      if (kind === 'original') throw new AppError('payload_too_large', `盖章扫描件不能超过 ${maxSize / 1024 / 1024} MB`);
      throw new AppError('payload_too_large', `请求体超过 ${Math.round(maxSize / 1024)} KB 上限`);
    },
  });
}
