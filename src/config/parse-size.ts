// Parsing of the budget inputs: "250MB", "1.5GiB", "10MB, 5%", "20".
// Decimal numbers only: "1.5" and ".5" yes; "5.", "1e3", "+5", "1,000", "0x10" no (typos more often than intent).

import { quoted } from '../lib/one-line.js';
import type { IncreaseLimit } from '../model/options.js';
import { ConfigError } from './errors.js';

const SIZE_EXAMPLES = '(examples: 250MB, 1.5GiB, 800kB)';
const INCREASE_EXAMPLES = '(examples: "10MB", "5%", "10MB, 5%")';
const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12,
  kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};
const NUMBER = String.raw`([0-9]+(?:\.[0-9]+)?|\.[0-9]+)`;
const SIZE_RE = new RegExp(String.raw`^${NUMBER}[ \t]*([a-z]*)$`, 'i');
const PERCENT_RE = new RegExp(String.raw`^${NUMBER}[ \t]*%$`);

type Parsed = number | 'bad' | 'negative';

function parseWith(re: RegExp, text: string, toValue: (n: number, unit: string) => number | null): Parsed {
  const t = text.trim();
  const m = re.exec(t.startsWith('-') ? t.slice(1).trimStart() : t);
  if (!m) return 'bad';
  const value = toValue(Number(m[1]), (m[2] ?? '').toLowerCase());
  if (value === null || !Number.isFinite(value)) return 'bad';
  return t.startsWith('-') ? 'negative' : value;
}

function sizeValue(text: string): Parsed | 'too-large' {
  const v = parseWith(SIZE_RE, text, (n, unit) => {
    const factor = unit === '' ? 1 : UNITS[unit];
    return factor === undefined ? null : Math.round(n * factor);
  });
  return typeof v === 'number' && v > Number.MAX_SAFE_INTEGER ? 'too-large' : v;
}

const percentValue = (text: string): Parsed => parseWith(PERCENT_RE, text, (n) => n);

/** Bytes (rounded to an integer); 1000-based B/kB/MB/GB/TB, 1024-based KiB/MiB/GiB/TiB, any case; a bare number is bytes. */
export function parseSize(text: string, what: string): number {
  if (text.trim() === '') throw new ConfigError(`${what}: no size given ${SIZE_EXAMPLES}`);
  const v = sizeValue(text);
  if (typeof v === 'number') return v;
  const problem = v === 'negative' ? 'is negative' : v === 'too-large' ? 'is too large' : 'is not a size';
  throw new ConfigError(`${what}: ${quoted(text.trim(), 40)} ${problem} ${SIZE_EXAMPLES}`);
}

/** "10MB", "5%", or both comma-separated in any order (at most one of each). */
export function parseIncrease(text: string, what = 'max-increase'): IncreaseLimit {
  function fail(subject: string, problem: string): never {
    throw new ConfigError(`${what}: ${quoted(subject.trim(), 40)} ${problem} ${INCREASE_EXAMPLES}`);
  }
  if (text.trim() === '') throw new ConfigError(`${what}: no limit given ${INCREASE_EXAMPLES}`);
  const limit: IncreaseLimit = { bytes: null, percent: null, text: '' };
  let bytesText = '';
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') fail(text, 'has an empty part');
    const isPercent = part.endsWith('%');
    const v = isPercent ? percentValue(part) : sizeValue(part);
    if (v === 'negative') fail(part, 'is negative');
    if (v === 'too-large') fail(part, 'is too large');
    if (typeof v !== 'number') fail(part, 'is not a size or a percent');
    if (isPercent) {
      if (limit.percent !== null) fail(text, 'lists two percent limits');
      limit.percent = v;
    } else {
      if (limit.bytes !== null) fail(text, 'lists two byte limits');
      limit.bytes = v;
      bytesText = part;
    }
  }
  limit.text = [limit.bytes === null ? null : bytesText, limit.percent === null ? null : `${limit.percent}%`]
    .filter((p) => p !== null)
    .join(', ');
  return limit;
}

/** A whole number of layers, 1..10000. */
export function parseLayerCount(text: string, what: string): number {
  const t = text.trim();
  const n = /^[0-9]+$/.test(t) ? Number(t) : NaN;
  if (n >= 1 && n <= 10000) return n;
  throw new ConfigError(`${what}: ${quoted(text.trim(), 40)} is not a layer count (a whole number from 1 to 10000, e.g. 20)`);
}
