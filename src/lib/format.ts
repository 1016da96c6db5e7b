// Number formatting shared by every renderer: sizes in 1000-based units as `docker` prints them.

import prettyBytes from 'pretty-bytes';

const MINUS = '\u2212'; // typographic minus: reads better than a hyphen in tables

export function formatBytes(bytes: number): string {
  return prettyBytes(bytes, { maximumFractionDigits: Math.abs(bytes) >= 1e9 ? 2 : 1 }).replace(/^-/, MINUS);
}

/** "+1.2 MB", "−817 MB", "0 B" */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return '0 B';
  return (bytes > 0 ? '+' : MINUS) + formatBytes(Math.abs(bytes));
}

/** "+4.1%", "−99.8%"; null (no base size) → "" */
export function formatDeltaPercent(percent: number | null): string {
  if (percent === null) return '';
  if (percent === 0) return '0%';
  const abs = Math.abs(percent);
  return (percent > 0 ? '+' : MINUS) + (abs >= 10 ? abs.toFixed(1) : abs.toPrecision(2).replace(/\.?0+$/, '')) + '%';
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatCountDelta(n: number): string {
  if (n === 0) return '0';
  return (n > 0 ? '+' : MINUS) + formatCount(Math.abs(n));
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A git SHA (or an image digest) as 12 hex characters, the way git and docker abbreviate them; other refs as given. */
export function formatRef(ref: string): string {
  const digest = /^(sha256:)?([0-9a-f]{40}|[0-9a-f]{64})$/.exec(ref);
  return digest ? `${digest[1] ?? ''}${digest[2]!.slice(0, 12)}` : ref;
}
