// A child process timed from spawn to exit, for the bench scripts: its wall time, exit code and stderr.

import { spawn } from 'node:child_process';

export interface Timed {
  ms: number;
  code: number;
  stderr: string;
}

/** Runs `cmd` with stdin closed, stdout to `stdoutFd` (else discarded) and stderr collected. */
export function run(cmd: string, args: string[], opts: { cwd?: string; stdoutFd?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', opts.stdoutFd ?? 'ignore', 'pipe'], env: opts.env ?? process.env });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code: code ?? 1, stderr }));
  });
}

/** The run, or an error naming `what` with the last lines of its stderr. */
export async function must(p: Promise<Timed>, what: string): Promise<Timed> {
  const r = await p;
  if (r.code !== 0) throw new Error(`${what} failed: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return r;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
