// The image config's settings as rows, shared by the markdown and text renderers: what changed between base and
// head (diff.config), and one image's settings (inspect). Environment variables appear by name only; their
// values are not in the report at all. Values and names from the image are untrusted: they stay raw here and each
// renderer escapes them (code spans in markdown, oneLine in a terminal).

import { formatCount } from '../lib/format.js';
import { oneLine } from '../lib/one-line.js';
import { codeSpan } from './markdown-escape.js';
import { renderTable } from './table.js';
import type { ConfigChanges, DiffReport, HealthcheckReport, ImageConfigReport } from '../model/report.js';

/** A cell: a value from the image (shown as code), a word of ours, or null (not set). */
export type ConfigCell = { value: string } | { note: string } | null;

export interface ConfigRow {
  /** Our word for the setting: "user", "exposed port", "label", "env"… */
  setting: string;
  /** The name the row is about (a label's, a variable's, a port), from the image; null for a single setting. */
  name: string | null;
  base: ConfigCell;
  head: ConfigCell;
}

/** The config changes of a diff ({} for reports written before they were compared). */
export function configChanges(diff: DiffReport | null): ConfigChanges {
  return diff?.config ?? {};
}

const value = (v: string | null | undefined): ConfigCell => (v === null || v === undefined ? null : { value: v });
const argv = (v: string[] | null | undefined): ConfigCell => (v === null || v === undefined ? null : { value: JSON.stringify(v) });
const note = (text: string): ConfigCell => ({ note: text });

/** Nanoseconds as the Dockerfile writes them: "30s", "1m30s", "500ms". */
function duration(ns: number): string {
  const ms = Math.round(ns / 1e6);
  if (ms % 1000 !== 0) return `${ms}ms`;
  const s = ms / 1000;
  const parts = [[Math.floor(s / 3600), 'h'], [Math.floor((s % 3600) / 60), 'm'], [s % 60, 's']] as const;
  return parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join('') || '0s';
}

const TIMINGS = [
  ['interval', 'interval'],
  ['timeout', 'timeout'],
  ['startPeriod', 'start period'],
  ['startInterval', 'start interval'],
] as const;

/** "CMD [\"curl\",\"-f\",\"localhost\"] (interval 30s, retries 3)", "CMD-SHELL curl -f localhost", "NONE". */
export function healthcheckText(h: HealthcheckReport): string {
  const [kind = '', ...args] = h.test;
  const test = kind === 'CMD' ? `CMD ${JSON.stringify(args)}` : [kind, ...args].join(' ');
  const timing = TIMINGS.filter(([k]) => h[k] > 0).map(([k, label]) => `${label} ${duration(h[k])}`);
  if (h.retries > 0) timing.push(`retries ${h.retries}`);
  return timing.length ? `${test} (${timing.join(', ')})` : test;
}

const health = (h: HealthcheckReport | null | undefined): ConfigCell => (h ? { value: healthcheckText(h) } : null);

/** One row per changed setting, and one per added, removed or changed port, volume, label and variable. */
export function configChangeRows(c: ConfigChanges): ConfigRow[] {
  const rows: ConfigRow[] = [];
  const one = (setting: string, base: ConfigCell, head: ConfigCell): void => void rows.push({ setting, name: null, base, head });
  const named = (setting: string, name: string, base: ConfigCell, head: ConfigCell): void => void rows.push({ setting, name, base, head });
  if (c.user) one('user', value(c.user.base), value(c.user.head));
  if (c.entrypoint) one('entrypoint', argv(c.entrypoint.base), argv(c.entrypoint.head));
  if (c.cmd) one('cmd', argv(c.cmd.base), argv(c.cmd.head));
  if (c.workdir) one('workdir', value(c.workdir.base), value(c.workdir.head));
  for (const p of c.exposedPorts?.added ?? []) named('exposed port', p, null, note('exposed'));
  for (const p of c.exposedPorts?.removed ?? []) named('exposed port', p, note('exposed'), null);
  for (const v of c.volumes?.added ?? []) named('volume', v, null, note('declared'));
  for (const v of c.volumes?.removed ?? []) named('volume', v, note('declared'), null);
  if (c.stopSignal) one('stop signal', value(c.stopSignal.base), value(c.stopSignal.head));
  if (c.healthcheck) one('healthcheck', health(c.healthcheck.base), health(c.healthcheck.head));
  for (const l of c.labels?.added ?? []) named('label', l.name, null, value(l.value));
  for (const l of c.labels?.removed ?? []) named('label', l.name, value(l.value), null);
  for (const l of c.labels?.changed ?? []) named('label', l.name, value(l.base), value(l.head));
  for (const n of c.env?.added ?? []) named('env', n, null, note('set'));
  for (const n of c.env?.removed ?? []) named('env', n, note('set'), null);
  for (const n of c.env?.changed ?? []) named('env', n, note('set'), note('set, another value'));
  if (c.baseName) one('base image', value(c.baseName.base), value(c.baseName.head));
  if (c.baseDigest) one('base image digest', value(c.baseDigest.base), value(c.baseDigest.head));
  if (c.platform) one('platform', value(c.platform.base), value(c.platform.head));
  return rows;
}

/** "user, entrypoint, 1 exposed port, 2 env" — what the folded section holds, for its summary line. */
export function configChangeSummary(rows: readonly ConfigRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.setting, (counts.get(r.setting) ?? 0) + 1);
  return [...counts].map(([setting, n]) => (rows.some((r) => r.setting === setting && r.name !== null) ? `${formatCount(n)} ${setting}` : setting)).join(', ');
}

/** One image's settings (inspect), as [setting, name, value] rows; unset ones are left out. */
export function configSettingRows(c: ImageConfigReport): [string, string | null, ConfigCell][] {
  const rows: [string, string | null, ConfigCell][] = [
    ['user', null, value(c.user) ?? note('not set (root)')],
    ['entrypoint', null, argv(c.entrypoint)],
    ['cmd', null, argv(c.cmd)],
    ['workdir', null, value(c.workdir)],
    ['exposed ports', null, c.exposedPorts.length ? { value: c.exposedPorts.join(' ') } : null],
    ['volumes', null, c.volumes.length ? { value: c.volumes.join(' ') } : null],
    ['stop signal', null, value(c.stopSignal)],
    ['healthcheck', null, health(c.healthcheck)],
    ['env', null, c.env.length ? { value: c.env.join(' ') } : null],
    ['base image', null, value(c.baseName)],
    ['base image digest', null, value(c.baseDigest)],
    ['platform', null, value(c.platform)],
  ];
  for (const l of c.labels) rows.push(['label', l.name, value(l.value)]);
  return rows.filter(([, , cell]) => cell !== null);
}

/** Rows shown in the comment; the JSON report has them all. */
const MARKDOWN_ROWS = 40;
const NAMES_NOTE = 'Environment variables are compared by value and shown by name only.';

/** The folded "Config changes" section of the comment, or [] when nothing changed. */
export function configChangesMarkdown(diff: DiffReport | null): string[] {
  const rows = configChangeRows(configChanges(diff));
  if (rows.length === 0) return [];
  const cell = (c: ConfigCell): string => (c === null ? '—' : 'value' in c ? codeSpan(c.value, { inTable: true, max: 120 }) : c.note);
  const out = [`<details><summary>Config changes: ${configChangeSummary(rows)}</summary>`, '', '| setting | base | PR |', '|---|---|---|'];
  for (const r of rows.slice(0, MARKDOWN_ROWS)) {
    out.push(`| ${r.setting}${r.name === null ? '' : ` ${codeSpan(r.name, { inTable: true, max: 80 })}`} | ${cell(r.base)} | ${cell(r.head)} |`);
  }
  if (rows.length > MARKDOWN_ROWS) out.push('', `…and ${rows.length - MARKDOWN_ROWS} more (the JSON report lists them all)`);
  if (rows.some((r) => r.setting === 'env')) out.push('', NAMES_NOTE);
  out.push('', '</details>', '');
  return out;
}

const textCell = (c: ConfigCell, width: number): string => (c === null ? '—' : 'value' in c ? oneLine(c.value, width) : c.note);

/** The "Config changes" lines of the terminal report, or [] when nothing changed. */
export function configChangesText(diff: DiffReport | null, width: number): string[] {
  const rows = configChangeRows(configChanges(diff));
  if (rows.length === 0) return [];
  const settings = rows.map((r) => r.setting + (r.name === null ? '' : ` ${oneLine(r.name, 40)}`));
  // what is left of the line after the indent, the setting column, the arrow and the gaps, shared by base and PR
  const cut = Math.max(16, Math.floor((width - 2 - Math.max(7, ...settings.map((s) => s.length)) - 7) / 2));
  const cells = rows.map((r, i) => [settings[i]!, textCell(r.base, cut), '→', textCell(r.head, cut)]);
  const out = ['Config changes', ...renderTable(['setting', 'base', '', 'PR'], cells, ['left', 'left', 'left', 'left']).map((l) => '  ' + l)];
  if (rows.some((r) => r.setting === 'env')) out.push(`  (${NAMES_NOTE.toLowerCase().replace(/\.$/, '')})`);
  return out;
}

/** One image's settings for `inspect`'s terminal report. */
export function configText(config: ImageConfigReport, width: number): string[] {
  const rows = configSettingRows(config).map(([setting, name, c]) => [setting + (name === null ? '' : ` ${oneLine(name, 40)}`), textCell(c, Math.max(20, width - 30))]);
  return ['Config', ...renderTable(['setting', 'value'], rows, ['left', 'left']).map((l) => '  ' + l)];
}
