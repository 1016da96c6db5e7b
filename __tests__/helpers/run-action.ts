// Runs the bundled Action (`node dist/index.js`) as the runner would: a child process under this Node, inputs as
// INPUT_* env (hyphens kept), a pull_request event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the API at a
// local fake (or at a port where nothing listens, for runs that must not call it). The one runner of the tests.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FakeGitHub } from './fake-github.js';

export interface ActionRun {
  code: number;
  /** the child was killed after `timeoutMs` */
  timedOut: boolean;
  /** stdout and stderr, interleaved: the log with its workflow commands */
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

export interface ActionOptions {
  /** where the run's directory (event file, outputs, summary, report) is made */
  scratch: string;
  inputs: Record<string, string>;
  /** the fake GitHub API; without one, a port where nothing listens */
  gh?: Pick<FakeGitHub, 'url' | 'graphqlUrl'> | undefined;
  /** GITHUB_WORKSPACE; the run's own directory when unset */
  workspace?: string | undefined;
  /** files written into the workspace first (path → content) */
  files?: Record<string, string> | undefined;
  baseSha?: string | undefined;
  headSha?: string | undefined;
  env?: Record<string, string> | undefined;
  /** kill the child after this long */
  timeoutMs?: number | undefined;
}

export async function runActionProcess(o: ActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(o.scratch, 'run-'));
  const workspace = o.workspace ?? dir;
  for (const [path, content] of Object.entries(o.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: o.baseSha ?? 'b'.repeat(40), ref: 'main' }, head: { sha: o.headSha ?? 'h'.repeat(40) } } }));
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const api = o.gh?.url ?? 'http://127.0.0.1:9';
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
    GITHUB_API_URL: api,
    GITHUB_GRAPHQL_URL: o.gh?.graphqlUrl ?? `${api}/graphql`,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    ISG_RETRY_BASE_MS: '20',
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'true',
    'INPUT_COMPRESSED-SIZE': 'auto',
    'INPUT_FAIL-ON': 'budget',
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...o.env,
  };
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let timedOut = false;
  const timer = o.timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), o.timeoutMs) : null;
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  if (timer) clearTimeout(timer);
  return {
    code,
    timedOut,
    log,
    outputs: parseOutputs(readFileSync(join(dir, 'output'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
    reportFile: join(dir, 'image-size-guard', 'report.json'),
  };
}

export interface ActionContext {
  gh: FakeGitHub;
  scratch: string;
  workspace: string;
  baseSha: string;
  headSha?: string;
}

/** A run in a given workspace (a git repository for builds of base and head). */
export function runAction(ctx: ActionContext, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  return runActionProcess({ scratch: ctx.scratch, inputs, gh: ctx.gh, workspace: ctx.workspace, baseSha: ctx.baseSha, headSha: ctx.headSha, env: extraEnv });
}

/** The log's lines outside the stop-commands blocks (where workflow commands are live). */
export function liveLines(log: string): string[] {
  const out: string[] = [];
  let token: string | null = null;
  for (const line of log.split('\n')) {
    if (token) {
      if (line === `::${token}::`) token = null;
      continue;
    }
    const stop = /^::stop-commands::([0-9a-f]{32})$/.exec(line);
    if (stop) token = stop[1]!;
    else out.push(line);
  }
  return out;
}
