// `status` of each finding, comparing head with base: new (head only), existing (both),
// resolved (base only). Findings are matched by key (the id, unless a detector reports several of one id: then
// its own key); several findings of one key are matched in order, one base finding for each head finding.

import type { Finding, FindingId } from '../../model/report.js';
import type { DetectedFinding } from './context.js';

/**
 * Head findings (with head's message, bytes and evidence) in their order, then the base-only ones as
 * `resolved` (with base's data, which describes what went away).
 *
 * Without a base (`base === null`: a release gate, a new image) every head finding is `new`: there is
 * nothing it could have existed in, and "head only" is exactly what `new` means. Resolved findings never
 * fail a run (verdict.ts), whatever their severity.
 */
export function withStatus(head: DetectedFinding[], base: DetectedFinding[] | null, severityOf: (id: FindingId) => Finding['severity']): Finding[] {
  const unmatched = new Map<string, DetectedFinding[]>();
  for (const f of base ?? []) unmatched.set(keyOf(f), [...(unmatched.get(keyOf(f)) ?? []), f]);
  const out: Finding[] = head.map((f) => {
    const match = unmatched.get(keyOf(f))?.shift();
    return { ...f, severity: severityOf(f.id), status: match ? 'existing' : 'new' };
  });
  for (const left of unmatched.values()) for (const f of left) out.push({ ...f, severity: severityOf(f.id), status: 'resolved' });
  return out.map(ordered);
}

const keyOf = (f: DetectedFinding): string => f.key ?? f.id;

// Keep the report's field order (id, severity, status, message, bytes, evidence, dockerfile, then removedBy), and drop the key.
const ordered = (f: Finding): Finding => ({
  id: f.id,
  severity: f.severity,
  status: f.status,
  message: f.message,
  bytes: f.bytes,
  evidence: f.evidence,
  dockerfile: f.dockerfile,
  ...(f.removedBy ? { removedBy: f.removedBy } : {}),
});
