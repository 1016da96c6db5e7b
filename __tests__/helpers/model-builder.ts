// Builds ImageModels directly (no archive) for the analysis unit tests.

import { cleanInstruction } from '../../src/image/instruction.js';
import type { FileEntry, FileType, ImageConfigSummary, ImageModel, LayerSummary, WastedWrite } from '../../src/image/types.js';

/** [diffId, createdBy, size] per layer, in order. */
export type LayerSpec = readonly [diffId: string, createdBy: string, size: number];

export function layers(...specs: LayerSpec[]): LayerSummary[] {
  return specs.map(([diffId, createdBy, size], index) => ({
    index,
    diffId,
    digest: null,
    instruction: cleanInstruction(createdBy),
    createdBy,
    size,
    fileCount: 1,
    compressedSize: null,
    compressedSizeExact: false,
    compression: 'none',
    wastedBytes: 0,
  }));
}

/** A path's spec: a number is a regular file of that size; "dir"; or a partial entry ({ type: 'symlink', linkTarget }). */
export type FileSpec = number | 'dir' | { type: FileType; size?: number; linkTarget?: string | null };

/** A final filesystem; parent directories are added as the reader would list them. */
export function files(spec: Record<string, FileSpec>): Map<string, FileEntry> {
  const out = new Map<string, FileEntry>();
  for (const [path, s] of Object.entries(spec)) {
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1)) {
      const dir = path.slice(0, i);
      if (!out.has(dir)) out.set(dir, entry(dir, 'dir', 0, null));
    }
    if (s === 'dir') out.set(path, entry(path, 'dir', 0, null));
    else if (typeof s === 'number') out.set(path, entry(path, 'file', s, null));
    else out.set(path, entry(path, s.type, s.size ?? 0, s.linkTarget ?? null));
  }
  return out;
}

const entry = (path: string, type: FileType, size: number, linkTarget: string | null): FileEntry => ({ path, type, size, mode: type === 'dir' ? 0o755 : 0o644, linkTarget, layer: 0 });

/** A config with nothing set. */
export function emptyConfig(): ImageConfigSummary {
  return {
    entrypoint: null,
    cmd: null,
    healthcheck: null,
    user: null,
    workingDir: null,
    env: [],
    exposedPorts: [],
    volumes: [],
    stopSignal: null,
    healthcheckSettings: null,
    labels: [],
    baseName: null,
    baseDigest: null,
  };
}

export function imageModel(opts: { layers?: LayerSummary[]; files?: Map<string, FileEntry>; compressedSize?: number | null; size?: number; waste?: WastedWrite[] }): ImageModel {
  const ls = opts.layers ?? [];
  const fs = opts.files ?? new Map<string, FileEntry>();
  const finalBytes = [...fs.values()].reduce((s, e) => s + (e.type === 'file' ? e.size : 0), 0);
  const size = opts.size ?? ls.reduce((s, l) => s + l.size, 0);
  return {
    id: 'sha256:' + 'c'.repeat(64),
    manifestDigest: null,
    platform: 'linux/amd64',
    archiveFormat: 'oci',
    config: emptyConfig(),
    layers: ls,
    files: fs,
    size,
    fileCount: [...fs.values()].filter((e) => e.type !== 'dir').length,
    finalBytes,
    wastedBytes: Math.max(0, size - finalBytes),
    efficiency: size > 0 ? finalBytes / size : 1,
    compressedSize: opts.compressedSize ?? null,
    compressedSizeExact: false,
    capturedFiles: new Map(),
    waste: opts.waste ?? [],
  };
}
