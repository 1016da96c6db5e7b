// Real Docker for integration tests. No mocks: a missing engine fails the suite loudly (CI provides one).

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const DOCKER = process.env.DOCKER_PATH || 'docker';

export async function requireDocker(): Promise<void> {
  try {
    await exec(DOCKER, ['info', '--format', '{{.ServerVersion}}'], { timeout: 120_000 });
    await exec(DOCKER, ['buildx', 'version'], { timeout: 120_000 });
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
  /**
   * The manifest the engine's `docker save` names for the image (the host's platform's, under an index), or null
   * when its archive has no OCI index (Docker < 25 on the classic store). On the containerd store it is the
   * manifest the store keeps; on the classic store one docker save writes.
   */
  manifestDigest: string | null;
}

type SavedDoc = { manifests?: { digest: string; platform?: { os: string } }[]; config?: { digest: string } };

/**
 * How the default engine identifies a local image on its store: its Id, and from its own `docker save` archive
 * (unpacked with GNU tar) the manifest it names and that manifest's config.
 */
export async function engineIds(ref: string): Promise<EngineIds> {
  const engineId = (await docker(['image', 'inspect', '--format', '{{.Id}}', ref])).trim();
  const dir = mkdtempSync(join(tmpdir(), 'isg-save-'));
  try {
    await exec('sh', ['-c', '"$0" save "$1" | tar -x -C "$2"', DOCKER, ref, dir]);
    const read = (path: string): SavedDoc => JSON.parse(readFileSync(join(dir, path), 'utf8')) as SavedDoc;
    const blob = (digest: string): SavedDoc => read(join('blobs', 'sha256', digest.slice(7)));
    if (!existsSync(join(dir, 'index.json'))) {
      const config = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { Config: string }[])[0]!.Config;
      return { engineId, configDigest: `sha256:${config.replace(/\.json$/, '').split('/').pop()}`, manifestDigest: null };
    }
    let digest = read('index.json').manifests![0]!.digest;
    let doc = blob(digest);
    while (doc.manifests) {
      const own = doc.manifests.filter((m) => m.platform?.os !== 'unknown');
      if (own.length !== 1) throw new Error(`${ref}: ${own.length} platform manifests in the engine's index`);
      digest = own[0]!.digest;
      doc = blob(digest);
    }
    return { engineId, configDigest: doc.config!.digest, manifestDigest: digest };
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
