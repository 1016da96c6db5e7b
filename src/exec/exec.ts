// The one module that runs other programs. Short commands (docker version, buildx inspect, git rev-parse,
// git worktree, docker rmi, credential helpers) go through @actions/exec with `silent`, so nothing they print
// reaches our stdout (which carries the report). The long pipes — `docker save` and `buildx --output
// type=oci,dest=-` into the reader, a build's log — are spawned here too, but handed back as a child process:
// the reader consumes them as streams with backpressure, which @actions/exec's buffered output cannot do.

import { getExecOutput } from '@actions/exec';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { UserError } from '../model/errors.js';
import { registerCleanup } from './cleanup-on-signal.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The program ran past RunOptions.timeoutMs and was killed (with whatever it had started). */
  timedOut?: true;
}

/** The program is not installed (or not on PATH). */
export class ToolMissingError extends UserError {}

export interface RunOptions {
  cwd?: string;
  /** Written to the program's stdin. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the program, and every process it started, after this long (programs that may never answer). */
  timeoutMs?: number;
}

/** Runs a command to completion. Never throws for a non-zero exit; throws ToolMissingError when it is not installed. */
export async function runCommand(cmd: string, args: string[], opts: RunOptions = {}): Promise<CommandResult> {
  if (opts.timeoutMs !== undefined) return runBounded(cmd, args, opts, opts.timeoutMs);
  try {
    const r = await getExecOutput(cmd, args, {
      silent: true,
      ignoreReturnCode: true,
      cwd: opts.cwd,
      env: opts.env as Record<string, string> | undefined,
      input: opts.input === undefined ? undefined : Buffer.from(opts.input),
    });
    return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    // @actions/exec looks the program up on PATH before it starts it, and says so when it cannot
    if (/Unable to locate executable file/i.test((err as Error).message)) throw new ToolMissingError(`${cmd} is not installed or not on PATH`);
    throw err;
  }
}

/**
 * runCommand with a time limit. The program runs in its own process group, so that a timeout kills what it
 * started too (a shell script's `sleep` would otherwise keep its output open, and us waiting).
 */
function runBounded(cmd: string, args: string[], opts: RunOptions, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const out = { stdout: '', stderr: '' };
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const unregister = registerCleanup(killGroup);
    const settle = (result: CommandResult | Error): void => {
      clearTimeout(timer);
      unregister();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const timer = setTimeout(() => {
      killGroup();
      child.stdout.destroy();
      child.stderr.destroy();
      settle({ code: 128 + 9, ...out, timedOut: true });
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => settle(err.code === 'ENOENT' ? new ToolMissingError(`${cmd} is not installed or not on PATH`) : err));
    child.on('close', (code, signal) => settle({ code: code ?? (signal ? 128 : 1), ...out }));
    child.stdin.on('error', () => undefined); // a program that exits without reading its input
    child.stdin.end(opts.input ?? '');
  });
}

/** Starts a long-running command whose stdout is read as a stream (stdin closed, stdout and stderr piped). */
export function spawnStreaming(cmd: string, args: string[], opts: { cwd?: string } = {}): ChildProcessWithoutNullStreams {
  return spawn(cmd, args, { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Synchronous and best effort: for cleanups that must finish inside a signal handler. */
export function runSync(cmd: string, args: string[], opts: { cwd?: string } = {}): void {
  spawnSync(cmd, args, { cwd: opts.cwd, stdio: 'ignore' });
}

/** The docker CLI to drive (DOCKER_PATH overrides the one on PATH). */
export function dockerCommand(): string {
  return process.env.DOCKER_PATH || 'docker';
}

/** The last meaningful line of a tool's stderr, for a one-line error message. */
export function lastLine(text: string, fallback: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(-+|=+)$/.test(l));
  return lines.pop()?.replace(/^(ERROR|error):\s*/, '') ?? fallback;
}
