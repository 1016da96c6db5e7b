// Runs the Action as the runner does: `node dist/index.js` as a child process, inputs as INPUT_* env, a
// pull_request event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, files of the workspace written first.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ActionRun {
  code: number;
  /** stdout and stderr, interleaved: the workflow commands */
  stdout: string;
  summary: string;
  reportFile: string;
}

export async function runActionIn(
  parent: string,
  inputs: Record<string, string>,
  opts: { files?: Record<string, string>; apiUrl?: string; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(parent, 'run-'));
  for (const [path, content] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: 'b'.repeat(40), ref: 'main' }, head: { sha: 'h'.repeat(40) } } }));
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: opts.apiUrl ?? 'http://127.0.0.1:9', // nothing listens: a run that must not call the API
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...opts.env,
  };
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, summary: readFileSync(join(dir, 'summary'), 'utf8'), reportFile: join(dir, 'image-size-guard', 'report.json') };
}
