// Where an image argument points: `registry://REF` (never the daemon), `local://REF` (the daemon, through
// `docker save`), `oci-dir://PATH[:REF]` (an OCI image layout directory), `archive://PATH[:REF]` (a `docker save`
// or OCI tar; REF names one of several images in it, as skopeo's `oci:PATH:REF`), "-" (such a tar on stdin). A bare argument is looked up in scout's order: an existing file is an
// archive (a directory with an OCI layout an oci-dir), else the daemon's image if it has one, else the registry.

import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { engineHasImage, engineSocket } from './engine-save.js';
import { ImageSourceError } from '../image/source-error.js';
import { oneLine, quoted } from '../lib/one-line.js';
import type { ImageSourceKind } from '../model/report.js';
import { dockerCommand, runCommand, ToolMissingError } from '../exec/exec.js';
import { RegistryError } from '../registry/errors.js';
import { parseReference } from '../registry/reference.js';

export type ImageSource =
  /** refName: the image the path's `:REF` names, when the layout or archive holds several. */
  | { kind: 'archive'; path: string; refName?: string }
  | { kind: 'stdin' }
  | { kind: 'local'; ref: string }
  /** bare: the argument had no scheme and the daemon did not have it (its errors say so). */
  | { kind: 'registry'; ref: string; bare: boolean }
  | { kind: 'oci-dir'; path: string; refName?: string };

export const SCHEMES = ['registry', 'local', 'oci-dir', 'archive'] as const;

/** Asks the Docker engine whether it has an image; false when it does not, or when there is no engine to ask. */
export type LocalImageProbe = (ref: string) => Promise<boolean>;

export async function classifySource(arg: string, hasLocalImage: LocalImageProbe = daemonHasImage): Promise<ImageSource> {
  if (arg === '-') return { kind: 'stdin' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(arg);
  if (scheme) {
    const rest = arg.slice(scheme[0].length);
    switch (scheme[1]?.toLowerCase()) {
      case 'registry':
        parseReference(rest); // a malformed reference fails here, before anything is read
        return { kind: 'registry', ref: rest, bare: false };
      case 'local':
        if (!isDockerRef(rest)) throw new ImageSourceError(`not an image reference: ${quoted(arg)}`);
        return { kind: 'local', ref: rest };
      case 'archive':
        return archiveAt(await splitRef(rest), true);
      case 'oci-dir':
        return ociDirAt(await splitRef(rest));
      default:
        throw new ImageSourceError(`unknown image source ${quoted(arg, 80)}: use ${SCHEMES.map((s) => `${s}://`).join(', ')} or a bare reference or path`);
    }
  }
  const st = await stat(arg).catch(() => null);
  if (st?.isFile()) return { kind: 'archive', path: arg };
  if (st?.isDirectory()) {
    if (await isOciLayout(arg)) return { kind: 'oci-dir', path: arg };
    throw new ImageSourceError(`${quoted(arg)} is a directory without an OCI image layout (index.json), not an image`);
  }
  if (/^[./~]/.test(arg) || /\.(tar|tar\.gz|tgz|oci)$/i.test(arg)) throw new ImageSourceError(`no such file: ${oneLine(arg)}`);
  if (!isDockerRef(arg)) throw new ImageSourceError(`not an image reference: ${quoted(arg)}`);
  if (await hasLocalImage(arg)) return { kind: 'local', ref: arg };
  try {
    // an image id names a daemon's image only (as a reference it would parse as "sha256" tagged with hex)
    if (/^(sha256:[a-f0-9]{12,64}|[a-f0-9]{64})$/.test(arg)) throw new RegistryError('an image id');
    parseReference(arg);
  } catch (err) {
    // image ids and other daemon-only names cannot be pulled: say that the daemon does not have it
    if (err instanceof RegistryError) throw new ImageSourceError(`no image ${quoted(arg)} in the Docker engine (and it is not a registry reference)`);
    throw err;
  }
  return { kind: 'registry', ref: arg, bare: true };
}

/** What the report's `source` says for an image read this way. */
export function sourceKind(source: ImageSource): ImageSourceKind {
  return source.kind === 'stdin' ? 'archive' : source.kind;
}

/** The reference or path (with the ref read in it), as the report's `ref` shows it (without the scheme). */
export function sourceRef(source: ImageSource): string {
  if (source.kind === 'stdin') return '-';
  if ('ref' in source) return source.ref;
  return source.refName === undefined ? source.path : `${source.path}:${source.refName}`;
}

/**
 * "DIR:v2" → DIR and the ref v2, when DIR exists and "DIR:v2" does not: an existing path that contains ":" is
 * that path. The longest existing prefix wins ("x.tar:app:v1" → x.tar, app:v1).
 */
async function splitRef(text: string): Promise<{ path: string; refName?: string }> {
  if (await stat(text).catch(() => null)) return { path: text };
  for (let i = text.lastIndexOf(':'); i > 0; i = text.lastIndexOf(':', i - 1)) {
    if (!(await stat(text.slice(0, i)).catch(() => null))) continue;
    const refName = text.slice(i + 1);
    if (refName === '') throw new ImageSourceError(`${quoted(text)} ends in ":" without a ref (PATH:REF names one image in it)`);
    return { path: text.slice(0, i), refName };
  }
  return { path: text };
}

/** Docker accepts names, name:tag, name@digest and image ids; this only keeps out what is clearly something else. */
function isDockerRef(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(text);
}

async function archiveAt({ path, refName }: { path: string; refName?: string }, explicit: boolean): Promise<ImageSource> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new ImageSourceError(`no such file: ${oneLine(path)}`);
  if (st.isDirectory()) {
    throw new ImageSourceError(`${quoted(path)} is a directory, not an image archive${explicit && (await isOciLayout(path)) ? ` (use oci-dir://${path})` : ''}`);
  }
  return { kind: 'archive', path, ...(refName === undefined ? {} : { refName }) };
}

async function ociDirAt({ path, refName }: { path: string; refName?: string }): Promise<ImageSource> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new ImageSourceError(`no such directory: ${quoted(path)}`);
  if (!st.isDirectory()) throw new ImageSourceError(`${quoted(path)} is not a directory${st.isFile() ? ` (use archive://${path} for an image archive)` : ''}`);
  if (!(await isOciLayout(path))) throw new ImageSourceError(`${quoted(path)} is not an OCI image layout: it has no index.json`);
  return { kind: 'oci-dir', path, ...(refName === undefined ? {} : { refName }) };
}

async function isOciLayout(dir: string): Promise<boolean> {
  const st = await stat(join(dir, 'index.json')).catch(() => null);
  return st?.isFile() ?? false;
}

/**
 * Whether the engine has the image: asked on its API socket when we know it (engine-save.ts), else `docker image
 * inspect` (exit 0). No docker, or no engine, counts as not having it.
 */
export async function daemonHasImage(ref: string): Promise<boolean> {
  const socket = engineSocket();
  const answer = socket ? await engineHasImage(socket, ref) : null;
  if (answer !== null) return answer;
  try {
    const r = await runCommand(dockerCommand(), ['image', 'inspect', '--format', '{{.Id}}', ref]);
    return r.code === 0;
  } catch (err) {
    if (err instanceof ToolMissingError) return false;
    throw err;
  }
}
