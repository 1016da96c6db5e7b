// Exit codes of the CLI, and its own user error (a bad command line).

import { UserError } from '../model/errors.js';

export class UsageError extends UserError {}

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_ERROR = 2;
