// A JSON report read back from a file another job wrote (`merge`, the Action's `reports`) is untrusted input:
// it is checked field by field against the report schema (model/report.ts) before anything renders it, and the
// first bad field is named in one line. Fields this version does not know are left out of what it returns, so
// nothing unchecked travels on. A field added to the report is one line in the schema below (`.optional()`
// while older reports lack it).

import * as z from 'zod';
import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import { quoted } from '../lib/one-line.js';
import { UserError } from '../model/errors.js';
import { BUDGET_IDS, FINDING_IDS, SCHEMA_VERSION, type Report } from '../model/report.js';


const count = z.int().nonnegative(); // bytes, counts, indexes, line numbers
const delta = z.int();
const text = z.string();
/** Names and platforms label rows: one cell each. */
const label = z.string().min(1).max(256);
/** A platform ("linux/arm64/v8"), or as an image not built was given one ("linux/amd64,linux/arm64", "all"). */
const platform = label.regex(/^[A-Za-z0-9._/,+-]+$/, { message: 'not a platform (os/arch[/variant], a comma list, or all)' });
/** A budget's limit as the user wrote it ("10MB, 5%"): one line. */
const limit = z.string().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'must be one line of text' });
const location = z.object({ path: text, line: count });
const manager = z.enum(['dpkg', 'apk', 'pip', 'npm']);

const layer = z.object({
  diffId: text,
  instruction: text,
  size: count,
  compressedSize: count.nullable(),
  fileCount: count,
  dockerfileLine: count.nullable(),
});

const strings = z.array(text);
const healthcheck = z.object({ test: strings, interval: count, timeout: count, startPeriod: count, startInterval: count, retries: count });
const labelValue = z.object({ name: text, value: text });
const imageConfig = z.object({
  user: text.nullable(),
  entrypoint: strings.nullable(),
  cmd: strings.nullable(),
  workdir: text.nullable(),
  exposedPorts: strings,
  volumes: strings,
  stopSignal: text.nullable(),
  healthcheck: healthcheck.nullable(),
  labels: z.array(labelValue),
  env: strings,
  baseName: text.nullable(),
  baseDigest: text.nullable(),
  platform: text,
});
const setting = <T extends z.ZodType>(value: T) => z.object({ base: value.nullable(), head: value.nullable() }).optional();
const setChange = z.object({ added: strings, removed: strings }).optional();
const configChanges = z.object({
  user: setting(text),
  entrypoint: setting(strings),
  cmd: setting(strings),
  workdir: setting(text),
  exposedPorts: setChange,
  volumes: setChange,
  stopSignal: setting(text),
  healthcheck: setting(healthcheck),
  labels: z.object({ added: z.array(labelValue), removed: z.array(labelValue), changed: z.array(z.object({ name: text, base: text, head: text })) }).optional(),
  // names only, as the report always has them
  env: z.object({ added: strings, removed: strings, changed: strings }).optional(),
  baseName: setting(text),
  baseDigest: setting(text),
  platform: setting(text),
});

const imageReport = z.object({
  ref: text,
  source: z.enum(['registry', 'local', 'oci-dir', 'archive', 'build']),
  id: text,
  size: count,
  compressedSize: count.nullable(),
  compressedSizeExact: z.boolean(),
  fileCount: count,
  wastedBytes: count,
  efficiency: z.number().min(0),
  dockerfile: text.nullable(),
  layers: z.array(layer),
  packages: z.array(z.object({ manager, name: text, version: text, size: count })).optional(),
  config: imageConfig.optional(),
  fromCache: z.boolean().optional(),
  manifestDigest: text.optional(),
  resolvedBy: z.literal('previous').optional(),
});

const sizes = { baseSize: count.nullable(), headSize: count.nullable(), delta };

const diffReport = z.object({
  sizeDelta: delta,
  sizeDeltaPercent: z.number().nullable(),
  compressedSizeDelta: delta.nullable(),
  layers: z.array(z.object({ status: z.enum(['unchanged', 'changed', 'added', 'removed']), instruction: text, ...sizes })),
  files: z.array(z.object({ path: text, kind: z.enum(['file', 'dir']), status: z.enum(['added', 'removed', 'changed']), ...sizes })),
  packages: z.array(
    z.object({ manager, name: text, status: z.enum(['added', 'removed', 'upgraded']), baseVersion: text.nullable(), headVersion: text.nullable(), sizeDelta: delta }),
  ),
  growth: z.object({ instruction: text, delta, dockerfile: location.nullable() }).nullable(),
  // reports written before config changes were reported have none: nothing changed, as far as they know
  config: configChanges.default({}),
});

const finding = z.object({
  id: z.enum(FINDING_IDS),
  severity: z.enum(['warning', 'error']),
  status: z.enum(['new', 'existing', 'resolved']),
  message: text,
  bytes: count.nullable(),
  evidence: z.array(z.object({ path: text, size: count, layer: count, instruction: text })),
  dockerfile: location.nullable(),
  removedBy: z.object({ layer: count, instruction: text, dockerfile: location.nullable() }).optional(),
});

// A warn-* budget has level "warn", a max-* one "fail"; a report written before levels existed has none (its
// budgets are all max-*): read as "fail".
const budget = z
  .object({
    id: z.enum(BUDGET_IDS),
    limit,
    actual: z.number(),
    passed: z.boolean(),
    level: z.enum(['warn', 'fail']).optional(),
  })
  .superRefine((b, ctx) => {
    const expected = b.id.startsWith('warn-') ? 'warn' : 'fail';
    if ((b.level ?? 'fail') === expected) return;
    const got = b.level === undefined ? 'nothing' : JSON.stringify(b.level);
    ctx.addIssue({ code: 'custom', path: ['level'], input: b.level, message: `expected "${expected}" for ${b.id}, got ${got}` });
  })
  .transform((b) => ({ ...b, level: b.level ?? 'fail' }));

const reportFile = text.optional();

const comparedEntry = z.object({
  name: label,
  platform,
  status: z.literal('compared'),
  platformAdded: z.literal(true).optional(),
  head: imageReport,
  base: imageReport.nullable(),
  diff: diffReport.nullable(),
  findings: z.array(finding),
  budgets: z.array(budget),
  passed: z.boolean(),
  reportFile,
});

const notBuiltEntry = z.object({
  name: label,
  platform: platform.nullable(),
  status: z.literal('not-built'),
  passed: z.literal(true),
  reason: z.string().max(2000),
  reportFile,
});

const reportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal(TOOL_NAME), version: text }),
  passed: z.boolean(),
  images: z.array(z.discriminatedUnion('status', [comparedEntry, notBuiltEntry])),
  removedPlatforms: z.array(z.object({ name: label, platform, base: imageReport, reportFile })).optional(),
});

/** The report in `value` (parsed JSON), checked; a UserError "FILE: images[0].head.size: …" at the first bad field. */
export function validateReport(value: unknown, file: string): Report {
  const envelope = envelopeProblem(value);
  if (envelope) throw new UserError(`${file}: ${envelope}`);
  const result = reportSchema.safeParse(value, { reportInput: true });
  if (!result.success) throw new UserError(`${file}: ${describeIssue(result.error.issues[0]!)}`);
  return result.data;
}

/** Not a report at all, or one from a newer image-size-guard: said as such, before any field. */
function envelopeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `not an image-size-guard report (the JSON is ${describeValue(value)}, not an object)`;
  const v = value as { schemaVersion?: unknown; tool?: unknown };
  if (v.schemaVersion === undefined || v.tool === undefined) return `not an image-size-guard report (no ${v.schemaVersion === undefined ? 'schemaVersion' : 'tool'})`;
  if (typeof v.schemaVersion === 'number' && v.schemaVersion > SCHEMA_VERSION) {
    return `schemaVersion ${v.schemaVersion} is newer than this image-size-guard (${TOOL_VERSION}) reads (${SCHEMA_VERSION}): update image-size-guard`;
  }
  return null;
}

type Issue = z.core.$ZodIssue;

/** "images[2].head.size: expected a whole number ≥ 0, got "12"" */
function describeIssue(issue: Issue): string {
  const path = issue.path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
  return `${path || 'the report'}: ${problem(issue)}`;
}

const EXPECTED: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', object: 'an object', array: 'a list' };

function problem(issue: Issue): string {
  const got = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return got === undefined ? `missing (expected ${EXPECTED[issue.expected] ?? issue.expected})` : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(got)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(got)}`;
    case 'invalid_union': {
      // a discriminated union: the entry's status is none of the known ones
      const options = (issue as { options?: unknown[] }).options;
      const status = typeof got === 'object' && got !== null ? (got as { status?: unknown }).status : got;
      return options ? `expected ${options.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(status)}` : 'matches none of the allowed forms';
    }
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}, got ${describeValue(got)}`;
    case 'too_big':
      return issue.origin === 'string' ? `longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}, got ${describeValue(got)}`;
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return quoted(v, 40);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}
