// The config layer's user errors, next to the code that throws them: a mistake in one input, flag or entry
// key (ConfigError), and all the mistakes of a run's inputs at once (InputErrors), each one line.

import { UserError } from '../model/errors.js';

/** A user mistake in an input or flag: one line that names the input and shows an example. */
export class ConfigError extends UserError {}

/** Every mistake found in the inputs, reported together before anything is built. */
export class InputErrors extends UserError {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? (problems[0] as string) : `${problems.length} input errors: ${problems.join('; ')}`);
  }
}
