// One client per run: connections, tokens and credentials per registry, a limit on concurrent blob
// downloads, and the run layer cache (a layer base and head share is fetched and scanned once).

import { oneLine } from '../lib/one-line.js';
import { Limiter } from '../lib/settle-limit.js';
import type { DiskLayerCache } from '../image/cached-layer.js';
import { RunLayerCache } from '../image/run-layer-cache.js';
import { RegistryAuth } from './auth.js';
import { BlobStream } from './blob-stream.js';
import { runCredentialHelper, type CredentialHelperRunner } from './credential-helper.js';
import { dockerConfigDir, findCredentials, loadDockerConfig, type DockerConfig } from './docker-config.js';
import { RegistryError } from './errors.js';
import { discard, header, Http, readLimited, readLimitedBytes, registryBase, type HttpOptions, type HttpResponse } from './http.js';
import { digestOf, isDigest } from '../oci/digest.js';
import { MAX_MANIFEST_BYTES, type Descriptor } from '../oci/manifest.js';
import { MANIFEST_ACCEPT } from '../oci/media-types.js';
import { formatReference, type ImageReference } from './reference.js';

export interface RegistryClientOptions extends HttpOptions {
  /** Directory holding config.json (default $DOCKER_CONFIG or ~/.docker). */
  dockerConfig?: string;
  /** Blobs downloaded (and scanned) at once (default 4: zlib inflates on libuv's 4 threads). */
  concurrency?: number;
  /** Runs `docker-credential-NAME get` (the lead routes this through the project's exec module). */
  runHelper?: CredentialHelperRunner;
}

export interface FetchedManifest {
  bytes: Buffer;
  contentType: string | undefined;
  /** Digest of the bytes received (what a pull by digest would pin). */
  digest: string;
}

export class RegistryClient {
  /** The run layer cache: scanned layers of this run by blob digest. */
  readonly runLayers = new RunLayerCache();
  /** The disk layer cache (scans kept between runs): a blob it knows is not downloaded again (set by the run that has one). */
  diskLayers: DiskLayerCache | null = null;
  private readonly http: Http;
  private readonly auths = new Map<string, RegistryAuth>();
  private readonly configDir: string;
  private config: Promise<DockerConfig | null> | null = null;
  private readonly runHelper: CredentialHelperRunner;
  private readonly slots: Limiter;

  constructor(opts: RegistryClientOptions = {}) {
    this.http = new Http(opts);
    this.configDir = opts.dockerConfig ?? dockerConfigDir(opts.env ?? process.env);
    this.runHelper = opts.runHelper ?? runCredentialHelper;
    this.slots = new Limiter(opts.concurrency ?? 4);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** GET a manifest by tag or digest; verified against the digest when asked for by digest. */
  async fetchManifest(ref: ImageReference, reference: string): Promise<FetchedManifest> {
    const what = describe(ref, reference);
    const res = await this.get(ref, `manifests/${reference}`, { accept: MANIFEST_ACCEPT }, what);
    if (res.status === 404) {
      await discard(res);
      throw new RegistryError(`${what} not found (no such ${reference.includes(':') ? 'manifest' : 'tag'})`);
    }
    await expectOk(res, what);
    const length = Number(header(res, 'content-length'));
    if (length > MAX_MANIFEST_BYTES) throw new RegistryError(`the manifest of ${what} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    const bytes = await readLimitedBytes(res.body, MAX_MANIFEST_BYTES);
    const digest = digestOf(bytes, reference);
    if (isDigest(reference) && digest !== reference) {
      throw new RegistryError(`digest mismatch for manifest ${reference} of ${formatReference(ref)}: the registry sent content with digest ${digest}`);
    }
    return { bytes, contentType: header(res, 'content-type'), digest };
  }

  /** A small blob (the image config) whole, verified. */
  async fetchBlobBytes(ref: ImageReference, desc: Descriptor, max: number): Promise<Buffer> {
    if (desc.size > max) throw new RegistryError(`blob ${desc.digest} of ${formatReference(ref)} is larger than ${max} bytes`);
    const blob = this.openBlob(ref, desc);
    const parts: Buffer[] = [];
    try {
      for (let c = await blob.next(); c; c = await blob.next()) parts.push(c);
    } finally {
      blob.close();
    }
    return Buffer.concat(parts);
  }

  /** A blob as a verified stream; nothing is requested until it is read. */
  openBlob(ref: ImageReference, desc: Descriptor): BlobStream {
    const what = formatReference(ref);
    return new BlobStream(
      async (offset) => {
        const res = await this.get(ref, `blobs/${desc.digest}`, offset > 0 ? { range: `bytes=${offset}-` } : {}, `blob ${desc.digest} of ${what}`);
        if (res.status === 404) {
          await discard(res);
          throw new RegistryError(`blob ${desc.digest} of ${what} not found in the registry`);
        }
        if (res.status === 206) {
          const start = /^bytes (\d+)-/.exec(header(res, 'content-range') ?? '')?.[1];
          return { offset: start === undefined ? -1 : Number(start), body: res.body };
        }
        await expectOk(res, `blob ${desc.digest} of ${what}`);
        const length = header(res, 'content-length');
        if (length !== undefined && Number(length) !== desc.size) {
          await discard(res);
          throw new RegistryError(`blob ${desc.digest} of ${what} has ${length} bytes, its manifest says ${desc.size}: the registry sent different content`);
        }
        return { offset: 0, body: res.body };
      },
      desc.digest,
      desc.size,
      what,
    );
  }

  /** GET on a path of the repository's API (`tags/list?n=100`), authenticated as pulls are; any status is returned. */
  getRepositoryPath(ref: ImageReference, path: string, what: string): Promise<HttpResponse> {
    return this.get(ref, path, {}, what);
  }

  /** Runs task while holding one of the download slots. */
  withSlot<T>(task: () => Promise<T>): Promise<T> {
    return this.slots.run(task);
  }

  /** GET on the repository's API path, authenticating as the registry asks. */
  private async get(ref: ImageReference, path: string, extra: { accept?: string; range?: string }, what: string): Promise<HttpResponse> {
    const auth = this.authFor(ref);
    const scope = `repository:${ref.repository}:pull`;
    const url = new URL(`${ref.repository}/${path}`, registryBase(ref.apiHost));
    const headers: Record<string, string> = {};
    if (extra.accept) headers.accept = extra.accept;
    if (extra.range) headers.range = extra.range;
    for (let attempt = 0; ; attempt++) {
      const authorization = await auth.authorization(scope);
      const res = await this.http.send(url, { headers, ...(authorization ? { authorization } : {}) });
      // Only the registry's own 401/403 are about our credentials; a blob store's (after a redirect) is not.
      if (res.url.origin !== url.origin || (res.status !== 401 && res.status !== 403)) return res;
      if (res.status === 403) {
        await discard(res);
        throw await auth.denied(what);
      }
      await discard(res);
      if (attempt >= 2) throw await auth.denied(what);
      await auth.unauthorized(res.headers['www-authenticate'], scope, authorization, attempt === 0, what);
    }
  }

  private authFor(ref: ImageReference): RegistryAuth {
    let auth = this.auths.get(ref.registry);
    if (!auth) {
      auth = new RegistryAuth(ref.registry, this.http, async () => {
        this.config ??= loadDockerConfig(this.configDir);
        return findCredentials(await this.config, ref.registry, this.runHelper);
      });
      this.auths.set(ref.registry, auth);
    }
    return auth;
  }
}

/** A 200, or the registry's explanation as a one-line RegistryError. */
export async function expectOk(res: HttpResponse, what: string): Promise<void> {
  if (res.status === 200) return;
  const body = await readLimited(res.body, 64 << 10).catch(() => '');
  // Registries explain errors as {"errors":[{"code","message"}]}.
  let detail = '';
  try {
    const e = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
    if (e) detail = `: ${e.code ?? ''}${e.message ? ` ${e.message}` : ''}`;
  } catch {
    /* not JSON: the status says enough */
  }
  throw new RegistryError(`${res.url.host} answered HTTP ${res.status} for ${what}${oneLine(detail.slice(0, 200), 200)}`);
}

function describe(ref: ImageReference, reference: string): string {
  return `${ref.registry}/${ref.repository}${reference.includes(':') ? '@' : ':'}${reference}`;
}
