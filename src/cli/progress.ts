// Progress on stderr while an image archive streams in: the archive bytes read so far (what `docker save`
// or the file delivered, not file content inside it) and the rate. On a terminal one line redrawn in place;
// in CI logs (GitHub Actions, or any stderr that is not a terminal) a line every 10 s at most. Each read
// ends with a line giving its total. A timer draws the line, so a stalled stream shows its clock running
// (docker save of many files can take a while before its first byte).

import { formatBytes } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';

export interface Progress {
  /** Archive bytes read so far; `done` once the image has been read (the count is then the total). */
  update(bytes: number, done?: boolean): void;
  /** Reading failed: stop, and leave no half-drawn line for the error message to land on. */
  abort(): void;
}

export interface ProgressDeps {
  stream: { isTTY?: boolean; write(text: string): unknown };
  env: Record<string, string | undefined>;
  now(): number;
  /** Calls fn every ms until stopped (a timer that does not keep the process alive). */
  every(ms: number, fn: () => void): { stop(): void };
}

export const TTY_EVERY_MS = 250;
export const LOG_EVERY_MS = 10_000;

const realDeps = (): ProgressDeps => ({
  stream: process.stderr,
  env: process.env,
  now: () => performance.now(),
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref();
    return { stop: () => clearInterval(t) };
  },
});

export function makeProgress(label: string, deps: ProgressDeps = realDeps()): Progress {
  const { stream } = deps;
  const tty = stream.isTTY === true && deps.env.GITHUB_ACTIONS !== 'true';
  const prefix = oneLine(label, 200);
  let reading = false;
  let started = 0;
  let bytes = 0;
  let timer: { stop(): void } | null = null;
  let drawn = false; // a live line is on the terminal

  const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
  const rate = (ms: number): string => (ms > 0 ? `${formatBytes((bytes * 1000) / ms)}/s` : '…');
  const draw = (): void => {
    const ms = deps.now() - started;
    const text = `${prefix}: ${formatBytes(bytes)} read, ${rate(ms)} (${seconds(ms)})`;
    if (tty) {
      stream.write(`\r\x1b[K${text}`);
      drawn = true;
    } else stream.write(`${text}\n`);
  };
  const stop = (): void => {
    timer?.stop();
    timer = null;
  };

  return {
    update(n, done = false) {
      if (!reading) {
        // a new read (compare reads two images through one Progress)
        reading = true;
        started = deps.now();
        if (!done) timer = deps.every(tty ? TTY_EVERY_MS : LOG_EVERY_MS, draw);
      }
      bytes = n;
      if (!done) return;
      reading = false;
      stop();
      const ms = deps.now() - started;
      const text = `${prefix}: ${formatBytes(bytes)} read in ${seconds(ms)} (${rate(ms)})`;
      stream.write(tty ? `\r\x1b[K${text}\n` : `${text}\n`);
      drawn = false;
    },
    abort() {
      reading = false;
      stop();
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/**
 * Progress for several streams (base and head read at the same time, several images): one Progress per
 * label, made when its stream is asked for; it draws once its stream starts. `finish` gives every stream that did not say it was done its last line
 * (sources that sum several blobs report no end of their own); `abort` clears them all before an error.
 */
export function progressPerStream(make: (label: string) => Progress = (label) => makeProgress(`reading ${label}`)): {
  stream(label: string): (bytes: number, done?: boolean) => void;
  finish(): void;
  abort(): void;
} {
  const streams: { progress: Progress; bytes: number; done: boolean; started: boolean }[] = [];
  return {
    stream(label) {
      const s = { progress: make(label), bytes: 0, done: false, started: false };
      streams.push(s);
      return (bytes, done) => {
        s.started = true;
        s.bytes = bytes;
        s.done ||= done === true;
        s.progress.update(bytes, done);
      };
    },
    finish() {
      // a stream that never started (a base from the analysis cache) has no line to end
      for (const s of streams) if (s.started && !s.done) s.progress.update(s.bytes, true);
    },
    abort() {
      for (const s of streams) s.progress.abort();
    },
  };
}
