// Number formatting shared by every renderer: sizes in 1000-based units as `docker` prints them.

const MINUS = '\u2212'; // typographic minus: reads better than a hyphen in tables

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
/**
 * One formatter per precision, made once: pretty-bytes' way (Number#toLocaleString with options) builds an Intl
 * formatter on every call, ~50× slower, which a comment on 200 images (20,000 sizes) feels. The output is
 * pretty-bytes' with `maximumFractionDigits` (its tests compare the two).
 */
const FRACTION_DIGITS = [1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, roundingMode: 'trunc', useGrouping: false }));

/** "1.2 MB", "−817 MB", "4.21 GB" (two decimals from 1 GB on) */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  let exponent = abs >= 1 ? Math.min(Math.floor(Math.log10(abs) / 3), UNITS.length - 1) : 0;
  let scaled = abs / 1000 ** exponent;
  // just below a unit boundary log10 rounds up to it
  if (scaled < 1 && exponent > 0) {
    scaled *= 1000;
    exponent -= 1;
  }
  return `${bytes < 0 ? MINUS : ''}${FRACTION_DIGITS[abs >= 1e9 ? 1 : 0]!.format(scaled)} ${UNITS[exponent]}`;
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
