// The analysis cache of a run: the cache directory's two disk caches, and the remote base cache. A base is
// computed once per commit: the analysis of a built commit (each platform's ImageModel — layers, final
// filesystem, package databases, config and history — with the Dockerfile's path and text) is kept in
// `bases/` under a key of everything that decides it, and a later run that needs the same commit built the
// same way reads it instead of checking out, building and reading the image. Layer scans are kept by blob
// digest beside it (the disk layer cache, cache/cache-dir-layers.ts). The Action also saves and restores
// base entries through the Actions cache (the RemoteBaseCache, github/actions-cache.ts).

import { createHash } from 'node:crypto';
import { CODEC_ID, CodecError, Reader, Writer } from '../image/binary-codec.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import { decodeModel, encodeModel } from '../image/model-codec.js';
import { toolBuild } from '../lib/build-id.js';
import { CacheDir } from '../cache/cache-dir.js';
import { CacheDirLayers } from '../cache/cache-dir-layers.js';
import { CacheEntryError, openEntry, sealEntry } from '../cache/envelope.js';
import type { Side } from './build-side.js';
import type { CacheOptions, RemoteBaseCache } from './compare-options.js';

/** What decides the analysis of a commit's image: a change to any of these is another key. */
export interface BaseKeyInputs {
  /** The full commit SHA. */
  commit: string;
  /** Context and Dockerfile, relative to the repository root, with "/" separators. */
  context: string;
  dockerfile: string;
  target: string | null;
  buildArgs: readonly string[];
  /** The platform request as built (one, or a comma list), or null for the builder's default. */
  platform: string | null;
  /** The builder's driver kind and whether it exports OCI (compressed blobs: exact sizes) or loads into the classic store. */
  driver: string;
  ociExport: boolean;
  buildxFlags: readonly string[];
  compressedSize: CompressedSizeMode;
}

/** The entry's key: SHA-256 of the inputs with the tool's version and build, the report schema and the encoding's version. */
export function baseKey(i: BaseKeyInputs): string {
  // a fixed order, arrays as given (a later --build-arg of the same name wins, so order matters)
  const canonical = JSON.stringify([
    'isg-base',
    toolBuild(), // the version and a hash of the running code
    1, // report schema (Report['schemaVersion'])
    CODEC_ID,
    i.commit,
    i.context,
    i.dockerfile,
    i.target,
    i.buildArgs,
    i.platform,
    i.driver,
    i.ociExport,
    i.buildxFlags,
    i.compressedSize,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A side as kept: its models and its Dockerfile (the ref and the timings belong to the run that reads it). */
export function encodeSide(side: Pick<Side, 'models' | 'dockerfile' | 'dockerfileText'>): Buffer {
  const w = new Writer();
  w.json({ dockerfile: side.dockerfile, dockerfileText: side.dockerfileText, models: side.models.length });
  for (const m of side.models) encodeModel(m, w);
  return w.finish();
}

export function decodeSide(payload: Buffer, ref: string): Side {
  const r = new Reader(payload);
  const head = r.json<{ dockerfile: unknown; dockerfileText: unknown; models: unknown }>();
  const { dockerfile, dockerfileText, models: n } = head ?? {};
  if ((dockerfile !== null && typeof dockerfile !== 'string') || (dockerfileText !== null && typeof dockerfileText !== 'string') || !Number.isInteger(n) || (n as number) < 1 || (n as number) > 64) {
    throw new CodecError('bad side header');
  }
  const models = [];
  for (let i = 0; i < (n as number); i++) models.push(decodeModel(r));
  r.end();
  return { models, available: null, source: 'build', ref, dockerfile, dockerfileText, timings: {}, fromCache: true };
}

export class AnalysisCache {
  readonly dir: CacheDir;
  /** The disk layer cache, for the run's image readers. */
  readonly diskLayers: CacheDirLayers;
  /** Entries ignored and faults met, one line each, for the run's warnings. */
  private readonly notes: string[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly remote: RemoteBaseCache | undefined;

  constructor(readonly options: CacheOptions) {
    this.dir = new CacheDir(options.dir);
    this.diskLayers = new CacheDirLayers(this.dir);
    this.remote = options.remote;
  }

  /** The base kept under key (from the directory, else the remote base cache), as the side `ref` names; null on a miss. */
  async loadBase(key: string, ref: string): Promise<Side | null> {
    const local = this.readBase(key, ref);
    if (local || !this.remote) return local;
    if (!(await this.remote.restore(key, this.dir.path('bases', key)))) return null;
    return this.readBase(key, ref);
  }

  /** Keeps a built side as the base under key, in the background (and in the remote base cache when asked); the run waits for it at the end. */
  keepBase(key: string, side: Pick<Side, 'models' | 'dockerfile' | 'dockerfileText'>, remote: boolean): void {
    this.defer(async () => {
      const written = await this.dir.write('bases', key, await sealEntry('base', key, encodeSide(side)));
      if (written && remote && this.remote) await this.remote.save(key, this.dir.path('bases', key));
    });
  }

  /** Waits for what is being written, keeps the directory bounded, and hands back what went wrong on the way. */
  async close(): Promise<string[]> {
    while (this.pending.size) await Promise.all([...this.pending]);
    await this.diskLayers.flush();
    await this.dir.prune().catch(() => undefined);
    return [...this.notes, ...this.diskLayers.warnings, ...this.dir.problems];
  }

  private readBase(key: string, ref: string): Side | null {
    const file = this.dir.read('bases', key);
    if (!file) return null;
    try {
      return decodeSide(openEntry(file, 'base', key), ref);
    } catch (err) {
      if (!(err instanceof CacheEntryError || err instanceof CodecError)) throw err;
      this.notes.push(`ignored the cached analysis of ${ref} (${err.message}); the base is built`);
      this.dir.remove('bases', key);
      return null;
    }
  }

  private defer(task: () => Promise<void>): void {
    const p = task().catch((err: unknown) => {
      this.notes.push(`could not keep an analysis in the cache: ${(err as Error).message}`);
    });
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}
