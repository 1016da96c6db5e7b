// The typed model of one container image, as read from an archive. Everything downstream
// (diff, findings, reports) works on these types only.

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

/** One path of the final filesystem (all layers applied). */
export interface FileEntry {
  path: string; // absolute, normalised: "/usr/bin/sh"
  type: FileType;
  /**
   * Bytes of content this path accounts for. A hardlink counts 0: its content is counted once, under the
   * first name (unless that name is gone from the final filesystem, then under the hardlink).
   */
  size: number;
  mode: number;
  linkTarget: string | null; // symlink target as written, or the absolute path a hardlink points at
  layer: number; // index of the layer that last wrote this path
}

export type Compression = 'none' | 'gzip' | 'zstd';

export interface LayerSummary {
  index: number;
  diffId: string;
  /** Digest of the blob as stored (OCI layouts); null in the legacy docker-save layout. */
  digest: string | null;
  /** Cleaned instruction for display ("RUN apt-get install …"); "" when the history has none. */
  instruction: string;
  /**
   * The layer's comparison key: its history's created_by normalised (normalizeInstruction: shell and whitespace
   * left out, and BuildKit's build-arg prefix "|N K=V …" with it — build-arg values may be secrets, and the model
   * is kept in the analysis cache). "" when the history has none.
   */
  createdBy: string;
  /** Bytes of regular-file content in the layer's tar. */
  size: number;
  /** Entries that add or replace a non-directory path (whiteouts excluded). */
  fileCount: number;
  /**
   * Compressed size: the blob's size when the archive holds it compressed (exact), else a gzip level-6
   * estimate when one was asked for, else null.
   */
  compressedSize: number | null;
  compressedSizeExact: boolean;
  compression: Compression;
  /** Bytes this layer wrote that are not visible in the final filesystem (deleted or overwritten later). */
  wastedBytes: number;
}

export interface ImageConfigSummary {
  entrypoint: string[] | null;
  cmd: string[] | null;
  healthcheck: string[] | null;
  user: string | null;
  workingDir: string | null;
  /**
   * Environment variables in the config's order: each name, and a fingerprint of its value (a salted SHA-256,
   * cut short) so two images can tell a changed value apart. Never the value: it may be a secret.
   */
  env: { name: string; fingerprint: string }[];
  /** "80/tcp", sorted. */
  exposedPorts: string[];
  volumes: string[];
  stopSignal: string | null;
  /** The healthcheck's timing (nanoseconds, 0 when unset) and retries; null without a healthcheck. */
  healthcheckSettings: HealthcheckSettings | null;
  /** Labels by name, sorted by name. */
  labels: { name: string; value: string }[];
  /** The base image (`org.opencontainers.image.base.name` / `.base.digest`, from the manifest's annotations or else the labels). */
  baseName: string | null;
  baseDigest: string | null;
}

export interface HealthcheckSettings {
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** Bytes a layer wrote that the final filesystem does not show, and the layer that deleted or overwrote them. */
export interface WastedWrite {
  path: string;
  bytes: number;
  /** The layer that wrote them. */
  layer: number;
  /** The later layer that deleted them (file or directory whiteout, opaque directory, a file put over the directory) or overwrote them. */
  removedBy: number;
  how: 'deleted' | 'overwritten';
}

export interface ImageModel {
  /** Config digest, "sha256:…" (what `docker image inspect` calls Id on the classic store): the same on every store. */
  id: string;
  /**
   * Digest of the image's manifest where the source has one (a registry, an OCI layout or archive, docker save on
   * the containerd store): what a pull by digest names. null for archives without one (legacy docker save).
   */
  manifestDigest: string | null;
  platform: string; // "linux/amd64", "linux/arm64/v8"
  archiveFormat: 'docker-save' | 'oci';
  config: ImageConfigSummary;
  layers: LayerSummary[];
  /**
   * Final filesystem by absolute path, directories included ("/" excluded). Read-only; the reader's is a
   * compact index (FileIndex) that makes each FileEntry when asked, so compare entries by value, not identity.
   */
  files: ReadonlyMap<string, FileEntry>;
  /** Sum of layer sizes. */
  size: number;
  /** Non-directory paths in the final filesystem. */
  fileCount: number;
  /** Bytes of regular-file content visible in the final filesystem. */
  finalBytes: number;
  wastedBytes: number;
  efficiency: number;
  /** Sum of the layers' compressed sizes when every layer has one; null otherwise. */
  compressedSize: number | null;
  /** True when every layer's compressed size is its blob's real size. */
  compressedSizeExact: boolean;
  /** Final content of the few small files the findings read (package databases), by absolute path. */
  capturedFiles: Map<string, Buffer>;
  /** Every write counted in `wastedBytes`: their bytes add up to it. */
  waste: Iterable<WastedWrite>;
}
