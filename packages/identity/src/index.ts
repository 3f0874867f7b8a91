export * from './password';
export * from './access';
export * from './sessions';
