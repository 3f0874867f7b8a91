export * from './errors';
export * from './ids';
export * from './clock';
export * from './context';
export * from './cursor';
export * from './pii';
export * from './audit';
export * from './db';
export { z } from './zod-locale';
