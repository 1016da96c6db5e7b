// Text that quotes PR or report content (names, paths, instructions) goes to the log with workflow commands
// switched off around it: no line of it can act as a `::command::`.

import { randomBytes } from 'node:crypto';

export function printWithoutCommands(text: string): void {
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text}::${token}::\n`);
}
