// The size history file and the trend drawn from it: every line checked (a bad one named by its number, the
// rest used), the newest 1000 records kept, one point per commit, this run's point last, and every label that
// comes from the file or an image name harmless inside a mermaid chart and in markdown.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { HistoryRecord } from '../../src/model/history.js';
import type { ImageEntry, ImageReport, NotBuiltEntry } from '../../src/model/report.js';
import { appendRecord, hasRecord, HISTORY_KEEP, historyProblems, parseHistory, recordOf } from '../../src/report/history-codec.js';
import { makeReport } from '../../src/report/image-report.js';
import { historySeries, trendSeries } from '../../src/report/trend.js';
import { mermaidLabel, trendChart } from '../../src/report/trend-chart.js';
import { FOLD_AFTER, sparkline, trendLine, trendMarkdown, trendText, type TrendWords } from '../../src/report/trend-section.js';
import { renderHistoryMarkdown, renderHistoryText } from '../../src/report/history-table.js';

const sha = (n: number): string => (0xa000000 + n).toString(16).padEnd(40, '0');

function rec(n: number, sizes: Record<string, number>, ref = 'refs/heads/main'): HistoryRecord {
  return {
    sha: sha(n),
    ref,
    date: new Date(Date.UTC(2026, 0, 1, n)).toISOString(),
    images: Object.entries(sizes).map(([name, size]) => ({ name, platform: 'linux/amd64', size, compressedSize: Math.round(size / 3), compressedSizeExact: true, layers: 4 })),
  };
}

function side(size: number): ImageReport {
  return { ref: 'x', source: 'build', id: 'sha256:1', size, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: null, layers: [] };
}

const entry = (name: string, size: number, platform = 'linux/amd64'): ImageEntry => ({
  name, platform, status: 'compared', head: side(size), base: null, diff: null, findings: [], budgets: [], passed: true,
});

const PR: TrendWords = { currentLabel: 'PR #7', current: 'this PR', noun: 'merges', scope: 'on main' };
const lines = (rs: HistoryRecord[]): string => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('history file', () => {
  it('uses the good lines and names each bad one by its number', () => {
    const text = [
      JSON.stringify(rec(1, { api: 1 })),
      '',
      '{"sha": "zz"',
      JSON.stringify({ ...rec(2, { api: 2 }), sha: 'not-hex' }),
      JSON.stringify({ ...rec(3, { api: 3 }), images: [{ ...rec(3, { api: 3 }).images[0], size: -1 }] }),
      JSON.stringify({ ...rec(4, { api: 4 }), date: 'yesterday' }),
      '[1,2]',
      JSON.stringify({ ...rec(5, { api: 5 }), extra: { future: true } }),
    ].join('\n');
    const { records, problems } = parseHistory(text);
    assert.deepEqual(records.map((r) => r.sha), [sha(1), sha(5)]);
    assert.deepEqual(problems, [
      'line 3: not JSON',
      'line 4: sha is not a commit SHA (hex)',
      'line 5: images[0].size is not a whole number of bytes',
      'line 6: date is not an ISO date',
      'line 7: not a JSON object',
    ]);
    assert.deepEqual(historyProblems(problems.slice(0, 1), 'h\n.jsonl'), ['h ↵ .jsonl line 3: not JSON: the line is skipped']);
    const many = historyProblems(Array.from({ length: 13 }, (_, i) => `line ${i}: not JSON`), 'h.jsonl');
    assert.equal(many.length, 11);
    assert.equal(many[10], 'h.jsonl: 3 more bad lines skipped');
  });

  it('appending keeps the newest 1000 records, and fields it does not know', () => {
    let text = lines(Array.from({ length: HISTORY_KEEP }, (_, i) => rec(i, { api: i })));
    text = text.replace(JSON.stringify(rec(999, { api: 999 })), JSON.stringify({ ...rec(999, { api: 999 }), note: 'kept' }));
    const after = appendRecord(text, rec(1000, { api: 1000 }));
    const { records } = parseHistory(after);
    assert.equal(records.length, HISTORY_KEEP);
    assert.equal(records[0]!.sha, sha(1));
    assert.equal(records.at(-1)!.sha, sha(1000));
    assert.match(after, /"note":"kept"/);
    assert.ok(hasRecord(after, rec(1000, { api: 1000 })));
    assert.ok(!hasRecord(after, rec(0, { api: 0 })));
    assert.equal(appendRecord('', rec(1, { api: 1 })), JSON.stringify(rec(1, { api: 1 })) + '\n');
  });

  it("a run's record: the head of every compared image, none of those not built", () => {
    const notBuilt: NotBuiltEntry = { name: 'worker', platform: null, status: 'not-built', passed: true, reason: 'no change' };
    const arm = { ...entry('api', 2_000, 'linux/arm64'), head: { ...side(2_000), compressedSize: 900, compressedSizeExact: true, layers: [] } };
    const r = recordOf(makeReport([entry('api', 1_000), arm, notBuilt]), { sha: sha(1), ref: 'refs/heads/main', date: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(r, {
      sha: sha(1), ref: 'refs/heads/main', date: '2026-01-01T00:00:00.000Z',
      images: [
        { name: 'api', platform: 'linux/amd64', size: 1_000, compressedSize: null, compressedSizeExact: false, layers: 0 },
        { name: 'api', platform: 'linux/arm64', size: 2_000, compressedSize: 900, compressedSizeExact: true, layers: 0 },
      ],
    });
    assert.equal(parseHistory(JSON.stringify(r)).problems.length, 0, 'what we write we read');
  });
});

const history = [
  ...Array.from({ length: 40 }, (_, i) => rec(i, { api: 200_000_000 + i * 1_000_000, web: 5_000_000 })),
  rec(100, { api: 1 }, 'refs/heads/feature'),
  rec(101, { api: 2 }, 'refs/tags/v1.0.0'),
];

describe('trend', () => {
  it('the last 30 records of the default branch per image, this run last', () => {
    const [api, web] = trendSeries(history, [entry('api', 253_000_000), entry('web', 5_000_000)], { ref: 'refs/heads/main' });
    assert.equal(api!.points.length, 30);
    assert.equal(api!.points[0]!.size, 210_000_000);
    assert.equal(api!.points.at(-1)!.size, 239_000_000);
    assert.equal(api!.points.at(-1)!.label, sha(39).slice(0, 7));
    assert.equal(api!.current, 253_000_000);
    assert.equal(web!.points.length, 30);
    assert.equal(trendSeries(history, [entry('api', 5)], { ref: 'refs/tags/v1.0.0' })[0]!.points.length, 1);
  });

  it('a commit measured twice is one point (its last record); labels stay apart', () => {
    const twice = [rec(1, { api: 10 }), rec(2, { api: 20 }), rec(1, { api: 15 })];
    assert.deepEqual(trendSeries(twice, [entry('api', 30)])[0]!.points.map((p) => p.size), [20, 15]);
    const alike = [{ ...rec(1, { api: 1 }), sha: 'abcdef01'.padEnd(40, '1') }, { ...rec(2, { api: 2 }), sha: 'abcdef02'.padEnd(40, '2') }];
    assert.deepEqual(trendSeries(alike, [entry('api', 3)])[0]!.points.map((p) => p.label), ['abcdef01', 'abcdef02']);
  });

  it('an image on several platforms: a series per platform, named with it', () => {
    const series = trendSeries([], [entry('api', 1, 'linux/amd64'), entry('api', 2, 'linux/arm64'), entry('web', 3)]);
    assert.deepEqual(series.map((s) => s.title), ['api (linux/amd64)', 'api (linux/arm64)', 'web']);
  });

});

describe('trend rendering', () => {
  it('the one-line fallback, as the issue shows it', () => {
    const sizes = [212, 214, 216, 220, 226, 231, 237, 242, 246, 251].map((m) => m * 1_000_000);
    const s = { title: 'api', points: sizes.map((size, i) => ({ label: sha(i).slice(0, 7), date: '', size })), current: 253_000_000 };
    assert.equal(trendLine(s, PR), 'api: 212 MB → 251 MB over 10 merges, this PR 253 MB ▁▁▂▂▃▄▅▆▇██');
    assert.equal(trendLine({ ...s, points: s.points.slice(0, 1) }, PR), 'api: 212 MB → 212 MB over 1 merge, this PR 253 MB ▁█');
    assert.equal(trendLine({ ...s, points: [] }, PR), 'api: no history yet, this PR 253 MB');
    assert.equal(sparkline([5, 5, 5]), '▄▄▄');
    assert.equal(sparkline([0, 7]), '▁█');
  });

  it('the chart: one point per record plus this run\'s, in a unit that reads', () => {
    const [api] = trendSeries(history, [entry('api', 253_000_000)], { ref: 'refs/heads/main' });
    const chart = trendChart(api!, 'PR #7');
    assert.match(chart, /^```mermaid\n---\n[\s\S]*\n---\nxychart-beta horizontal\n {2}title "api"\n/);
    const x = /x-axis \[(.*)\]/.exec(chart)![1]!.split(', ');
    const y = /line \[(.*)\]/.exec(chart)![1]!.split(', ').map(Number);
    assert.equal(x.length, 31);
    assert.equal(y.length, 31);
    assert.equal(x.at(-1), '"PR #7"');
    assert.deepEqual([y[0], y.at(-1)], [210, 253]);
    assert.match(chart, /y-axis "size \(MB\)"/);
    assert.match(trendChart({ title: 'tiny', points: [{ label: 'a', date: '', size: 1_500 }], current: 900 }, 'now'), /y-axis "size \(kB\)"\n {2}line \[1\.5, 0\.9\]/);
  });

  it('labels from names and refs cannot close a string, start a directive, an entity or HTML', () => {
    const hostile = 'api"]\n%%{init: {"theme":"dark"}}%%\n<img src=x onerror=alert(1)>#35;`x`';
    const label = mermaidLabel(hostile);
    assert.doesNotMatch(label, /["[\]{}%<>;`\n&]/);
    const chart = trendChart({ title: hostile, points: [{ label: hostile, date: '', size: 10 }], current: 20 }, 'PR "7"');
    const body = chart.split('\n---\n')[2]!.replace(/\n```$/, ''); // between our own config block and the fence
    assert.doesNotMatch(body, /%%|<|>|\{|\}|;|&|`/);
    assert.equal((chart.match(/"/g) ?? []).length % 2, 0);
    assert.equal(chart.split('\n').length, 15, 'no label broke a line');
    const md = trendMarkdown([{ title: hostile, points: [], current: 1 }], PR);
    assert.doesNotMatch(md, /<img|```/, "outside a chart the name is escaped markdown text (no HTML, no code block)");
  });

  it('up to ten images: a chart each, in the open; more: the section folds', () => {
    const series = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `img${i}`, points: [{ label: 'aaaaaaa', date: '', size: 10 }], current: 11 }));
    const open = trendMarkdown(series(FOLD_AFTER), PR);
    assert.equal((open.match(/```mermaid/g) ?? []).length, 10);
    assert.doesNotMatch(open, /<details>/);
    const folded = trendMarkdown(series(FOLD_AFTER + 1), PR);
    assert.match(folded, /^\n<details><summary>Trend&#58; image sizes on main over the last 1 merges, then this PR \(11 images\)<\/summary>/);
    assert.equal((folded.match(/```mermaid/g) ?? []).length, 11);
    assert.equal(trendMarkdown([], PR), '');
    assert.equal(trendText([{ title: 'a\nb', points: [], current: 1 }], PR), '\nTrend (on main)\n  a ↵ b: no history yet, this PR 1 B\n');
  });

  it('the history command: the last records as a table, then each image\'s trend', () => {
    const rs = [rec(1, { api: 1_000 }), rec(2, { api: 2_000, 'w|eb': 3_000 })];
    const text = renderHistoryText(rs, { file: 'h.jsonl', last: 30 });
    assert.match(text, /^2 records of h\.jsonl\n\n {2}date +commit +ref +image +platform +size +compressed +layers\n/);
    assert.match(text, /Trend \(in h\.jsonl\)\n {2}api: 1 kB → 2 kB over 2 records ▁█\n {2}w\|eb: 3 kB → 3 kB over 1 record ▄\n$/);
    assert.match(renderHistoryText(rs, { file: 'h.jsonl', last: 1 }), /^the last 1 of 2 records of h\.jsonl/);
    const md = renderHistoryMarkdown(rs, { file: 'h.jsonl', last: 30 });
    assert.match(md, /\| `w\\\|eb` \|/);
    assert.equal((md.match(/```mermaid/g) ?? []).length, 2);
    assert.equal(historySeries(rs).map((s) => s.current).join(), ',');
  });
});
