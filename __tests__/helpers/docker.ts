// Real Docker for integration tests. No mocks: a missing engine fails the suite loudly (CI provides one).

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
