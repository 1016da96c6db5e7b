// Number formatting shared by every renderer: sizes in 1000-based units as `docker` prints them.

import prettyBytes from 'pretty-bytes';

export function formatBytes(bytes: number): string {
  return prettyBytes(bytes, { maximumFractionDigits: bytes >= 1e9 ? 2 : 1 });
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
