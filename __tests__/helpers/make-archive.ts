// Builds image archives in memory for unit tests, with tar-stream (an independent tar writer, so the
// reader's hand-rolled scanner is checked against another implementation).

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';

export interface TEntry {
  path: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'fifo';
  content?: string | Buffer;
  linkname?: string;
  mode?: number;
}

export async function tarBuffer(entries: TEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header: Partial<tar.Header> & { name: string } = { name: e.path, type, mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644), mtime: new Date(0) };
    if (e.linkname !== undefined) header.linkname = e.linkname;
    const body = type === 'file' ? Buffer.from(e.content ?? '') : undefined;
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null): void => (err ? reject(err) : resolve());
      if (body) pack.entry(header as tar.Header, body, cb);
      else pack.entry(header as tar.Header, cb);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export interface TestLayer {
  entries: TEntry[];
  compression?: 'none' | 'gzip' | 'zstd';
  createdBy?: string;
}

export interface ArchiveOptions {
  /**
   * 'kaniko': go-containerregistry's tarball (kaniko --tar-path, crane): manifest.json, the config named
   * "sha256:<hex>", gzip layers named "<hex of the blob>.tar.gz" (compress them with `compression: 'gzip'`).
   * 'docker-archive': containers/image (podman/buildah/skopeo save): layers as "<hex>.tar" at the top, a
   * legacy "<id>/layer.tar" symlink to each, the config "<hex>.json", manifest.json written last.
   */
  format: 'docker-save' | 'oci' | 'kaniko' | 'docker-archive';
  layers: TestLayer[];
  /** History entries without a layer, inserted before layer i (key) */
  emptyHistoryBefore?: Record<number, string[]>;
  /** Put manifests and config after the layer blobs (as some writers do). */
  metadataLast?: boolean;
  /** Reverse the order of the layer blobs in the archive. */
  reverseLayers?: boolean;
  platform?: { os: string; architecture: string; variant?: string };
  config?: Record<string, unknown>;
  /** The OCI manifest's own annotations (format 'oci'). */
  manifestAnnotations?: Record<string, string>;
  /** Writes the empty-layer history entries without their empty_layer mark (as some exporters do). */
  unmarkEmpty?: boolean;
  /** Damages a blob after its digest was taken (for corrupt-input tests). */
  mangleBlob?: (blob: Buffer, index: number) => Buffer;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function compress(buf: Buffer, how: TestLayer['compression']): Buffer {
  if (how === 'gzip') return gzipSync(buf);
  if (how === 'zstd') return (zlib as unknown as { zstdCompressSync(b: Buffer): Buffer }).zstdCompressSync(buf);
  return buf;
}

export async function makeImageArchive(opts: ArchiveOptions): Promise<{ archive: Buffer; diffIds: string[]; configDigest: string; blobSizes: number[] }> {
  const tars = await Promise.all(opts.layers.map((l) => tarBuffer(l.entries)));
  const diffIds = tars.map((t) => 'sha256:' + sha(t));
  const blobs = tars.map((t, i) => compress(t, opts.layers[i]?.compression ?? 'none'));
  const history: { created_by: string; empty_layer?: boolean }[] = [];
  opts.layers.forEach((l, i) => {
    for (const e of opts.emptyHistoryBefore?.[i] ?? []) history.push(opts.unmarkEmpty ? { created_by: e } : { created_by: e, empty_layer: true });
    history.push({ created_by: l.createdBy ?? `COPY layer${i} / # buildkit` });
  });
  for (const e of opts.emptyHistoryBefore?.[opts.layers.length] ?? []) history.push({ created_by: e, empty_layer: true });
  const platform = opts.platform ?? { os: 'linux', architecture: 'amd64' };
  const config = Buffer.from(
    JSON.stringify({ ...platform, config: { Cmd: ['/app'], ...(opts.config ?? {}) }, rootfs: { type: 'layers', diff_ids: diffIds }, history }),
  );
  const configHex = sha(config);

  const members: TEntry[] = [];
  const layerMembers: TEntry[] = [];
  const meta: TEntry[] = [];
  if (opts.format === 'docker-save') {
    const ids = tars.map((t) => sha(t));
    tars.forEach((t, i) => {
      layerMembers.push({ path: `${ids[i]}/`, type: 'directory' }, { path: `${ids[i]}/layer.tar`, content: t }, { path: `${ids[i]}/VERSION`, content: '1.0' });
    });
    meta.push(
      { path: `${configHex}.json`, content: config },
      { path: 'manifest.json', content: JSON.stringify([{ Config: `${configHex}.json`, RepoTags: ['test:latest'], Layers: ids.map((id) => `${id}/layer.tar`) }]) },
      { path: 'repositories', content: '{"test":{"latest":"x"}}' },
    );
  } else if (opts.format === 'kaniko') {
    const names = blobs.map((b) => `${sha(b)}.tar.gz`);
    blobs.forEach((b, i) => layerMembers.push({ path: names[i] as string, content: opts.mangleBlob ? opts.mangleBlob(b, i) : b }));
    meta.push(
      { path: `sha256:${configHex}`, content: config },
      { path: 'manifest.json', content: JSON.stringify([{ Config: `sha256:${configHex}`, RepoTags: ['test:latest'], Layers: names }]) },
    );
  } else if (opts.format === 'docker-archive') {
    const names = blobs.map((b) => `${sha(b)}.tar`);
    blobs.forEach((b, i) => {
      const legacyId = sha(Buffer.from(`legacy ${i} ${names[i]}`));
      layerMembers.push(
        { path: names[i] as string, content: opts.mangleBlob ? opts.mangleBlob(b, i) : b },
        { path: `${legacyId}/layer.tar`, type: 'symlink', linkname: `../${names[i]}` },
        { path: `${legacyId}/VERSION`, content: '1.0' },
        { path: `${legacyId}/json`, content: JSON.stringify({ id: legacyId }) },
      );
    });
    meta.push(
      { path: `${configHex}.json`, content: config },
      { path: 'manifest.json', content: JSON.stringify([{ Config: `${configHex}.json`, RepoTags: ['localhost/test:latest'], Layers: names }]) },
      { path: 'repositories', content: '{}' },
    );
  } else {
    const mediaType = (c: TestLayer['compression']): string =>
      c === 'gzip' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : c === 'zstd' ? 'application/vnd.oci.image.layer.v1.tar+zstd' : 'application/vnd.oci.image.layer.v1.tar';
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length },
        layers: blobs.map((b, i) => ({ mediaType: mediaType(opts.layers[i]?.compression), digest: `sha256:${sha(b)}`, size: b.length })),
        ...(opts.manifestAnnotations ? { annotations: opts.manifestAnnotations } : {}),
      }),
    );
    blobs.forEach((b, i) => layerMembers.push({ path: `blobs/sha256/${sha(b)}`, content: opts.mangleBlob ? opts.mangleBlob(b, i) : b }));
    meta.push(
      { path: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' },
      { path: `blobs/sha256/${configHex}`, content: config },
      { path: `blobs/sha256/${sha(manifest)}`, content: manifest },
      {
        path: 'index.json',
        content: JSON.stringify({
          schemaVersion: 2,
          manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${sha(manifest)}`, size: manifest.length, platform }],
        }),
      },
    );
  }
  if (opts.reverseLayers) layerMembers.reverse();
  if (opts.metadataLast || opts.format === 'docker-archive') members.push(...layerMembers, ...meta);
  else members.push(...meta, ...layerMembers);
  if (opts.format === 'oci') members.unshift({ path: 'blobs/', type: 'directory' }, { path: 'blobs/sha256/', type: 'directory' });
  return { archive: await tarBuffer(members), diffIds, configDigest: `sha256:${configHex}`, blobSizes: blobs.map((b) => b.length) };
}

/**
 * The entries as kaniko writes them: a "/" entry for the root, and (as older kaniko releases and other
 * Go-based writers do) absolute member names and absolute hardlink targets.
 */
export function kanikoEntries(entries: TEntry[]): TEntry[] {
  return [
    { path: '/', type: 'directory' },
    ...entries.map((e) => ({ ...e, path: '/' + e.path, ...(e.type === 'link' && e.linkname !== undefined ? { linkname: '/' + e.linkname } : {}) })),
  ];
}

/** Feeds a buffer in small, oddly sized chunks, so every boundary case of the scanners is hit. */
export function chunked(buf: Buffer, size = 37): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}
