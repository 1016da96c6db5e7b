// Runs a tool and captures its output: the one way build/ talks to docker and git.

import { spawn, type SpawnOptions } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class ToolMissingError extends Error {}

/** Runs cmd to completion. Never throws for a non-zero exit; throws ToolMissingError when cmd is not installed. */
export function runCommand(cmd: string, args: string[], opts: SpawnOptions & { input?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new ToolMissingError(`${cmd} is not installed or not on PATH`) : err),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    if (opts.input !== undefined) {
      child.stdin?.on('error', () => undefined); // a tool that exits without reading its input is not our failure
      child.stdin?.end(opts.input);
    }
  });
}

/** The last meaningful line of a tool's stderr, for a one-line error message. */
export function lastLine(text: string, fallback: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(-+|=+)$/.test(l));
  return lines.pop()?.replace(/^(ERROR|error):\s*/, '') ?? fallback;
}
