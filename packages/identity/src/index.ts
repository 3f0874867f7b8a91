export * from './password.ts';
export * from './access.ts';
export * from './sessions.ts';
export * from './api-keys.ts';
export * from './accounts.ts';
export * from './rate-limits.ts';
export * from './grant-names.ts';
export * from './member-accounts.ts';
