// Finds docker and buildx and learns what the builder can export. Errors name what is missing and what was found.

import { dockerCommand, lastLine, runCommand, ToolMissingError } from '../exec/exec.js';
import { UserError } from '../model/errors.js';

export class BuildError extends UserError {}

export interface BuilderInfo {
  dockerVersion: string;
  buildxVersion: string;
  builder: string;
  driver: string; // docker, docker-container, remote, kubernetes, cloud…
  /** Can `buildx build --output type=oci,dest=-` hand us the image (compressed blobs, no --load/save)? */
  canExportOci: boolean;
}

export async function detectBuilder(builder: string | undefined): Promise<BuilderInfo> {
  const docker = dockerCommand();
  // The four questions are asked at once (each docker CLI start costs ~0.1 s); the answers are checked in order,
  // so the first thing missing is what the error names.
  const asked = [
    runCommand(docker, ['version', '--format', '{{.Client.Version}}']),
    runCommand(docker, ['buildx', 'version']),
    runCommand(docker, ['buildx', 'inspect', ...(builder ? [builder] : [])]),
    usesContainerdStore(docker),
  ] as const;
  for (const p of asked) p.catch(() => undefined); // each is awaited below, in order
  const version = await asked[0].catch((err: unknown) => {
    if (err instanceof ToolMissingError) throw new BuildError('docker is not installed or not on PATH: image-size-guard builds with docker buildx');
    throw err;
  });
  const dockerVersion = version.stdout.trim() || 'unknown';
  if (version.code !== 0) throw new BuildError(`docker ${dockerVersion} cannot reach a Docker engine: ${lastLine(version.stderr, 'docker version failed')}`);
  const bx = await asked[1];
  if (bx.code !== 0) {
    throw new BuildError(`docker buildx is not available (docker ${dockerVersion} found): install the buildx plugin, e.g. with docker/setup-buildx-action`);
  }
  const buildxVersion = /v?(\d+\.\d+\.\d+\S*)/.exec(bx.stdout)?.[1] ?? bx.stdout.trim();
  const inspect = await asked[2];
  if (inspect.code !== 0) {
    throw new BuildError(`buildx builder ${builder ? `"${builder}" ` : ''}is not usable: ${lastLine(inspect.stderr, 'buildx inspect failed')}`);
  }
  const name = /^Name:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? builder ?? 'default';
  const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? 'docker';
  // The docker driver exports OCI only on the containerd image store; every other driver always can.
  const canExportOci = driver !== 'docker' || (await asked[3]);
  return { dockerVersion, buildxVersion, builder: name, driver, canExportOci };
}

async function usesContainerdStore(docker: string): Promise<boolean> {
  const info = await runCommand(docker, ['info', '--format', '{{json .DriverStatus}}']).catch(() => null);
  return info !== null && info.code === 0 && info.stdout.includes('io.containerd.snapshotter');
}
