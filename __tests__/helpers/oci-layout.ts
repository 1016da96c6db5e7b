// A multi-platform OCI image layout in memory, shaped as BuildKit writes one: index.json → a nested image
// index → one manifest per platform, plus an attestation manifest (unknown/unknown, annotated). The files can
// be tarred (an OCI archive) or written to a directory (an oci-dir). Layers are gzip blobs.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tarBuffer, type TEntry } from './make-archive.js';

export interface PlatformImage {
  platform: { os: string; architecture: string; variant?: string };
  /** Each layer's tar entries. */
  layers: TEntry[][];
}

export interface Layout {
  /** Relative path → content, every file of the layout. */
  files: Map<string, Buffer>;
  /** Per platform: image id (config digest), layer blob digests and sizes. */
  images: { platform: string; id: string; blobs: { digest: string; size: number }[] }[];
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function makeOciLayout(images: PlatformImage[]): Promise<Layout> {
  const files = new Map<string, Buffer>();
  const blob = (content: Buffer): { digest: string; size: number } => {
    files.set(`blobs/sha256/${sha(content)}`, content);
    return { digest: `sha256:${sha(content)}`, size: content.length };
  };
  const out: Layout['images'] = [];
  const descriptors: object[] = [];
  for (const image of images) {
    const tars = await Promise.all(image.layers.map((entries) => tarBuffer(entries)));
    const blobs = tars.map((t) => blob(gzipSync(t)));
    const config = Buffer.from(
      JSON.stringify({
        ...image.platform,
        config: {},
        rootfs: { type: 'layers', diff_ids: tars.map((t) => `sha256:${sha(t)}`) },
        history: tars.map((_, i) => ({ created_by: `COPY layer${i} / # buildkit` })),
      }),
    );
    const c = blob(config);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...c },
        layers: blobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...b })),
      }),
    );
    const m = blob(manifest);
    descriptors.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, platform: image.platform });
    const p = image.platform;
    out.push({ platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/'), id: c.digest, blobs });
  }
  // BuildKit's provenance: a manifest whose "config" is not an image config, marked as an attestation.
  const statement = blob(Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'));
  const attestation = blob(
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...statement }, layers: [] })),
  );
  descriptors.push({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    ...attestation,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': 'sha256:' + '0'.repeat(64) },
  });
  const nested = blob(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descriptors })));
  files.set('index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...nested }] })));
  files.set('oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}'));
  return { files, images: out };
}

export function layoutTar(layout: Layout): Promise<Buffer> {
  return tarBuffer([...layout.files].map(([path, content]) => ({ path, content })));
}

export function writeLayout(layout: Layout, dir: string): void {
  for (const [path, content] of layout.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
