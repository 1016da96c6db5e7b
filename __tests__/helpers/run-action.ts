// Runs the bundled Action (`node dist/index.js`) as the runner would: inputs as INPUT_* env, a pull_request
// event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the API at a local fake. The workspace is given (a git
// repository for builds of base and head).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGitHub } from './fake-github.js';

export interface ActionRun {
  code: number;
  /** stdout and stderr, interleaved */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  reportFile: string;
}

export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

export interface ActionContext {
  gh: FakeGitHub;
  /** where run directories (event file, outputs, report) are made */
  scratch: string;
  workspace: string;
  baseSha: string;
  headSha?: string;
}

export async function runAction(ctx: ActionContext, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(ctx.scratch, 'run-'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: ctx.baseSha, ref: 'main' }, head: { sha: ctx.headSha ?? 'h'.repeat(40) } } }));
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKFLOW: 'image size',
    GITHUB_JOB: 'image-size',
    GITHUB_API_URL: ctx.gh.url,
    GITHUB_GRAPHQL_URL: ctx.gh.graphqlUrl,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: ctx.workspace,
    RUNNER_TEMP: dir,
    ISG_RETRY_BASE_MS: '20',
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'true',
    'INPUT_COMPRESSED-SIZE': 'auto',
    'INPUT_FAIL-ON': 'budget',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: ctx.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    log,
    outputs: parseOutputs(readFileSync(join(dir, 'output'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
    reportFile: join(dir, 'image-size-guard', 'report.json'),
  };
}
