export { WardenError, isWardenError } from './errors.ts';
export type { WardenErrorCode } from './errors.ts';
