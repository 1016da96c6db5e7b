// Image references with Docker's rules (distribution/reference's normalisation): "alpine" is
// docker.io/library/alpine:latest, the first path component is a registry only when it looks like a host
// (has a "." or a ":", is "localhost", or has capitals), tags and digests as Docker accepts them.

import { oneLine } from '../lib/one-line.js';
import { isDigest } from '../oci/digest.js';
import { RegistryError } from './errors.js';

export interface ImageReference {
  /** The registry as named, the key for credentials: "docker.io", "ghcr.io", "127.0.0.1:5000", "[::1]:5000". */
  registry: string;
  /** Host[:port] that serves the API: Docker Hub's is registry-1.docker.io. */
  apiHost: string;
  /** Repository path: "library/alpine", "owner/app". */
  repository: string;
  tag: string | null;
  digest: string | null;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const MAX_NAME = 255;

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?$`);

export function parseReference(input: string): ImageReference {
  const bad = (why: string): RegistryError => new RegistryError(`invalid image reference "${oneLine(input, 200)}": ${why}`);
  if (input === '' || /\s/.test(input)) throw bad('empty or contains whitespace');
  let rest = input;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw bad('the digest must be sha256:<64 hex> or sha512:<128 hex>');
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad(`"${oneLine(tag, 200)}" is not a valid tag`);
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      if (!HOST.test(first)) throw bad(`"${oneLine(first, 200)}" is not a valid registry host`);
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === DOCKER_HUB_API) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  if (path === '' || !path.split('/').every((c) => COMPONENT.test(c))) {
    throw bad(path !== path.toLowerCase() ? 'the repository name must be lowercase' : 'not a valid repository name');
  }
  if (registry.length + 1 + path.length > MAX_NAME) throw bad(`the name is longer than ${MAX_NAME} characters`);
  if (tag === null && digest === null) tag = 'latest';
  return { registry, apiHost: registry === DOCKER_HUB ? DOCKER_HUB_API : registry, repository: path, tag, digest };
}

/** "ghcr.io/o/app:v1", "docker.io/library/alpine@sha256:…" */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/** What to ask the registry for: the digest when there is one (it pins the content), else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? (ref.tag as string);
}

/** Loopback hosts are spoken to in plain HTTP (as the Docker daemon's default insecure range); the rest in HTTPS. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
