// The findings as SARIF 2.1.0 for code scanning (input `sarif-file`, `--sarif FILE`): one run of
// image-size-guard, one rule per finding id that has a result (report/sarif-rules.ts), one result per finding and
// Dockerfile line — every image and platform of the report in one file, each result naming its image. Resolved
// findings are left out (gone from the image: code scanning closes their alerts). Pure.
//
// Code scanning refuses a whole upload when one result has no physical location, so a finding without a line is
// put on its Dockerfile's first line, and the findings of an image without a Dockerfile are left out (`unlocated`
// names those images). Fingerprints: see fingerprint() below.

import { createHash } from 'node:crypto';
import { normalizeInstruction } from '../image/instruction.js';
import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import type { Finding, ImageReport, Report } from '../model/report.js';
import { SARIF_RULES, type RuleText } from './sarif-rules.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of our partial fingerprint (SARIF's "<type>/v<version>" convention). */
export const FINGERPRINT_KEY = 'imageSizeGuard/v1';

export interface SarifOptions {
  /** The README's findings section, for each rule's helpUri; none when unknown. */
  helpUri?: string | undefined;
}

export interface SarifOutput {
  log: SarifLog;
  /** Images with findings but no Dockerfile to put them on: left out of the log. */
  unlocated: string[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [{ tool: { driver: SarifDriver }; results: SarifResult[] }];
}

interface SarifDriver {
  name: string;
  version: string;
  informationUri?: string;
  rules: SarifRule[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: 'warning' };
  properties: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning';
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }];
  partialFingerprints: Record<string, string>;
  properties: { image: string; platforms: string[]; status: 'new' | 'existing'; bytes: number | null };
}

/** One finding of one image on one Dockerfile line, with the platforms that have it. */
interface Located {
  name: string;
  finding: Finding;
  path: string;
  line: number;
  anchor: string;
  /** The normalised instruction that deleted or overwrote the bytes (wasted-space, deleted caches); "" for others. */
  remover: string;
  platforms: string[];
  error: boolean;
  isNew: boolean;
}

export function renderSarif(report: Report, opts: SarifOptions = {}): SarifOutput {
  const { located, unlocated } = locateFindings(report);
  const ids = Object.keys(SARIF_RULES).filter((id) => located.some((l) => l.finding.id === id));
  const rules = ids.map((id) => rule(id, SARIF_RULES[id as keyof typeof SARIF_RULES], opts.helpUri));
  const results = located.map((l): SarifResult => ({
    ruleId: l.finding.id,
    ruleIndex: ids.indexOf(l.finding.id),
    level: l.error ? 'error' : 'warning',
    message: { text: `${l.name}: ${l.finding.message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(l.path) }, region: { startLine: l.line } } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(l) },
    properties: { image: l.name, platforms: l.platforms, status: l.isNew ? 'new' : 'existing', bytes: l.finding.bytes },
  }));
  const driver: SarifDriver = { name: TOOL_NAME, version: TOOL_VERSION, ...(opts.helpUri ? { informationUri: opts.helpUri.replace(/#.*$/, '') } : {}), rules };
  return { log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ tool: { driver }, results }] }, unlocated };
}

function rule(id: string, text: RuleText, helpUri: string | undefined): SarifRule {
  return {
    id,
    name: text.name,
    shortDescription: { text: text.short },
    fullDescription: { text: text.full },
    help: { text: `${text.full}\n\nFix: ${text.fix}` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['container-image', 'image-size'] },
  };
}

/** The present findings, one per image, finding and line (platforms merged), in report order. */
function locateFindings(report: Report): { located: Located[]; unlocated: string[] } {
  const byKey = new Map<string, Located>();
  const unlocated = new Set<string>();
  for (const entry of report.images) {
    if (entry.status !== 'compared') continue;
    for (const finding of entry.findings) {
      if (finding.status === 'resolved') continue;
      const where = finding.dockerfile ?? (entry.head.dockerfile ? { path: entry.head.dockerfile, line: 1 } : null);
      if (!where) {
        unlocated.add(entry.name);
        continue;
      }
      // several wasted-space (or package-cache) findings can share the writer's line: their removers tell them apart
      const remover = finding.removedBy ? normalizeInstruction(finding.removedBy.instruction) : '';
      const key = JSON.stringify([entry.name, finding.id, where.path, where.line, remover, finding.removedBy?.dockerfile?.line ?? null]);
      const seen = byKey.get(key);
      if (seen) {
        seen.platforms.push(entry.platform);
        seen.error ||= finding.severity === 'error';
        seen.isNew ||= finding.status === 'new';
        continue;
      }
      const anchor = instructionAt(entry.head, where.line);
      byKey.set(key, { name: entry.name, finding, ...where, anchor, remover, platforms: [entry.platform], error: finding.severity === 'error', isNew: finding.status === 'new' });
    }
  }
  return { located: [...byKey.values()], unlocated: [...unlocated] };
}

/** The normalised instruction of the head layer made by that Dockerfile line ("" for a FROM line: no layer of its own). */
function instructionAt(head: ImageReport, line: number): string {
  const layer = head.layers.find((l) => l.dockerfileLine === line);
  return layer ? normalizeInstruction(layer.instruction) : '';
}

/**
 * The same finding gets the same fingerprint on every run, wherever its line moves: the image, the finding id,
 * the Dockerfile and the instruction text of its line (normalised: whitespace, shell and build-arg prefixes do
 * not count) — never the line number. Several results of one finding on different lines differ by their
 * instruction; findings on one line (wasted bytes written there, removed by different later steps) by the
 * remover's instruction. Code scanning's own line hash (upload-sarif adds it) sits next to it.
 */
function fingerprint(l: Pick<Located, 'name' | 'finding' | 'path' | 'anchor' | 'remover'>): string {
  // findings without a remover keep the fingerprint they had before removers were part of it
  const parts = l.remover ? [l.name, l.finding.id, l.path, l.anchor, l.remover] : [l.name, l.finding.id, l.path, l.anchor];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A repository-relative path as a URI reference: each segment percent-encoded (`#`, `?`, spaces, non-ASCII). */
export function fileUri(path: string): string {
  const encoded = path.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}
