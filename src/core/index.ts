export { WardenError, isWardenError } from './errors.ts';
export type { WardenErrorCode } from './errors.ts';
export { memoized } from './memo.ts';
