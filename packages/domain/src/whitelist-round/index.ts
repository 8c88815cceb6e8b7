export * from './whitelist-round-errors.ts';
export * from './whitelist-programme.ts';
export * from './parse-whitelist-grade-upload.ts';
