// The image config (OCI / Docker v1 JSON): the parts the model uses, parsed and checked against its manifest.

import { OciError } from './errors.js';
import { parseJsonObject } from './manifest.js';
import { platformString } from './platform.js';

/** The runtime settings of an image config, as untyped as a config another tool wrote may be. */
export interface RawContainerConfig {
  Entrypoint?: unknown;
  Cmd?: unknown;
  Healthcheck?: unknown;
  User?: unknown;
  WorkingDir?: unknown;
  Env?: unknown;
  ExposedPorts?: unknown;
  Volumes?: unknown;
  StopSignal?: unknown;
  Labels?: unknown;
}

export interface RawConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  config?: RawContainerConfig;
  rootfs?: { diff_ids?: string[] };
  history?: { created?: string; created_by?: string; comment?: string; empty_layer?: boolean }[];
}

/** The config, with one diff_id per layer of its manifest (`layers`); `what` names it in errors. */
export function parseConfig(bytes: Buffer, layers: number, what: string): RawConfig {
  const config = parseJsonObject<RawConfig>(bytes, `the image config of ${what}`);
  const diffIds = config.rootfs?.diff_ids;
  if (diffIds !== undefined && (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string'))) {
    throw new OciError(`the image config of ${what} has malformed diff_ids`);
  }
  const n = diffIds?.length ?? 0;
  if (n !== layers) throw new OciError(`the image config of ${what} lists ${n} layer(s) but its manifest ${layers}`);
  return config;
}

export function platformOf(config: RawConfig): string {
  return platformString(config.os, config.architecture, config.variant);
}
