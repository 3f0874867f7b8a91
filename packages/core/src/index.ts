export * from './errors.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './context.ts';
export * from './cursor.ts';
export * from './pii.ts';
export * from './audit.ts';
export * from './db.ts';
export { z } from './zod-locale.ts';
