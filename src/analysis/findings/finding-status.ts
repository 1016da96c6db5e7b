// `status` of each finding, comparing head with base: new (head only), existing (both),
// resolved (base only). Findings are matched by id: each detector reports at most one finding per image.

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
  const baseIds = new Set((base ?? []).map((f) => f.id));
  const headIds = new Set(head.map((f) => f.id));
  const out: Finding[] = head.map((f) => ({ ...f, severity: severityOf(f.id), status: baseIds.has(f.id) ? 'existing' : 'new' }));
  for (const f of base ?? []) if (!headIds.has(f.id)) out.push({ ...f, severity: severityOf(f.id), status: 'resolved' });
  return out.map(ordered);
}

// Keep the report's field order (id, severity, status, message, bytes, evidence, dockerfile).
const ordered = (f: Finding): Finding => ({
  id: f.id,
  severity: f.severity,
  status: f.status,
  message: f.message,
  bytes: f.bytes,
  evidence: f.evidence,
  dockerfile: f.dockerfile,
});
