// Several images from YAML: the Action's `images` input (a list) and the CLI's config file (a mapping with a
// top-level `images:` list). Entry keys are the single-image option names; the top-level inputs or flags are
// defaults an entry overrides. Every entry is checked before anything is built, and each mistake is one line
// that names the entry. Unknown keys are mistakes too: a typo (`max_size`) must not pass as "no budget".

import { LineCounter, parseDocument } from 'yaml';
import { oneLine, quoted } from '../lib/one-line.js';
import type { ImageOptions } from '../pipeline/compare-options.js';
import { checkBuildArgs } from './build-options.js';
import { parseFailOn } from './fail-on.js';
import { ConfigError } from './errors.js';
import { BUDGET_KEYS, readBudgets } from './budget-options.js';
import { checkPlatformOption } from './platform-option.js';

export const ENTRY_KEYS = ['name', 'context', 'dockerfile', 'target', 'build-args', 'platform', 'image', 'base-image', ...BUDGET_KEYS, 'fail-on'] as const;

type EntryKey = (typeof ENTRY_KEYS)[number];

/** What the top-level inputs or flags give every entry, already checked. */
export type ImageDefaults = Pick<ImageOptions, 'context' | 'dockerfile' | 'target' | 'buildArgs' | 'platform' | 'budgets' | 'failOn'>;

/** The parts of an image's options that decide what is built (not its budgets), as one comparable string. */
export function definitionKey(o: Pick<ImageOptions, 'context' | 'dockerfile' | 'target' | 'buildArgs' | 'platform' | 'image' | 'baseImage'>): string {
  return JSON.stringify([o.context, o.dockerfile ?? null, o.target ?? null, o.buildArgs, o.platform ?? null, o.image ?? null, o.baseImage ?? null]);
}

/** YAML text → a value; syntax errors are one line each, with line and column. */
export function parseYaml(text: string, what: string, problems: string[]): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const at = ` at line ${pos.line}, column ${pos.col}`;
      problems.push(`${what}: YAML error${at}: ${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  return doc.toJS();
}

/**
 * A list of entries → one ImageOptions each (with their definitionKey). Mistakes go to `problems`, one line
 * each, prefixed with `what` (e.g. "images" or the config file's name) and the entry's name.
 */
export function parseImageList(value: unknown, what: string, defaults: ImageDefaults, problems: string[]): ImageOptions[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${what}: must be a YAML list of images, e.g. "- name: api" with "context: services/api" under it`);
    return [];
  }
  const out: ImageOptions[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const entry = parseEntry(raw, i, what, defaults, problems);
    if (!entry?.name) return;
    const first = seen.get(entry.name);
    if (first !== undefined) problems.push(`${what}: entry ${i + 1}: name ${quoted(entry.name, 60)} is already used by entry ${first + 1} (names must be unique)`);
    else seen.set(entry.name, i);
    out.push(entry);
  });
  return out;
}

/** A config file (`images:` at the top) → its entries. */
export function parseConfigFile(text: string, file: string, defaults: ImageDefaults, problems: string[]): ImageOptions[] {
  const before = problems.length;
  const doc = parseYaml(text, file, problems);
  if (problems.length > before) return [];
  if (!isMapping(doc)) {
    problems.push(`${file}: must be a YAML mapping with an "images:" list at the top`);
    return [];
  }
  for (const key of Object.keys(doc)) if (key !== 'images') problems.push(`${file}: unknown top-level key ${quoted(key, 40)} (only "images" is read)`);
  if (!('images' in doc)) {
    problems.push(`${file}: has no "images:" list`);
    return [];
  }
  return parseImageList(doc.images, `${file}: images`, defaults, problems);
}

/** The entries' definition keys by name, as a config file's text defines them; null when it does not parse. */
export function definitionKeysOf(text: string, file: string, defaults: ImageDefaults): Map<string, string> | null {
  const problems: string[] = [];
  const entries = parseConfigFile(text, file, defaults, problems);
  if (problems.length) return null;
  return new Map(entries.map((e) => [e.name!, e.definitionKey!]));
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseEntry(raw: unknown, index: number, what: string, defaults: ImageDefaults, problems: string[]): ImageOptions | null {
  if (!isMapping(raw)) {
    problems.push(`${what}: entry ${index + 1} is not a mapping of options (e.g. "- name: api")`);
    return null;
  }
  const name = typeof raw.name === 'string' ? raw.name.trim() : raw.name === undefined || raw.name === null ? '' : String(raw.name);
  const label = name ? `${what}: ${oneLine(name, 60)}` : `${what}: entry ${index + 1}`;
  const fail = (message: string): void => void problems.push(`${label}: ${message}`);
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
      return undefined;
    }
  };

  if (!name) fail('name is required (it labels the image and its row)');
  else if (name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) fail(`name ${quoted(name, 40)} must be one line of at most 100 characters`);
  checkKeys(raw, fail);
  const text = (key: EntryKey): string | undefined => entryValue(raw, key, fail);

  const budgets = readBudgets(text, (key) => `${label}: ${key}`, defaults.budgets, problems);
  const failOnRaw = Array.isArray(raw['fail-on']) ? (raw['fail-on'] as unknown[]).map(String).join(',') : text('fail-on');
  const failOn = failOnRaw === undefined ? defaults.failOn : (attempt(() => parseFailOn(failOnRaw, `${label}: fail-on`)) ?? defaults.failOn);
  const buildArgs = mergeBuildArgs(defaults.buildArgs, readBuildArgs(raw['build-args'], label, problems));
  const image = text('image');
  const baseImage = text('base-image');
  const context = text('context') ?? defaults.context;
  const dockerfile = text('dockerfile') ?? defaults.dockerfile;
  const target = text('target') ?? defaults.target;
  const platformText = text('platform');
  // one platform, a comma list (an entry per platform), or all — as the platform input
  const platform = platformText === undefined ? defaults.platform : attempt(() => checkPlatformOption(platformText, `${label}: platform`));
  const options: ImageOptions = { name: name || undefined, context, dockerfile, target, buildArgs, platform, image, baseImage, budgets, failOn };
  options.definitionKey = definitionKey(options);
  return options;
}

/** Each key an entry does not know, with the key it most likely meant. */
function checkKeys(raw: Record<string, unknown>, fail: (message: string) => void): void {
  const known = new Set<string>(ENTRY_KEYS);
  for (const key of Object.keys(raw)) {
    if (known.has(key)) continue;
    const like = closest(key);
    fail(`unknown key ${quoted(key, 40)}${like ? ` (did you mean ${like}?)` : ` (keys: ${ENTRY_KEYS.join(', ')})`}`);
  }
}

/** An entry's value as text (YAML numbers and booleans too), trimmed; undefined when absent or not one value. */
function entryValue(raw: Record<string, unknown>, key: EntryKey, fail: (message: string) => void): string | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (typeof v === 'string') {
    if (v.trim() === '') fail(`${key} is empty`);
    return v.trim() || undefined;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  fail(v === null ? `${key} has no value` : `${key} must be a single value (got a ${Array.isArray(v) ? 'list' : 'mapping'})`);
  return undefined;
}

/** `build-args` as a mapping (KEY: value) or a list of KEY=VALUE. */
function readBuildArgs(v: unknown, label: string, problems: string[]): string[] {
  if (v === undefined) return [];
  let args: string[];
  if (Array.isArray(v)) args = v.map((a) => (typeof a === 'string' ? a.trim() : String(a)));
  else if (isMapping(v)) {
    args = [];
    for (const [k, value] of Object.entries(v)) {
      if (value === null || typeof value === 'object') {
        problems.push(`${label}: build-args: ${quoted(k, 40)} needs a single value`);
        continue;
      }
      args.push(`${k}=${String(value)}`);
    }
  } else if (typeof v === 'string') args = v.split('\n').map((l) => l.trim()).filter(Boolean);
  else {
    problems.push(`${label}: build-args must be a mapping (KEY: value) or a list of KEY=VALUE`);
    return [];
  }
  try {
    return checkBuildArgs(args, `${label}: build-args: each one`);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(err.message);
    return [];
  }
}

/** Defaults first, then the entry's: an entry's KEY replaces the default's KEY (as a repeated --build-arg would). */
function mergeBuildArgs(defaults: string[], own: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const a of [...defaults, ...own]) byKey.set(a.slice(0, a.indexOf('=')), a);
  return [...byKey.values()];
}

/** The entry key a typo most likely meant: same letters with _ for -, or at most two edits away. */
function closest(key: string): string | undefined {
  const k = key.toLowerCase().replace(/_/g, '-');
  let best: { name: string; d: number } | undefined;
  for (const name of ENTRY_KEYS) {
    const d = name === k ? 0 : editDistance(k, name);
    if (d <= 2 && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
