// The image config's runtime settings as the report shows them, and what changed between base and head: a
// `USER` switched to root, an `EXPOSE 22`, a new entrypoint are changes a reviewer must see though no byte moved.
// Environment variables are compared by a fingerprint of their value and reported by name only.

import { BASE_DIGEST, BASE_NAME } from '../image/config-summary.js';
import type { ImageConfigSummary, ImageModel } from '../image/types.js';
import type { ConfigChanges, HealthcheckReport, ImageConfigReport, SetChange, SettingChange } from '../model/report.js';

type ConfigSide = Pick<ImageModel, 'config' | 'platform'>;

export function configReport(model: ConfigSide): ImageConfigReport {
  const c = model.config;
  return {
    user: c.user,
    entrypoint: c.entrypoint,
    cmd: c.cmd,
    workdir: c.workingDir,
    exposedPorts: c.exposedPorts,
    volumes: c.volumes,
    stopSignal: c.stopSignal,
    healthcheck: healthcheckOf(c),
    labels: ownLabels(c),
    env: c.env.map((e) => e.name),
    baseName: c.baseName,
    baseDigest: c.baseDigest,
    platform: model.platform,
  };
}

function healthcheckOf(c: ImageConfigSummary): HealthcheckReport | null {
  if (c.healthcheck === null) return null;
  const s = c.healthcheckSettings ?? { interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  return { test: c.healthcheck, ...s };
}

/** Labels without the base image's name and digest, which are their own settings. */
function ownLabels(c: ImageConfigSummary): { name: string; value: string }[] {
  return c.labels.filter((l) => l.name !== BASE_NAME && l.name !== BASE_DIGEST);
}

export function diffConfig(base: ConfigSide, head: ConfigSide): ConfigChanges {
  const b = configReport(base);
  const h = configReport(head);
  const out: ConfigChanges = {};
  const setting = <K extends 'user' | 'entrypoint' | 'cmd' | 'workdir' | 'stopSignal' | 'healthcheck' | 'baseName' | 'baseDigest' | 'platform'>(key: K): void => {
    if (JSON.stringify(b[key]) !== JSON.stringify(h[key])) (out as Record<K, SettingChange<unknown>>)[key] = { base: b[key], head: h[key] };
  };
  for (const key of ['user', 'entrypoint', 'cmd', 'workdir'] as const) setting(key);
  const ports = setChange(b.exposedPorts, h.exposedPorts);
  if (ports) out.exposedPorts = ports;
  const volumes = setChange(b.volumes, h.volumes);
  if (volumes) out.volumes = volumes;
  for (const key of ['stopSignal', 'healthcheck'] as const) setting(key);
  const labels = labelChanges(b.labels, h.labels);
  if (labels) out.labels = labels;
  const env = envChanges(base.config, head.config);
  if (env) out.env = env;
  for (const key of ['baseName', 'baseDigest', 'platform'] as const) setting(key);
  return out;
}

function setChange(base: readonly string[], head: readonly string[]): SetChange | undefined {
  const added = head.filter((x) => !base.includes(x));
  const removed = base.filter((x) => !head.includes(x));
  return added.length || removed.length ? { added, removed } : undefined;
}

function labelChanges(base: ImageConfigReport['labels'], head: ImageConfigReport['labels']): ConfigChanges['labels'] {
  const before = new Map(base.map((l) => [l.name, l.value]));
  const after = new Map(head.map((l) => [l.name, l.value]));
  const added = head.filter((l) => !before.has(l.name));
  const removed = base.filter((l) => !after.has(l.name));
  const changed = head.filter((l) => before.has(l.name) && before.get(l.name) !== l.value).map((l) => ({ name: l.name, base: before.get(l.name)!, head: l.value }));
  return added.length || removed.length || changed.length ? { added, removed, changed } : undefined;
}

/** By name; a value counts as changed when its fingerprint differs (the values themselves are not in the model). */
function envChanges(base: ImageConfigSummary, head: ImageConfigSummary): ConfigChanges['env'] {
  const before = new Map(base.env.map((e) => [e.name, e.fingerprint]));
  const after = new Map(head.env.map((e) => [e.name, e.fingerprint]));
  const added = head.env.filter((e) => !before.has(e.name)).map((e) => e.name);
  const removed = base.env.filter((e) => !after.has(e.name)).map((e) => e.name);
  const changed = head.env.filter((e) => before.has(e.name) && before.get(e.name) !== e.fingerprint).map((e) => e.name);
  return added.length || removed.length || changed.length ? { added, removed, changed } : undefined;
}
