// Progress on stderr while an image streams in: a live counter on a terminal, a line every 15 s in CI logs.

import { formatBytes } from '../lib/format.js';

export interface Progress {
  update(bytes: number): void;
  done(): void;
}

export function makeProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  const every = tty ? 200 : 15_000;
  const start = Date.now();
  let last = start;
  let shown = false;
  return {
    update(bytes) {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      const text = `${label}: ${formatBytes(bytes)} read (${((now - start) / 1000).toFixed(0)} s)`;
      if (tty) stream.write(`\r\x1b[K${text}`);
      else stream.write(`${text}\n`);
      shown = true;
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}
