// Every registry fault the user can act on: one line, exit 2 (an ImageSourceError, which the CLI knows).

import { ImageSourceError } from '../image/source-error.js';

export class RegistryError extends ImageSourceError {}

/** What to say when a registry wants credentials we do not have. */
export function loginHint(registry: string): string {
  const host = registry === 'docker.io' ? '' : ` ${registry}`;
  return `run \`docker login${host}\` (in a workflow: docker/login-action) before this step`;
}
