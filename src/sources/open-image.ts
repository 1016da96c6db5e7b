// Opens an existing image, wherever it is (see classify-source.ts), as one ImageModel per platform. One
// ImageOpener serves a whole run: its registry client (tokens, connections) and its scanned layers are
// shared by every image the run reads, so a layer that base and head share is fetched and scanned once.

import { createReadStream } from 'node:fs';
import { readImageArchive, readImageArchives, type ReadOptions } from '../image/read-image.js';
import { RunLayerCache } from '../image/run-layer-cache.js';
import { ImageSourceError } from '../image/source-error.js';
import type { DiskLayerCache } from '../image/cached-layer.js';
import type { ImageModel } from '../image/types.js';
import { oneLine, quoted } from '../lib/one-line.js';
import { dockerCommand, spawnStreaming } from '../exec/exec.js';
import { RegistryError } from '../registry/errors.js';
import { OciError } from '../oci/errors.js';
import { hostPlatform, type PlatformRequest } from '../oci/platform.js';
import { readResolvedImage, resolveRegistryImages } from '../registry/read-registry-image.js';
import { RegistryClient, type RegistryClientOptions } from '../registry/registry-client.js';
import { classifySource, type ImageSource } from './classify-source.js';
import { EngineRefusedError, EngineStreamError, engineSocket, saveFromEngine, type EngineArchive } from './engine-save.js';
import { readOciDir } from './read-oci-dir.js';

export { ImageSourceError, classifySource, type ImageSource };

/** The images of one source for a platform request. */
export interface OpenedImages {
  /** One per platform found, in the source's order. */
  models: ImageModel[];
  /** Every platform the source has, when it can tell (registries and OCI layouts); null otherwise. */
  available: string[] | null;
}

export class ImageOpener {
  private client: RegistryClient | null = null;
  /** The run layer cache of OCI layout directories (registries keep theirs in the client), and their gzip estimates. */
  private readonly ociLayers = new RunLayerCache();
  private readonly ociEstimates = new Map<string, number>();

  /** diskLayers: the disk layer cache, scans kept between runs (registry blobs it knows are not downloaded again). */
  constructor(
    private readonly registryOptions: RegistryClientOptions = {},
    private readonly diskLayers: DiskLayerCache | null = null,
  ) {}

  /** The run's registry client, made when first needed. */
  registry(): RegistryClient {
    if (!this.client) {
      this.client = new RegistryClient(this.registryOptions);
      this.client.diskLayers = this.diskLayers;
    }
    return this.client;
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = null;
  }

  /**
   * One image: the platform asked for (read.platform), else the host's or the only one (registries and OCI
   * layouts, as `docker pull` picks), else what the archive or the engine holds.
   */
  async openOne(source: ImageSource, read: ReadOptions = {}): Promise<ImageModel> {
    if (source.kind === 'registry' || source.kind === 'oci-dir') {
      const request = read.platform ? [read.platform] : undefined;
      const opened = await this.open(source, request, read);
      const model = opened.models[0];
      if (!model) throw noImageFor(source, read.platform ?? hostPlatform(), opened.available);
      return model;
    }
    return readArchiveStream(source, (input) => readImageArchive(input, { ...read, ...archiveNames(source) }));
  }

  /** The images of a source for several platforms ('all' or a list); a platform it lacks is absent. */
  async openMany(source: ImageSource, request: 'all' | readonly string[], read: ReadOptions = {}): Promise<OpenedImages> {
    if (source.kind === 'registry' || source.kind === 'oci-dir') return this.open(source, request, read);
    const models = await readArchiveStream(source, (input) => readImageArchives(input, request, { ...read, ...archiveNames(source) }));
    return { models, available: null };
  }

  private async open(source: ImageSource & { kind: 'registry' | 'oci-dir' }, request: PlatformRequest, read: ReadOptions): Promise<OpenedImages> {
    if (source.kind === 'oci-dir') {
      const r = await readOciDir(source.path, request, {
        runLayers: this.ociLayers,
        ref: source.refName,
        compressedSize: read.compressedSize,
        estimates: read.estimates ?? this.ociEstimates,
        onProgress: read.onProgress,
      });
      return { models: r.models, available: r.available };
    }
    const client = this.registry();
    try {
      const resolved = await resolveRegistryImages(client, source.ref, request);
      // Each image's own byte count, summed: the progress of the whole reference.
      const seen = resolved.images.map(() => 0);
      const models = await Promise.all(
        resolved.images.map((image, i) =>
          readResolvedImage(client, image, {
            onProgress: (n) => {
              seen[i] = n;
              read.onProgress?.(seen.reduce((a, b) => a + b, 0));
            },
          }),
        ),
      );
      return { models, available: resolved.platformsAvailable ?? models.map((m) => m.platform) };
    } catch (err) {
      if (source.bare && (err instanceof RegistryError || err instanceof OciError)) {
        throw new RegistryError(`${oneLine(source.ref, 200)} is not in the Docker engine, and reading it from its registry failed: ${err.message}`);
      }
      throw err;
    }
  }
}

/** "ghcr.io/o/app:v1 has no image for linux/s390x (it has: linux/amd64, linux/arm64)" */
export function noImageFor(source: ImageSource, platform: string, available: string[] | null): ImageSourceError {
  const what = source.kind === 'registry' ? source.ref : source.kind === 'oci-dir' ? `the OCI layout ${source.path}` : source.kind === 'archive' ? source.path : source.kind === 'local' ? source.ref : 'the archive on stdin';
  const has = available?.length ? ` (it has: ${available.join(', ')})` : '';
  return new ImageSourceError(`${oneLine(what, 200)} has no image for ${oneLine(platform, 100)}${has}`);
}

/** How an archive's messages name it, and how to name one of its images. */
function archiveNames(source: ImageSource): Pick<ReadOptions, 'ref' | 'what' | 'pick'> {
  if (source.kind === 'archive') return { ref: source.refName, what: `the archive ${quoted(source.path)}`, pick: `archive://${source.path}:REF` };
  if (source.kind === 'stdin') return { what: 'the archive on stdin', pick: 'archive://FILE:REF (save it to a file first)' };
  return { what: `docker save ${quoted(source.kind === 'local' ? source.ref : '?')}` };
}

/** An archive file, stdin, or `docker save` piped (never through a temporary file), handed to read. */
async function readArchiveStream<T>(source: ImageSource, read: (input: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  switch (source.kind) {
    case 'archive':
      return read(createReadStream(source.path, { highWaterMark: 1 << 20 }));
    case 'stdin':
      return read(process.stdin);
    case 'local':
      return readFromDocker(source.ref, read);
    default:
      throw new Error(`not an archive source: ${source.kind}`);
  }
}

/** Reads the image with a throwaway opener (inspect and the classic build path read one image each). */
export async function readImage(source: ImageSource, opts: ReadOptions = {}): Promise<ImageModel> {
  const opener = new ImageOpener();
  try {
    return await opener.openOne(source, opts);
  } finally {
    await opener.close();
  }
}

/** The image from the engine: its API on the socket when we know it (engine-save.ts), else `docker save`. */
async function readFromDocker<T>(ref: string, read: (input: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  const socket = engineSocket();
  if (socket) {
    let archive: EngineArchive | null = null;
    try {
      archive = await saveFromEngine(socket, ref);
    } catch (err) {
      if (err instanceof EngineRefusedError || err instanceof EngineStreamError) throw saveFailure(ref, err.message);
      // the socket cannot be reached (refused, no permission): the CLI may know better, or says why in its words
    }
    if (archive) return readEngineArchive(ref, archive, read);
  }
  return readFromDockerCli(ref, read);
}

async function readEngineArchive<T>(ref: string, archive: EngineArchive, read: (input: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  try {
    return await read(archive.body);
  } catch (err) {
    if (err instanceof EngineStreamError) throw saveFailure(ref, err.message);
    // an export that failed halfway ends in the engine's message, where the reader expected tar
    const failure = archive.failureInBody();
    if (failure) throw saveFailure(ref, failure);
    throw err;
  } finally {
    archive.close();
  }
}

/** "docker save app:1 failed: reference does not exist", whichever way the image was asked for. */
function saveFailure(ref: string, reason: string): ImageSourceError {
  return new ImageSourceError(`docker save ${oneLine(ref)} failed: ${oneLine(reason)}`);
}

async function readFromDockerCli<T>(ref: string, read: (input: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  const child = spawnStreaming(dockerCommand(), ['save', ref]);
  child.stdin.end();
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const saveFailed = (code: number): ImageSourceError => {
    const reason = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
    return saveFailure(ref, reason.replace(/^Error response from daemon:\s*/, ''));
  };
  try {
    const result = await read(child.stdout);
    const code = await exited;
    if (code !== 0) throw saveFailed(code);
    return result;
  } catch (err) {
    child.kill();
    const code = await exited.catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT'
        ? new ImageSourceError(`docker is not installed or not on PATH (needed to read image ${oneLine(ref)})`)
        : e;
    });
    if (code !== 0 && stderr.trim() && !(err instanceof ImageSourceError)) throw saveFailed(code);
    throw err;
  }
}
