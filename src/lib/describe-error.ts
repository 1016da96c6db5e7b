// An error as the one line a user sees. UserErrors say what to fix; anything else is a bug in
// image-size-guard and says so (its stack is printed only when debugging is on).

import { UserError } from '../model/errors.js';
import { oneLine } from './one-line.js';

export function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return oneLine((err instanceof UserError ? '' : 'unexpected error: ') + (message.split('\n')[0] ?? ''));
}
