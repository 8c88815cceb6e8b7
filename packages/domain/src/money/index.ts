export * from './rounding-mode.ts';
export * from './divide-rounded.ts';
export * from './parse-yuan.ts';
export * from './format-yuan.ts';
export * from './allocate-largest-remainder.ts';
export * from './rate.ts';
export * from './money-errors.ts';
