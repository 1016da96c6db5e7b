import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { parseIncrease, parseLayerCount, parseSize } from '../../src/config/parse-size.js';

const SIZE_EX = '(examples: 250MB, 1.5GiB, 800kB)';
const INC_EX = '(examples: "10MB", "5%", "10MB, 5%")';

function rejects(fn: () => unknown, message: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    assert.equal(err.message, message);
    assert.ok(!err.message.includes('\n'), 'message is one line');
    return true;
  });
}

describe('parseSize', () => {
  const units: [string[], number][] = [
    [['B', 'b'], 1],
    [['kB', 'KB', 'kb', 'Kb'], 1e3],
    [['MB', 'mb', 'Mb', 'mB'], 1e6],
    [['GB', 'gb', 'Gb'], 1e9],
    [['TB', 'tb', 'Tb'], 1e12],
    [['KiB', 'kib', 'KIB', 'kiB'], 1024],
    [['MiB', 'mib', 'MIB'], 1024 ** 2],
    [['GiB', 'gib', 'GIB'], 1024 ** 3],
    [['TiB', 'tib', 'TIB'], 1024 ** 4],
  ];
  for (const [spellings, factor] of units) {
    for (const unit of spellings) {
      it(`reads 3${unit} and "3 ${unit}" as ${3 * factor} bytes`, () => {
        assert.equal(parseSize(`3${unit}`, 'max-size'), 3 * factor);
        assert.equal(parseSize(`3 ${unit}`, 'max-size'), 3 * factor);
      });
    }
  }

  const accepted: [string, number][] = [
    ['250MB', 250_000_000],
    ['1.5GiB', 1_610_612_736],
    ['800kB', 800_000],
    ['.5GB', 500_000_000],
    ['0.1kB', 100], // 100.00000000000001 before rounding
    ['1.0005kB', 1001], // 1000.5 rounds up
    ['0.4B', 0],
    ['1234', 1234], // bare number = bytes
    ['0', 0],
    ['0MB', 0],
    ['  250MB  ', 250_000_000],
    ['250\tMB', 250_000_000],
    ['250MB\n', 250_000_000], // a YAML block scalar's trailing newline
    ['007MB', 7_000_000],
    ['8191TiB', 8191 * 1024 ** 4], // largest whole TiB below 2^53
  ];
  for (const [text, bytes] of accepted) {
    it(`reads ${JSON.stringify(text)} as ${bytes}`, () => assert.equal(parseSize(text, 'max-size'), bytes));
  }

  const rejected: [string, string][] = [
    ['', `max-size: no size given ${SIZE_EX}`],
    ['   ', `max-size: no size given ${SIZE_EX}`],
    ['-5MB', `max-size: "-5MB" is negative ${SIZE_EX}`],
    ['-0', `max-size: "-0" is negative ${SIZE_EX}`],
    ['NaN', `max-size: "NaN" is not a size ${SIZE_EX}`],
    ['Infinity', `max-size: "Infinity" is not a size ${SIZE_EX}`],
    ['ten MB', `max-size: "ten MB" is not a size ${SIZE_EX}`],
    ['250XB', `max-size: "250XB" is not a size ${SIZE_EX}`],
    ['1.2.3MB', `max-size: "1.2.3MB" is not a size ${SIZE_EX}`],
    ['5%', `max-size: "5%" is not a size ${SIZE_EX}`],
    ['5k', `max-size: "5k" is not a size ${SIZE_EX}`],
    ['5M', `max-size: "5M" is not a size ${SIZE_EX}`],
    ['5PB', `max-size: "5PB" is not a size ${SIZE_EX}`],
    ['5.MB', `max-size: "5.MB" is not a size ${SIZE_EX}`],
    ['1e3', `max-size: "1e3" is not a size ${SIZE_EX}`],
    ['1e3MB', `max-size: "1e3MB" is not a size ${SIZE_EX}`],
    ['+5MB', `max-size: "+5MB" is not a size ${SIZE_EX}`],
    ['1,000MB', `max-size: "1,000MB" is not a size ${SIZE_EX}`],
    ['0x10', `max-size: "0x10" is not a size ${SIZE_EX}`],
    ['2 5MB', `max-size: "2 5MB" is not a size ${SIZE_EX}`],
    ['MB', `max-size: "MB" is not a size ${SIZE_EX}`],
    ['8192TiB', `max-size: "8192TiB" is too large ${SIZE_EX}`],
    ['10\nMB', `max-size: "10 ↵ MB" is not a size ${SIZE_EX}`],
    ['x'.repeat(50), `max-size: "${'x'.repeat(40)}…" is not a size ${SIZE_EX}`],
  ];
  for (const [text, message] of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => rejects(() => parseSize(text, 'max-size'), message));
  }

  it('names the flag it was given', () => {
    rejects(() => parseSize('big', '--max-size'), `--max-size: "big" is not a size ${SIZE_EX}`);
  });
});

describe('parseIncrease', () => {
  const accepted: [string, { bytes: number | null; percent: number | null; text: string }][] = [
    ['10MB', { bytes: 10_000_000, percent: null, text: '10MB' }],
    ['5%', { bytes: null, percent: 5, text: '5%' }],
    ['10MB, 5%', { bytes: 10_000_000, percent: 5, text: '10MB, 5%' }],
    ['5% , 10MB', { bytes: 10_000_000, percent: 5, text: '10MB, 5%' }],
    ['10mb,5%', { bytes: 10_000_000, percent: 5, text: '10mb, 5%' }],
    ['  10 MiB ,  2.5 %  ', { bytes: 10 * 1024 ** 2, percent: 2.5, text: '10 MiB, 2.5%' }],
    ['.5%', { bytes: null, percent: 0.5, text: '0.5%' }],
    ['5.0%', { bytes: null, percent: 5, text: '5%' }],
    ['0%', { bytes: null, percent: 0, text: '0%' }],
    ['0', { bytes: 0, percent: null, text: '0' }],
    ['150%', { bytes: null, percent: 150, text: '150%' }],
  ];
  for (const [text, limit] of accepted) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseIncrease(text), limit));
  }

  const rejected: [string, string][] = [
    ['', `max-increase: no limit given ${INC_EX}`],
    ['10MB,', `max-increase: "10MB," has an empty part ${INC_EX}`],
    [', 5%', `max-increase: ", 5%" has an empty part ${INC_EX}`],
    ['10MB,,5%', `max-increase: "10MB,,5%" has an empty part ${INC_EX}`],
    ['10MB, 20MB', `max-increase: "10MB, 20MB" lists two byte limits ${INC_EX}`],
    ['5%, 6%', `max-increase: "5%, 6%" lists two percent limits ${INC_EX}`],
    ['10MB, 5%, 1MB', `max-increase: "10MB, 5%, 1MB" lists two byte limits ${INC_EX}`],
    ['-5%', `max-increase: "-5%" is negative ${INC_EX}`],
    ['10MB, -1MB', `max-increase: "-1MB" is negative ${INC_EX}`],
    ['x%', `max-increase: "x%" is not a size or a percent ${INC_EX}`],
    ['5.5.5%', `max-increase: "5.5.5%" is not a size or a percent ${INC_EX}`],
    ['5%%', `max-increase: "5%%" is not a size or a percent ${INC_EX}`],
    ['1e2%', `max-increase: "1e2%" is not a size or a percent ${INC_EX}`],
    ['10XB, 5%', `max-increase: "10XB" is not a size or a percent ${INC_EX}`],
    ['10MB 5%', `max-increase: "10MB 5%" is not a size or a percent ${INC_EX}`],
    ['5\n%', `max-increase: "5 ↵ %" is not a size or a percent ${INC_EX}`],
    ['10MB; 5%', `max-increase: "10MB; 5%" is not a size or a percent ${INC_EX}`],
    ['8192TiB', `max-increase: "8192TiB" is too large ${INC_EX}`],
  ];
  for (const [text, message] of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => rejects(() => parseIncrease(text), message));
  }

  it('names the flag it was given', () => {
    rejects(() => parseIncrease('lots', '--max-increase'), `--max-increase: "lots" is not a size or a percent ${INC_EX}`);
  });
});

describe('parseLayerCount', () => {
  const accepted: [string, number][] = [['1', 1], ['20', 20], [' 42 ', 42], ['010', 10], ['10000', 10000]];
  for (const [text, n] of accepted) {
    it(`reads ${JSON.stringify(text)} as ${n}`, () => assert.equal(parseLayerCount(text, 'max-layers'), n));
  }

  for (const text of ['', '0', '10001', '-3', '+3', '1.5', '1e2', 'twenty', '20 layers', 'Infinity']) {
    it(`rejects ${JSON.stringify(text)}`, () =>
      rejects(
        () => parseLayerCount(text, 'max-layers'),
        `max-layers: ${JSON.stringify(text.trim())} is not a layer count (a whole number from 1 to 10000, e.g. 20)`,
      ));
  }
});
