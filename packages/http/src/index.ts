export * from './env';
export * from './problem';
export * from './middleware';
export * from './etag';
export * from './openapi';
