// Real Docker for integration tests. No mocks: a missing engine fails the suite loudly (CI provides one).

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const DOCKER = process.env.DOCKER_PATH || 'docker';

export async function requireDocker(): Promise<void> {
  try {
    await exec(DOCKER, ['info', '--format', '{{.ServerVersion}}'], { timeout: 30_000 });
    await exec(DOCKER, ['buildx', 'version'], { timeout: 30_000 });
  } catch (err) {
    throw new Error(
      `integration tests need a running Docker engine with buildx (run .ci/setup-docker.sh as root): ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

export async function docker(args: string[], opts: { timeout?: number } = {}): Promise<string> {
  const { stdout } = await exec(DOCKER, args, { maxBuffer: 1 << 26, timeout: opts.timeout ?? 600_000 });
  return stdout;
}

/** Writes a build context (files: path → content) to a temp dir and returns it. */
export function makeContext(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'isg-ctx-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export async function buildImage(tag: string, files: Record<string, string | Buffer>): Promise<void> {
  const dir = makeContext(files);
  try {
    await docker(['buildx', 'build', '--quiet', '--load', '-t', tag, dir], { timeout: 900_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface HistoryRow {
  createdBy: string;
  size: number;
}

/** `docker history`, oldest first, sizes in bytes. */
export async function dockerHistory(ref: string): Promise<HistoryRow[]> {
  const out = await docker(['history', '--human=false', '--no-trunc', '--format', '{{json .}}', ref]);
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { CreatedBy: string; Size: string })
    .map((r) => ({ createdBy: r.CreatedBy, size: Number(r.Size) }))
    .reverse();
}

export async function rootfsLayers(ref: string): Promise<string[]> {
  return JSON.parse(await docker(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref])) as string[];
}

/** The default engine's image store, as the global setup found it. */
export const DEFAULT_STORE: 'classic' | 'containerd' = process.env.ISG_TEST_DEFAULT_STORE === 'containerd' ? 'containerd' : 'classic';

export interface EngineIds {
  /** What `docker image inspect` calls Id: the config digest on the classic store, the manifest or index digest on containerd's. */
  engineId: string;
  /** The config digest. */
  configDigest: string;
  /** The image manifest's digest for the host's platform, on the containerd store (the classic store keeps no manifest). */
  manifestDigest: string | null;
}

/**
 * How the default engine identifies a local image on its store. On the containerd store the config and manifest
 * digests come from the engine's own `docker save` archive (index.json → the manifest it names, or the platform
 * manifest of the index it names → its config), unpacked with GNU tar.
 */
export async function engineIds(ref: string): Promise<EngineIds> {
  const engineId = (await docker(['image', 'inspect', '--format', '{{.Id}}', ref])).trim();
  if (DEFAULT_STORE === 'classic') return { engineId, configDigest: engineId, manifestDigest: null };
  const dir = mkdtempSync(join(tmpdir(), 'isg-save-'));
  try {
    await exec('sh', ['-c', `"$0" save "$1" | tar -x -C "$2"`, DOCKER, ref, dir]);
    const blob = (digest: string): { mediaType?: string; manifests?: { digest: string; platform?: { os: string } }[]; config?: { digest: string } } =>
      JSON.parse(readFileSync(join(dir, 'blobs', 'sha256', digest.slice(7)), 'utf8'));
    let manifestDigest = engineId;
    let doc = blob(engineId);
    if (doc.manifests) {
      const own = doc.manifests.filter((m) => m.platform?.os !== 'unknown');
      if (own.length !== 1) throw new Error(`${ref}: ${own.length} platform manifests in the engine's index`);
      manifestDigest = own[0]!.digest;
      doc = blob(manifestDigest);
    }
    return { engineId, configDigest: doc.config!.digest, manifestDigest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function removeImages(...refs: string[]): Promise<void> {
  await exec(DOCKER, ['image', 'rm', '-f', ...refs]).catch(() => undefined);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (dist/cli/index.js) under the current Node as a child process. */
export function runDistCli(args: string[], opts: { cwd?: string; stdin?: Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/cli/index.js'), ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, ...(opts.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? Buffer.alloc(0));
  });
}
