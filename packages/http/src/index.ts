export * from './env.ts';
export * from './problem.ts';
export * from './middleware.ts';
export * from './etag.ts';
export * from './openapi.ts';
export * from './body-limit.ts';
export * from './tenant-route.ts';
export * from './match-cache.ts';
