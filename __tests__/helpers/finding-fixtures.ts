// Hand-made images for the finding detectors' unit tests: files with modes and layers, and a context.

import { DEFAULT_THRESHOLDS, type DockerfileInfo, type FindingContext, type FindingThresholds } from '../../src/analysis/findings/context.js';
import type { FileEntry, ImageConfigSummary } from '../../src/image/types.js';
import { files as baseFiles, imageModel, layers as makeLayers, type LayerSpec } from './model-builder.js';

export const KB = 1_000;
export const MB = 1_000_000;

/** A path: a number is a non-executable regular file of that size; "dir"; or a full spec. */
export type Spec = number | 'dir' | { type?: FileEntry['type']; size?: number; mode?: number; layer?: number; target?: string };

export const exe = (size: number, layer = 0): Spec => ({ type: 'file', size, mode: 0o755, layer });
export const file = (size: number, layer = 0): Spec => ({ type: 'file', size, mode: 0o644, layer });
export const link = (target: string, layer = 0): Spec => ({ type: 'symlink', target, mode: 0o777, layer });
export const hardlink = (target: string, layer = 0): Spec => ({ type: 'hardlink', target, mode: 0o755, layer });

export function fs(spec: Record<string, Spec>): Map<string, FileEntry> {
  const plain: Parameters<typeof baseFiles>[0] = {};
  for (const [p, s] of Object.entries(spec)) {
    plain[p] = typeof s === 'number' || s === 'dir' ? s : { type: s.type ?? 'file', size: s.size ?? 0, linkTarget: s.target ?? null };
  }
  const out = baseFiles(plain);
  for (const [p, s] of Object.entries(spec)) {
    if (typeof s === 'number' || s === 'dir') continue;
    const e = out.get(p)!;
    if (s.mode !== undefined) e.mode = s.mode;
    if (s.layer !== undefined) e.layer = s.layer;
  }
  return out;
}

/** Layers named by their created_by; three by default: base, a RUN, a COPY. */
const DEFAULT_LAYERS: LayerSpec[] = [
  ['sha256:' + 'a'.repeat(64), '/bin/sh -c #(nop) ADD file:rootfs in / ', 0],
  ['sha256:' + 'b'.repeat(64), 'RUN /bin/sh -c apt-get update && apt-get install -y gcc # buildkit', 0],
  ['sha256:' + 'd'.repeat(64), 'COPY . /app # buildkit', 0],
];

export interface CtxOptions {
  files?: Map<string, FileEntry>;
  layers?: LayerSpec[];
  captured?: Record<string, string>;
  dockerfile?: DockerfileInfo | null;
  layerLines?: (number | null)[];
  config?: Partial<ImageConfigSummary>;
  thresholds?: Partial<FindingThresholds>;
}

export function ctx(opts: CtxOptions = {}): FindingContext {
  const model = imageModel({ layers: makeLayers(...(opts.layers ?? DEFAULT_LAYERS)), files: opts.files ?? new Map() });
  model.config = { ...model.config, ...opts.config };
  return {
    model,
    captured: new Map(Object.entries(opts.captured ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8')])),
    dockerfile: opts.dockerfile ?? null,
    layerLines: opts.layerLines ?? [null, null, null],
    thresholds: { ...DEFAULT_THRESHOLDS, ...opts.thresholds },
  };
}

/** A distroless-style image: no shell, /etc, CA certificates, one static binary. */
export function distrolessFiles(): Map<string, FileEntry> {
  return fs({
    '/etc/passwd': file(1 * KB),
    '/etc/group': file(500),
    '/etc/nsswitch.conf': file(300),
    '/etc/ssl/certs/ca-certificates.crt': file(220 * KB),
    '/usr/share/ca-certificates': 'dir',
    '/tmp': 'dir',
    '/home/nonroot': 'dir',
    '/root': 'dir',
    '/var/lib/dpkg/status.d/base': file(2 * KB),
    '/app/server': exe(12 * MB, 2),
  });
}

/** dpkg status stanzas: [name, installed-size KiB, status]. */
export function dpkgStatus(pkgs: [string, number, string?][]): string {
  return pkgs
    .map(([name, kib, status]) =>
      [`Package: ${name}`, `Status: ${status ?? 'install ok installed'}`, 'Priority: optional', `Installed-Size: ${kib}`, 'Description: something', ' with a continuation line: here', ''].join('\n'),
    )
    .join('\n');
}

/** apk installed-db blocks: [name, installed bytes]. */
export function apkInstalled(pkgs: [string, number][]): string {
  return pkgs.map(([name, bytes]) => `C:Q1abc=\nP:${name}\nV:1.0-r0\nA:x86_64\nS:1000\nI:${bytes}\nT:desc\n`).join('\n');
}
