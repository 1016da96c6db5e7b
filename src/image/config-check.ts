// The shape of an ImageConfigSummary read back from the analysis cache (untrusted bytes): strings where strings
// belong, finite numbers where numbers do. Its fields are rendered later, so nothing else may get through.

import type { ImageConfigSummary } from './types.js';

const strOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const strList = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const strListOrNull = (v: unknown): boolean => v === null || strList(v);
const objects = (v: unknown, keys: readonly string[]): boolean =>
  Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null && keys.every((k) => typeof (e as Record<string, unknown>)[k] === 'string'));

function goodSettings(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return ['interval', 'timeout', 'startPeriod', 'startInterval', 'retries'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]) && (o[k] as number) >= 0);
}

export function checkConfig(config: unknown): config is ImageConfigSummary {
  if (typeof config !== 'object' || config === null) return false;
  const c = config as Record<string, unknown>;
  return (
    strListOrNull(c.entrypoint) &&
    strListOrNull(c.cmd) &&
    strListOrNull(c.healthcheck) &&
    [c.user, c.workingDir, c.stopSignal, c.baseName, c.baseDigest].every(strOrNull) &&
    objects(c.env, ['name', 'fingerprint']) &&
    strList(c.exposedPorts) &&
    strList(c.volumes) &&
    goodSettings(c.healthcheckSettings) &&
    objects(c.labels, ['name', 'value'])
  );
}
