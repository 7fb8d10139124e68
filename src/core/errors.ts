// Errors a user can cause carry a stable code; the CLI prints `message` (which names the input, why
// it is wrong and the fix) and exits with 2. Anything that is not a WardenError is an internal error.

export type WardenErrorCode =
  | 'usage'
  | 'input-not-found'
  | 'input-unreadable'
  | 'config-invalid'
  | 'baseline-invalid'
  | 'output-unwritable'
  | 'policy-request-invalid'
  | 'sandbox-unavailable'
  | 'secret-store'
  | 'secret-not-found'
  | 'store-unavailable'
  | 'policy-invalid'
  | 'skill-invalid'
  | 'skill-not-found'
  | 'skill-state';

export class WardenError extends Error {
  readonly code: WardenErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: WardenErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'WardenError';
    this.code = code;
    this.details = details;
  }
}

export function isWardenError(value: unknown): value is WardenError {
  return value instanceof WardenError;
}
