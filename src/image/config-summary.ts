// The image config's runtime settings (OCI / Docker v1 "config" object) → ImageConfigSummary. The config is
// untrusted JSON: every field is type-checked and anything malformed is left out. Environment values are
// reduced to a fingerprint here, at the edge: no later stage holds a value, so none can print one.

import { createHash } from 'node:crypto';
import type { RawContainerConfig } from '../oci/config.js';
import type { HealthcheckSettings, ImageConfigSummary } from './types.js';

export const BASE_NAME = 'org.opencontainers.image.base.name';
export const BASE_DIGEST = 'org.opencontainers.image.base.digest';

/**
 * `annotations`: the image manifest's, when the source has one (OCI layouts, registries); the base image's name
 * and digest are read there first, then from labels of the same names.
 */
export function configSummary(raw: RawContainerConfig | null | undefined, annotations?: unknown): ImageConfigSummary {
  const c: RawContainerConfig = obj(raw) ?? {};
  const labels = stringMap(c.Labels);
  const notes = obj(annotations) ?? {};
  const pick = (key: string): string | null => str(notes[key]) || labels.find((l) => l.name === key)?.value || null;
  return {
    entrypoint: strList(c.Entrypoint),
    cmd: strList(c.Cmd),
    healthcheck: strList(obj(c.Healthcheck)?.Test),
    user: str(c.User) || null,
    workingDir: str(c.WorkingDir) || null,
    env: envFingerprints(c.Env),
    exposedPorts: keysOf(c.ExposedPorts),
    volumes: keysOf(c.Volumes),
    stopSignal: str(c.StopSignal) || null,
    healthcheckSettings: healthcheckSettings(c.Healthcheck),
    labels,
    baseName: pick(BASE_NAME),
    baseDigest: pick(BASE_DIGEST),
  };
}

/**
 * A value's fingerprint: SHA-256 over a fixed salt, the name and the value, 16 bytes of it. Equal values give
 * equal fingerprints in every run (a cached base compares with a fresh head); the value cannot be read back.
 */
export function envFingerprint(name: string, value: string): string {
  return createHash('sha256').update(`isg-env-1\u0000${name}\u0000${value}`).digest('hex').slice(0, 32);
}

function envFingerprints(env: unknown): { name: string; fingerprint: string }[] {
  if (!Array.isArray(env)) return [];
  const byName = new Map<string, string>(); // a repeated name: the last one wins, as the runtime does
  for (const entry of env) {
    if (typeof entry !== 'string' || entry === '') continue;
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (name === '') continue;
    byName.delete(name);
    byName.set(name, envFingerprint(name, eq < 0 ? '' : entry.slice(eq + 1)));
  }
  return [...byName].map(([name, fingerprint]) => ({ name, fingerprint }));
}

function healthcheckSettings(h: unknown): HealthcheckSettings | null {
  const o = obj(h);
  if (o === null || strList(o.Test) === null) return null;
  const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return { interval: n(o.Interval), timeout: n(o.Timeout), startPeriod: n(o.StartPeriod), startInterval: n(o.StartInterval), retries: n(o.Retries) };
}

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strList = (v: unknown): string[] | null => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : null);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The keys of a JSON object used as a set ({"80/tcp": {}}), sorted. */
function keysOf(v: unknown): string[] {
  const o = obj(v);
  return o === null ? [] : Object.keys(o).sort(byCodeUnit);
}

function stringMap(v: unknown): { name: string; value: string }[] {
  const o = obj(v);
  if (o === null) return [];
  return Object.keys(o)
    .filter((k) => typeof o[k] === 'string')
    .sort(byCodeUnit)
    .map((name) => ({ name, value: o[name] as string }));
}
