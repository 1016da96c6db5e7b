// Estimates a layer's compressed size when the archive holds it uncompressed (docker save on the classic
// store): gzip at level 6, BuildKit's default, counting output bytes only. zlib runs on libuv's thread pool,
// off the main thread; the reader waits for it only when it falls behind (backpressure), so memory stays flat.

import { createGzip, constants } from 'node:zlib';
import type { Transform } from 'node:stream';

export type CompressedSizeMode = 'auto' | 'exact' | 'off';

export interface Estimator {
  write(chunk: Buffer): boolean;
  stream: Transform;
  end(): void;
  result: Promise<number>;
}

export function startGzipEstimate(): Estimator {
  const gz = createGzip({ level: 6, chunkSize: 256 * 1024, strategy: constants.Z_DEFAULT_STRATEGY });
  let bytes = 0;
  const result = new Promise<number>((resolve, reject) => {
    gz.on('data', (c: Buffer) => (bytes += c.length));
    gz.on('end', () => resolve(bytes));
    gz.on('error', reject);
  });
  result.catch(() => undefined); // reported where awaited
  return { write: (chunk) => gz.write(chunk), stream: gz, end: () => gz.end(), result };
}
