// Instruction text as a comparison key for layer alignment: the classic builder and BuildKit spell the same
// Dockerfile line differently ("/bin/sh -c make" vs "RUN /bin/sh -c make # buildkit"), and build args in scope
// are prefixed to RUN ("|2 A=1 B=2 /bin/sh -c make"), so changing an unrelated ARG must not unalign a layer.

import { cleanInstruction } from '../image/instruction.js';

const SHELL = /^\/bin\/(?:ba)?sh -c(?: |$)/;
// "|N " then the N args; up to the shell when there is one, since values with spaces are not quoted.
const ARGS_TO_SHELL = /^\|\d+ .*?\/bin\/(?:ba)?sh -c(?: |$)/;
const ARG_COUNT = /^\|(\d+) /;

export function normalizeInstruction(createdByOrInstruction: string): string {
  let s = collapse(createdByOrInstruction).replace(/ ?# buildkit$/, '');
  // Stripped before cleanInstruction, which leaves "RUN |2 A=1 B=2 /bin/sh -c make" as "RUN A=1 B=2 …".
  const run = s.startsWith('RUN |') ? 'RUN ' : '';
  const args = stripBuildArgs(s.slice(run.length));
  if (args !== null) s = 'RUN ' + args;
  s = collapse(cleanInstruction(s)).replace(/#\(nop\) ?/g, '').trim();
  let isRun = false;
  if (s === 'RUN' || s.startsWith('RUN ')) {
    isRun = true;
    s = s.slice(3).trim();
  }
  const sh = SHELL.exec(s);
  if (sh) {
    isRun = true;
    s = s.slice(sh[0].length).trim();
  }
  return isRun ? (s ? 'RUN ' + s : 'RUN') : s;
}

/** The command after a "|N K=V …" prefix (and its shell), or null when there is no such prefix. */
function stripBuildArgs(s: string): string | null {
  const shell = ARGS_TO_SHELL.exec(s);
  if (shell) return s.slice(shell[0].length);
  const count = ARG_COUNT.exec(s);
  if (!count) return null;
  return s.slice(count[0].length).split(' ').slice(Number(count[1])).join(' ');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The instruction keyword ("RUN", "COPY", …), upper-cased; "" when there is no instruction. */
export function instructionKeyword(normalized: string): string {
  const space = normalized.indexOf(' ');
  return (space < 0 ? normalized : normalized.slice(0, space)).toUpperCase();
}
