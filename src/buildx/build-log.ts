// Where build output goes: always stderr, never stdout (stdout carries the report).
// In GitHub Actions the log is grouped and workflow commands are switched off around it, because RUN steps
// print whatever the PR author wants — including `::set-output` or `::error` lines.
// On a terminal the log is folded: a one-line status, and the tail of the log only when the build fails.
// Several builds run at once (base and head, several images), so their logs must not interleave: in GitHub
// Actions each build's log is held and written as one group when the build ends (a group cannot nest, and lines
// of another build would land in whichever group is open); in a plain stream each line carries its build's label.

import { randomBytes } from 'node:crypto';
import { oneLine } from '../lib/one-line.js';

export interface BuildLog {
  line(text: string): void;
  /** Ends the section; on failure a folded log shows its tail. */
  end(failed: boolean): void;
  /** The last lines, for the one-line reason of a failed build. */
  tail(): string;
}

export type BuildLogMode = 'actions' | 'fold' | 'stream' | 'silent';

export function defaultLogMode(stream: NodeJS.WriteStream = process.stderr): BuildLogMode {
  if (process.env.GITHUB_ACTIONS === 'true') return 'actions';
  return stream.isTTY ? 'fold' : 'stream';
}

/** `label` ("api head") prefixes each line of a plain stream; the title names the section. */
export function openBuildLog(title: string, mode: BuildLogMode, out: NodeJS.WriteStream = process.stderr, label = ''): BuildLog {
  const tail: string[] = [];
  const keep = (text: string): void => {
    tail.push(text);
    if (tail.length > 40) tail.shift();
  };
  const inner = openSection(title, mode, out, tail, label);
  return {
    line: (text) => {
      keep(text);
      inner.line(text);
    },
    end: (failed) => inner.end(failed),
    tail: () => tail.join('\n'),
  };
}

/** A held build log larger than this keeps its last part (the start of a build log is the least useful). */
const HELD_LIMIT = 8 * 1024 * 1024;

function openSection(title: string, mode: BuildLogMode, out: NodeJS.WriteStream, tail: string[], label: string): Omit<BuildLog, 'tail'> {
  switch (mode) {
    case 'actions': {
      const held: string[] = [];
      let heldBytes = 0;
      let dropped = 0;
      // a line of our own at the top level (no group is ever left open), so the log shows the build started
      out.write(`image-size-guard: ${oneLine(title)} started\n`);
      return {
        line: (text) => {
          held.push(text);
          heldBytes += text.length + 1;
          while (heldBytes > HELD_LIMIT && held.length > 1) {
            heldBytes -= held.shift()!.length + 1;
            dropped++;
          }
        },
        end: (failed) => {
          const token = randomBytes(16).toString('hex');
          const cut = dropped ? `(${dropped} earlier lines left out)\n` : '';
          out.write(`::group::${oneLine(title)}${failed ? ' — failed' : ''}\n::stop-commands::${token}\n${cut}${held.join('\n')}${held.length ? '\n' : ''}::${token}::\n::endgroup::\n`);
        },
      };
    }
    case 'stream': {
      out.write(`── ${oneLine(title)}\n`);
      const prefix = label ? `${oneLine(label)} │ ` : '';
      return {
        line: (text) => out.write(`${prefix}${oneLine(text)}\n`),
        end: () => undefined,
      };
    }
    case 'fold': {
      out.write(`${oneLine(title)}…`);
      return {
        line: (text) => {
          if (/^#\d+ \[/.test(text)) out.write(`\r\x1b[K${oneLine(title)}… ${oneLine(text, 70)}`);
        },
        end: (failed) => {
          out.write(`\r\x1b[K${oneLine(title)}: ${failed ? 'failed' : 'done'}\n`);
          if (failed) for (const l of tail) out.write(`  ${oneLine(l)}\n`);
        },
      };
    }
    case 'silent':
      return {
        line: () => undefined,
        end: () => undefined,
      };
  }
}

/** Splits a stream of chunks into lines for a BuildLog. */
export function lineSplitter(log: BuildLog): { write(chunk: string): void; flush(): void } {
  let rest = '';
  return {
    write(chunk) {
      rest += chunk;
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        log.line(rest.slice(0, nl).replace(/\r$/, ''));
        rest = rest.slice(nl + 1);
      }
    },
    flush() {
      if (rest) log.line(rest);
      rest = '';
    },
  };
}
