// A Retry-After header (RFC 9110 §10.2.3: delay-seconds or an HTTP date), for every client that retries.

/** Milliseconds to wait; null when the header is absent or unreadable. A date in the past is 0. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
