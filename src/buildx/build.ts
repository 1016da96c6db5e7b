// Builds one image with buildx and reads it without a temporary copy:
//  - builders that can export OCI stream `--output type=oci,dest=-` straight into the reader (exact compressed sizes);
//    several platforms (`--platform a,b`) are one build whose archive holds an image per platform;
//  - otherwise `--load` to a unique temporary tag, then `docker save` piped into the reader; the tag is always removed.
//    The classic docker driver cannot load several platforms at once, so such a build is refused up front.
//    When the temporary tags may go, and why a build that lost its image is tried again: temporary-tags.ts.

import { randomBytes } from 'node:crypto';
import { readImage } from '../sources/open-image.js';
import { readImageArchive, readImageArchives, type ReadOptions } from '../image/read-image.js';
import type { ImageModel } from '../image/types.js';
import { BuildError, type BuilderInfo } from './builder.js';
import { dockerCommand, lastLine, runSync, spawnStreaming } from '../exec/exec.js';
import { lineSplitter, openBuildLog, type BuildLogMode } from './build-log.js';
import { registerCleanup } from '../exec/cleanup-on-signal.js';
import { lostItsImage, temporaryTags } from './temporary-tags.js';

export interface BuildSpec {
  label: string; // "base" or "head": used in logs, temporary tags and errors
  context: string;
  dockerfile: string;
  target?: string | undefined;
  buildArgs: string[]; // KEY=VALUE
  /** One platform, or a comma list built at once (needs an OCI-exporting builder). */
  platform?: string | undefined;
  extraFlags: string[];
}

export interface BuiltImage {
  /** One per platform, in the archive's order. */
  models: ImageModel[];
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
  const platforms = (spec.platform ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (platforms.length > 1) {
    if (!builder.canExportOci) {
      throw new BuildError(
        `building several platforms at once (${platforms.join(', ')}) needs a builder that exports OCI, and "${builder.builder}" is the docker driver on the classic image store: run \`docker buildx create --use\` (in a workflow: docker/setup-buildx-action) or enable the containerd image store`,
      );
    }
    return buildOci(spec, args, logMode, read, platforms);
  }
  const readOpts: ReadOptions = { ...read, platform: spec.platform ?? read.platform };
  return builder.canExportOci ? buildOci(spec, args, logMode, readOpts) : buildLoad(spec, args, logMode, readOpts);
}

async function buildOci(spec: BuildSpec, args: string[], logMode: BuildLogMode, read: ReadOptions, platforms?: string[]): Promise<BuiltImage> {
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
  let models: ImageModel[] | null = null;
  let readError: unknown = null;
  try {
    models = platforms ? await readImageArchives(child.stdout, platforms, read) : [await readImageArchive(child.stdout, read)];
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
  return { models: models as ImageModel[], buildMs: (firstByte || done) - started, readMs: done - (firstByte || done), exportedAs: 'oci' };
}

async function buildLoad(spec: BuildSpec, args: string[], logMode: BuildLogMode, read: ReadOptions): Promise<BuiltImage> {
  const tag = `image-size-guard-tmp/${spec.label.replace(/[^a-z0-9]/g, '').slice(0, 40)}:${randomBytes(6).toString('hex')}`;
  const started = performance.now();
  temporaryTags.track(tag);
  try {
    for (let attempt = 1; ; attempt++) {
      const failure = await temporaryTags.build(() => loadBuild(spec, args, tag, logMode));
      if (failure === null) break;
      if (attempt === 1 && lostItsImage(failure)) {
        process.stderr.write(`image-size-guard: ${spec.label} build lost its image to a removal while it was exported (another build of the same content?): building it again\n`);
        continue;
      }
      throw new BuildError(`${spec.label} build failed: ${failure}`);
    }
    const built = performance.now();
    const model = await readImage({ kind: 'local', ref: tag }, read);
    return { models: [model], buildMs: built - started, readMs: performance.now() - built, exportedAs: 'docker-save' };
  } finally {
    await temporaryTags.release(tag);
  }
}

/** Runs `buildx build --load -t tag`; null when it succeeded, else the reason it failed (one line). */
async function loadBuild(spec: BuildSpec, args: string[], tag: string, logMode: BuildLogMode): Promise<string | null> {
  const log = openBuildLog(`build ${spec.label} (buildx --load)`, logMode, process.stderr, spec.label);
  const lines = lineSplitter(log);
  const child = spawnStreaming(dockerCommand(), [...args, '--load', '-t', tag, spec.context]);
  // Interrupted: stop the build, so that it cannot tag after its tag was removed, and remove the tag (again).
  const unregister = registerCleanup(() => {
    child.kill('SIGINT');
    runSync(dockerCommand(), ['image', 'rm', tag]);
  });
  child.stdin.end();
  child.stdout.setEncoding('utf8').on('data', (d: string) => lines.write(d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => lines.write(d));
  try {
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c) => resolve(c ?? 1));
    });
    lines.flush();
    log.end(code !== 0);
    return code === 0 ? null : lastLine(log.tail(), `buildx exited with ${code}`);
  } finally {
    unregister();
  }
}
