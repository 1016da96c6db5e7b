// Where build output goes: always stderr, never stdout (stdout carries the report).
// In GitHub Actions the log is grouped and workflow commands are switched off around it, because RUN steps
// print whatever the PR author wants — including `::set-output` or `::error` lines.
// On a terminal the log is folded: a one-line status, and the tail of the log only when the build fails.

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

export function openBuildLog(title: string, mode: BuildLogMode, out: NodeJS.WriteStream = process.stderr): BuildLog {
  const tail: string[] = [];
  const keep = (text: string): void => {
    tail.push(text);
    if (tail.length > 40) tail.shift();
  };
  const inner = openSection(title, mode, out, tail);
  return {
    line: (text) => {
      keep(text);
      inner.line(text);
    },
    end: (failed) => inner.end(failed),
    tail: () => tail.join('\n'),
  };
}

function openSection(title: string, mode: BuildLogMode, out: NodeJS.WriteStream, tail: string[]): Omit<BuildLog, 'tail'> {
  switch (mode) {
    case 'actions': {
      const token = randomBytes(16).toString('hex');
      out.write(`::group::${oneLine(title)}\n::stop-commands::${token}\n`);
      return {
        line: (text) => out.write(`${text}\n`),
        end: () => out.write(`::${token}::\n::endgroup::\n`),
      };
    }
    case 'stream':
      out.write(`── ${oneLine(title)}\n`);
      return {
        line: (text) => out.write(`${oneLine(text)}\n`),
        end: () => undefined,
      };
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
