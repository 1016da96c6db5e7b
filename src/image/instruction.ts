// History `created_by` strings as builders write them, turned into the instruction a person wrote — one parser
// for the display text (cleanInstruction) and the comparison key (normalizeInstruction).
//   BuildKit:        "RUN /bin/sh -c apt-get update # buildkit", "RUN |2 A=1 B=2 /bin/sh -c make # buildkit"
//   classic builder: "/bin/sh -c #(nop) COPY file:3a… in / ", "/bin/sh -c apt-get update"
// BuildKit prefixes RUN with the build args in scope ("|N K=V …"); values may hold unquoted spaces, so the
// prefix is cut at the shell when there is one, else (exec form) after N words. Changing an unrelated ARG
// must therefore not change the key, or every later layer would look changed.

const SHELL = /^\/bin\/(?:ba)?sh -c(?: |$)/;
const NOP = /^\/bin\/(?:ba)?sh -c #\(nop\)\s*/;
const ARGS_TO_SHELL = /^\|\d+ .*?\/bin\/(?:ba)?sh -c(?: |$)/;
const ARG_COUNT = /^\|(\d+) /;

/** "RUN make", "COPY main.go .", "WORKDIR /src"; "" when the history has no text. Whitespace as written. */
export function cleanInstruction(createdBy: string): string {
  const s = createdBy.trim().replace(/\s*# buildkit$/, '');
  if (NOP.test(s)) return s.replace(NOP, '').trim();
  const run = runCommand(s);
  return run === null ? s : run ? `RUN ${run}` : 'RUN';
}

/**
 * The comparison key of a history entry or of an instruction text: cleaned, whitespace collapsed, any
 * "#(nop)" dropped. The classic builder and BuildKit spell the same Dockerfile line the same way here.
 */
export function normalizeInstruction(createdByOrInstruction: string): string {
  return collapse(cleanInstruction(collapse(createdByOrInstruction)).replace(/#\(nop\) ?/g, ''));
}

/** The instruction keyword ("RUN", "COPY", …) of a normalised instruction, upper-cased; "" when there is none. */
export function instructionKeyword(normalized: string): string {
  const space = normalized.indexOf(' ');
  return (space < 0 ? normalized : normalized.slice(0, space)).toUpperCase();
}

/** The command of a RUN step (without shell and build-arg prefix), or null when `s` is not a RUN step. */
function runCommand(s: string): string | null {
  let rest: string;
  if (SHELL.test(s)) rest = s;
  else if (s === 'RUN' || s.startsWith('RUN ')) rest = s.slice(3).trim();
  else if (ARG_COUNT.test(s)) rest = s; // "|2 A=1 B=2 /bin/sh -c make" (a key built from a bare created_by)
  else return null;
  const shell = ARGS_TO_SHELL.exec(rest);
  if (shell) rest = rest.slice(shell[0].length);
  else {
    const count = ARG_COUNT.exec(rest);
    if (count) rest = rest.slice(count[0].length).split(' ').slice(Number(count[1])).join(' ');
  }
  const sh = SHELL.exec(rest);
  if (sh) rest = rest.slice(sh[0].length);
  return rest.trim();
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
