// Where an image comes from: an archive file, standard input, the Docker engine (`docker save` piped,
// never through a temporary file), or a registry (`registry://REF`, read without the daemon).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readImageArchive, type ReadOptions } from '../image/read-image.js';
import type { ImageModel } from '../image/types.js';
import { oneLine } from '../lib/one-line.js';
import { dockerCommand, spawnStreaming } from '../exec/exec.js';
import { ImageSourceError } from '../image/source-error.js';
import { readRegistryImage } from '../registry/read-registry-image.js';
import { parseReference } from '../registry/reference.js';
import { RegistryClient } from '../registry/registry-client.js';

export { ImageSourceError };

export type ImageSource = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'docker'; ref: string } | { kind: 'registry'; ref: string };

/** An existing file is an archive; "-" is stdin; a path-like argument that does not exist is an error; the rest are image references. */
export async function classifySource(arg: string): Promise<ImageSource> {
  if (arg === '-') return { kind: 'stdin' };
  if (arg.startsWith('registry://')) {
    const ref = arg.slice('registry://'.length);
    parseReference(ref); // a malformed reference fails here, before anything is read
    return { kind: 'registry', ref };
  }
  const st = await stat(arg).catch(() => null);
  if (st?.isFile()) return { kind: 'file', path: arg };
  if (st?.isDirectory()) throw new ImageSourceError(`${oneLine(arg)} is a directory, not an image archive`);
  if (/^[./~]/.test(arg) || /\.(tar|tar\.gz|tgz|oci)$/i.test(arg)) {
    throw new ImageSourceError(`no such file: ${oneLine(arg)}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(arg)) throw new ImageSourceError(`not an image reference: ${oneLine(arg)}`);
  return { kind: 'docker', ref: arg };
}

export async function readImage(source: ImageSource, opts: ReadOptions = {}): Promise<ImageModel> {
  switch (source.kind) {
    case 'file':
      return readImageArchive(createReadStream(source.path, { highWaterMark: 1 << 20 }), opts);
    case 'stdin':
      return readImageArchive(process.stdin, opts);
    case 'docker':
      return readFromDocker(source.ref, opts);
    case 'registry':
      return readFromRegistry(source.ref, opts);
  }
}

/** Straight from the registry (credentials from the Docker config); the daemon is never asked. */
async function readFromRegistry(ref: string, opts: ReadOptions): Promise<ImageModel> {
  const client = new RegistryClient();
  try {
    return await readRegistryImage(client, ref, opts.platform, opts.onProgress ? { onProgress: opts.onProgress } : {});
  } finally {
    await client.close();
  }
}

async function readFromDocker(ref: string, opts: ReadOptions): Promise<ImageModel> {
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
    return new ImageSourceError(`docker save ${oneLine(ref)} failed: ${oneLine(reason.replace(/^Error response from daemon:\s*/, ''))}`);
  };
  try {
    const model = await readImageArchive(child.stdout, opts);
    const code = await exited;
    if (code !== 0) throw saveFailed(code);
    return model;
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
