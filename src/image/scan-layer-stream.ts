// Scans one layer blob that arrives as a byte stream (a registry download) with the LayerScan the archive
// reader uses. Compression is sniffed from the first bytes, as archive-members.ts does, not taken from the
// media type (which only says what the pusher claimed). Inflating runs on libuv's thread pool; backpressure
// flows back to the source, so memory stays bounded whatever the layer's size.

import { pipeline } from 'node:stream/promises';
import { ImageArchiveError, makeDecompressor, sniffKind } from './archive-members.js';
import { LayerScan, type ScannedLayer } from './layer-scan.js';
import { UnsafePathError } from './paths.js';
import { TarFormatError } from './tar-scanner.js';
import type { Compression } from './types.js';

const SNIFF_BYTES = 512;

export interface StreamedLayer {
  layer: ScannedLayer;
  compression: Compression;
}

/** label names the layer in errors ("layer sha256:… of ghcr.io/o/app:v1"). */
export async function scanLayerStream(chunks: AsyncIterable<Buffer>, label: string): Promise<StreamedLayer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const step = await iterator.next();
    if (step.done) {
      ended = true;
      break;
    }
    head.push(step.value);
    headBytes += step.value.length;
  }
  const first = Buffer.concat(head);
  const scan = new LayerScan();
  if (first.length === 0) return { layer: scan.finish(), compression: 'none' };
  const kind = sniffKind(first);
  async function* all(): AsyncGenerator<Buffer> {
    yield first;
    if (ended) return;
    for (;;) {
      const step = await iterator.next();
      if (step.done) return;
      yield step.value;
    }
  }
  try {
    if (kind === 'gzip' || kind === 'zstd') {
      await pipeline(all(), makeDecompressor(kind), async (inflated: AsyncIterable<Buffer>) => {
        for await (const chunk of inflated) scan.push(chunk);
      });
      return { layer: scan.finish(), compression: kind };
    }
    if (kind === 'tar') {
      for await (const chunk of all()) scan.push(chunk);
      return { layer: scan.finish(), compression: 'none' };
    }
  } catch (err) {
    throw layerStreamError(label, kind, err);
  }
  throw new ImageArchiveError(`${label} is not a tar, gzip or zstd stream`);
}

function layerStreamError(label: string, format: string, err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof UnsafePathError || err instanceof ImageArchiveError) return err;
  if (err instanceof TarFormatError) return new ImageArchiveError(`${label}: ${err.message.replace(/^the tar stream/, 'its tar')}`);
  // Errors of the source (a registry fault) pass through as they are; the rest is bad compressed data.
  if ((err as { code?: string }).code?.startsWith('Z_') || /zstd|incorrect header|invalid|unexpected end/i.test(err.message)) {
    return new ImageArchiveError(`${label} is not valid ${format} data (${err.message})`);
  }
  return err;
}
