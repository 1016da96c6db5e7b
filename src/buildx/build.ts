// Builds one image with buildx and reads it without a temporary copy:
//  - builders that can export OCI stream `--output type=oci,dest=-` straight into the reader (exact compressed sizes);
//  - otherwise `--load` to a unique temporary tag, then `docker save` piped into the reader; the tag is always removed.

import { randomBytes } from 'node:crypto';
import { readImage } from '../sources/open-image.js';
import { readImageArchive, type ReadOptions } from '../image/read-image.js';
import type { ImageModel } from '../image/types.js';
import { BuildError, type BuilderInfo } from './builder.js';
import { dockerCommand, lastLine, runCommand, runSync, spawnStreaming } from '../exec/exec.js';
import { lineSplitter, openBuildLog, type BuildLogMode } from './build-log.js';
import { registerCleanup } from '../exec/cleanup-on-signal.js';

export interface BuildSpec {
  label: string; // "base" or "head": used in logs, temporary tags and errors
  context: string;
  dockerfile: string;
  target?: string | undefined;
  buildArgs: string[]; // KEY=VALUE
  platform?: string | undefined;
  extraFlags: string[];
}

export interface BuiltImage {
  model: ImageModel;
  /** Milliseconds spent building (until the image was ready to read) and reading it. */
  buildMs: number;
  readMs: number;
  exportedAs: 'oci' | 'docker-save';
}

export async function buildAndRead(spec: BuildSpec, builder: BuilderInfo, logMode: BuildLogMode, read: ReadOptions = {}): Promise<BuiltImage> {
  const args = ['buildx', 'build', '--builder', builder.builder, '--progress', 'plain', '-f', spec.dockerfile];
  if (spec.target) args.push('--target', spec.target);
  if (spec.platform) args.push('--platform', spec.platform);
  for (const a of spec.buildArgs) args.push('--build-arg', a);
  args.push(...spec.extraFlags);
  const readOpts: ReadOptions = { ...read, platform: spec.platform ?? read.platform };
  return builder.canExportOci ? buildOci(spec, args, logMode, readOpts) : buildLoad(spec, args, logMode, readOpts);
}

async function buildOci(spec: BuildSpec, args: string[], logMode: BuildLogMode, read: ReadOptions): Promise<BuiltImage> {
  const log = openBuildLog(`build ${spec.label} (buildx, OCI export)`, logMode, process.stderr, spec.label);
  const lines = lineSplitter(log);
  const started = performance.now();
  let firstByte = 0;
  const child = spawnStreaming(dockerCommand(), [...args, '--output', 'type=oci,dest=-', spec.context]);
  child.stdin.end();
  // Interrupted: stop the build (buildx cancels the solve when its client goes away).
  const unregister = registerCleanup(() => child.kill('SIGINT'));
  child.on('close', unregister);
  child.stderr.setEncoding('utf8').on('data', (d: string) => lines.write(d));
  child.stdout.once('data', () => (firstByte = performance.now()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  let model: ImageModel | null = null;
  let readError: unknown = null;
  try {
    model = await readImageArchive(child.stdout, read);
  } catch (err) {
    readError = err;
    child.kill();
  }
  const code = await exited;
  lines.flush();
  log.end(code !== 0 || readError !== null);
  if (code !== 0) throw new BuildError(`${spec.label} build failed: ${lastLine(log.tail(), `buildx exited with ${code}`)}`);
  if (readError) throw readError;
  const done = performance.now();
  return { model: model as ImageModel, buildMs: (firstByte || done) - started, readMs: done - (firstByte || done), exportedAs: 'oci' };
}

async function buildLoad(spec: BuildSpec, args: string[], logMode: BuildLogMode, read: ReadOptions): Promise<BuiltImage> {
  const tag = `image-size-guard-tmp/${spec.label.replace(/[^a-z0-9]/g, '').slice(0, 40)}:${randomBytes(6).toString('hex')}`;
  const log = openBuildLog(`build ${spec.label} (buildx --load)`, logMode, process.stderr, spec.label);
  const lines = lineSplitter(log);
  const started = performance.now();
  // Interrupted: stop the build first (so it cannot tag afterwards), then drop the tag.
  let child: ReturnType<typeof spawnStreaming> | null = null;
  const unregister = registerCleanup(() => {
    child?.kill('SIGINT');
    runSync(dockerCommand(), ['image', 'rm', '--force', tag]);
  });
  try {
    child = spawnStreaming(dockerCommand(), [...args, '--load', '-t', tag, spec.context]);
    child.stdin.end();
    const running = child;
    running.stdout?.setEncoding('utf8').on('data', (d: string) => lines.write(d));
    running.stderr?.setEncoding('utf8').on('data', (d: string) => lines.write(d));
    const code = await new Promise<number>((resolve, reject) => {
      running.on('error', reject);
      running.on('close', (c) => resolve(c ?? 1));
    });
    lines.flush();
    log.end(code !== 0);
    if (code !== 0) throw new BuildError(`${spec.label} build failed: ${lastLine(log.tail(), `buildx exited with ${code}`)}`);
    const built = performance.now();
    const model = await readImage({ kind: 'docker', ref: tag }, read);
    return { model, buildMs: built - started, readMs: performance.now() - built, exportedAs: 'docker-save' };
  } finally {
    unregister();
    await runCommand(dockerCommand(), ['image', 'rm', '--force', tag]).catch(() => undefined);
  }
}
