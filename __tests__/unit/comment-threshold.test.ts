// comment-threshold: when a run is quiet (nothing a reviewer needs), and the one line that replaces the comment.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { parseIncrease } from '../../src/config/parse-size.js';
import type { ImageEntry, NotBuiltEntry } from '../../src/model/report.js';
import { isQuiet, quietComment } from '../../src/report/comment-threshold.js';
import { makeReport } from '../../src/report/image-report.js';
import { commentMarker } from '../../src/report/markdown.js';
import { budgetOf, entryOf, findingOf } from '../helpers/entries.js';

const MB = 1_000_000;
const ONE_MB = parseIncrease('1MB');
const quiet = (...entries: (ImageEntry | NotBuiltEntry)[]): boolean => isQuiet(makeReport(entries), ONE_MB);
const notBuilt: NotBuiltEntry = { name: 'web', platform: null, status: 'not-built', passed: true, reason: 'no change' };

describe('isQuiet', () => {
  it('a change within the threshold, either way, is quiet; beyond it is not', () => {
    assert.equal(quiet(entryOf('api', 100 * MB, 100 * MB + 3_000)), true);
    assert.equal(quiet(entryOf('api', 100 * MB, 100 * MB - 900_000)), true);
    assert.equal(quiet(entryOf('api', 100 * MB, 101 * MB)), true, 'at the threshold');
    assert.equal(quiet(entryOf('api', 100 * MB, 101 * MB + 1)), false);
    assert.equal(quiet(entryOf('api', 100 * MB, 95 * MB)), false, 'a 5 MB shrink is news too');
  });

  it('size and percent: significant only when both are exceeded, as max-increase', () => {
    const both = parseIncrease('1MB, 1%');
    assert.equal(isQuiet(makeReport([entryOf('api', 1_000 * MB, 1_005 * MB)]), both), true, '5 MB is 0.5%');
    assert.equal(isQuiet(makeReport([entryOf('api', 10 * MB, 10 * MB + 500_000)]), both), true, '5% is 0.5 MB');
    assert.equal(isQuiet(makeReport([entryOf('api', 10 * MB, 12 * MB)]), both), false);
  });

  it('a change of the image config is news however few bytes it moves', () => {
    const e = entryOf('api', 100 * MB, 100 * MB + 3_000);
    assert.equal(quiet(e), true);
    e.diff!.config = { user: { base: 'app', head: null } };
    assert.equal(quiet(e), false);
  });

  it('every image must be quiet; images not built are', () => {
    assert.equal(quiet(entryOf('api', MB, MB + 10), notBuilt), true);
    assert.equal(quiet(notBuilt), true);
    assert.equal(quiet(entryOf('api', MB, MB + 10), entryOf('worker', MB, 5 * MB)), false);
  });

  it('a budget failed or warned, a failed run, a new or resolved finding, no baseline, a removed platform: not quiet', () => {
    const base = (more: Partial<ImageEntry>) => entryOf('api', 100 * MB, 100 * MB + 3_000, more);
    assert.equal(quiet(base({ budgets: [budgetOf('warn-size', '90MB', 100 * MB, false)] })), false);
    assert.equal(quiet(base({ budgets: [budgetOf('max-size', '90MB', 100 * MB, false)], passed: false })), false);
    assert.equal(quiet(base({ passed: false, findings: [findingOf('shell', { status: 'existing', severity: 'error' })] })), false);
    assert.equal(quiet(base({ findings: [findingOf('shell', { status: 'new' })] })), false);
    assert.equal(quiet(base({ findings: [findingOf('shell', { status: 'resolved' })] })), false);
    assert.equal(quiet(base({ findings: [findingOf('shell', { status: 'existing' })], budgets: [budgetOf('max-size', '1GB', 100 * MB, true)] })), true);
    assert.equal(quiet(entryOf('api', null, 10)), false);
    const removed = { ...makeReport([base({})]), removedPlatforms: [{ name: 'api', platform: 'linux/arm64', base: entryOf('api', 1, 1).head }] };
    assert.equal(isQuiet(removed, ONE_MB), false);
  });
});

describe('quietComment', () => {
  const marker = commentMarker('api');

  it('the marker, then one line with the change; null when not quiet or without a threshold', () => {
    const r = makeReport([entryOf('api', 100 * MB, 100 * MB + 3_200)]);
    assert.equal(quietComment(r, ONE_MB, marker), '<!-- image-size-guard:api -->\n🐳 api: no significant change since the last run: +3.2 kB (comment-threshold 1MB)\n');
    assert.equal(quietComment(r, null, marker), null);
    assert.equal(quietComment(makeReport([entryOf('api', 100 * MB, 110 * MB)]), ONE_MB, marker), null);
  });

  it('several images: how many, and the sum of their changes; names are escaped', () => {
    const r = makeReport([entryOf('api', MB, MB + 3_000), entryOf('web', MB, MB - 1_000), notBuilt]);
    assert.match(quietComment(r, ONE_MB, marker)!, /^🐳 2 images: no significant change since the last run: \+2 kB/m);
    const evil = makeReport([entryOf('<img src=x>@team', MB, MB)]);
    assert.doesNotMatch(quietComment(evil, ONE_MB, marker)!, /<img|@team/);
  });
});
