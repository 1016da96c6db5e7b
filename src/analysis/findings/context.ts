// What every finding detector reads. The detectors are pure functions of this context (docs/architecture.md,
// "Adding a finding").

import type { ImageModel } from '../../image/types.js';
import type { InstalledPackages } from '../packages/installed-packages.js';
import type { Finding } from '../../model/report.js';

export interface FindingThresholds {
  /** build-tools / missing-multi-stage fire only when the tooling adds up to at least this many bytes. */
  buildToolsMinBytes: number;
  /** package-cache fires only when the caches add up to at least this many bytes (per writer → remover pair for deleted caches). */
  packageCacheMinBytes: number;
  /** wasted-space fires for a writer → remover pair of instructions whose wasted bytes reach this. */
  wastedSpaceMinBytes: number;
  /** Evidence entries kept per finding; the message says "and N more" for the rest. */
  maxEvidence: number;
}

/**
 * Defaults, in decimal bytes (formatBytes prints 1000-based units, so "1 MB" reads as 1,000,000):
 * - buildToolsMinBytes 1 MB: real tooling is tens to hundreds of MB (gcc ≈ 50–100 MB, a Go toolchain
 *   ≈ 200–500 MB, a JDK ≈ 100 MB, libc6-dev ≈ 15 MB, musl-dev ≈ 1.2 MB installed); below 1 MB what is left is a
 *   stray header or an empty /usr/include, not worth a warning.
 * - packageCacheMinBytes 1 MB: `apt-get update` alone leaves 20–50 MB of lists and a pip/npm cache is
 *   rarely under a few MB; a few KB of leftovers (an apk index stub, a lock file) are noise.
 * - wastedSpaceMinBytes 5 MB: what apt-get leaves when it runs in several layers is rewritten bookkeeping —
 *   /var/cache/debconf/templates.dat (~0.75 MB) and its -old copy, /var/lib/dpkg/status and status-old
 *   (~80 kB each), ld.so.cache — 0.9–1.7 MB per pair of layers on Debian bookworm; a multi-stage COPY --from of
 *   /etc/passwd and friends replaces a few kB. A download or build tree deleted a step later is tens of MB.
 * - maxEvidence 10: enough to show where the bytes are; a busybox image has ~400 applet links and a
 *   -dev-heavy image dozens of packages, which would drown the PR comment.
 */
export const DEFAULT_THRESHOLDS: FindingThresholds = Object.freeze({
  buildToolsMinBytes: 1_000_000,
  packageCacheMinBytes: 1_000_000,
  wastedSpaceMinBytes: 5_000_000,
  maxEvidence: 10,
});

/** The part of the Dockerfile model the findings use; null when no Dockerfile is known. */
export interface DockerfileInfo {
  path: string;
  /** True when the stage that produces the image is the only stage (or uses nothing from other stages). */
  singleStage: boolean;
  /** 1-based line of the producing stage's FROM. */
  fromLine: number;
}

export interface FindingContext {
  model: ImageModel;
  /** Final content of a few small files ('/var/lib/dpkg/status', '/lib/apk/db/installed') when present. */
  captured: ReadonlyMap<string, Buffer>;
  dockerfile: DockerfileInfo | null;
  /** Dockerfile line per layer index (null when unknown); may be shorter than the layer list. */
  layerLines: (number | null)[];
  thresholds: FindingThresholds;
  /** The image's packages with their bytes, when known: messages name the biggest ones behind a finding. */
  packages?: InstalledPackages;
}

/**
 * A finding as a detector reports it: its status (against the base) and severity (from fail-on) are decided later.
 * `key` matches it with the base's findings when a detector can report several of one id (one per writer →
 * remover pair); the id alone otherwise.
 */
export type DetectedFinding = Omit<Finding, 'status' | 'severity'> & { key?: string };

export type Evidence = Finding['evidence'][number];
