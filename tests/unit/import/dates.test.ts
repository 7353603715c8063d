import { describe, expect, it } from 'vitest';
import { DateReader } from '../../../src/import/dates.ts';
import { ProblemLog } from '../../../src/import/problems.ts';

function read(method: 'unixSeconds' | 'unixTime' | 'timestamp' | 'publishedTime', raw: string) {
  const problems = new ProblemLog();
  const value = new DateReader(problems)[method](raw, 'line 7', 'field');
  return { value, warned: problems.warnings.length > 0 };
}

describe('DateReader', () => {
  it.each([
    ['unixSeconds', '1700000000', '2023-11-14T22:13:20.000Z'],
    ['unixSeconds', ' 1700000000.5 ', '2023-11-14T22:13:20.500Z'],
    ['unixTime', '1700000000', '2023-11-14T22:13:20.000Z'],
    ['unixTime', '1700000000000', '2023-11-14T22:13:20.000Z'],
    ['unixTime', '1700000000000000', '2023-11-14T22:13:20.000Z'],
    // No offset: UTC, never the machine's time zone.
    ['timestamp', '2024-03-01T09:30:00', '2024-03-01T09:30:00.000Z'],
    ['timestamp', '2024-03-01 09:30', '2024-03-01T09:30:00.000Z'],
    ['timestamp', '2024-03-01', '2024-03-01T00:00:00.000Z'],
    ['timestamp', '2024-03-01T09:30:00.123456Z', '2024-03-01T09:30:00.123Z'],
    ['timestamp', '2024-03-01T09:30:00+02:00', '2024-03-01T07:30:00.000Z'],
    ['timestamp', '2024-03-01T09:30:00-0130', '2024-03-01T11:00:00.000Z'],
    ['publishedTime', '2024-03-01', '2024-03-01'],
    ['publishedTime', '2024-03-01T09:30:00', '2024-03-01T09:30:00'],
    ['publishedTime', '2024-03-01T09:30:00.000Z', '2024-03-01T09:30:00.000Z'],
  ] as const)('%s(%j) → %s', (method, raw, expected) => {
    expect(read(method, raw)).toEqual({ value: expected, warned: false });
  });

  it.each([
    ['unixSeconds', ''],
    ['unixSeconds', '0'],
    ['timestamp', '  '],
    ['publishedTime', ''],
  ] as const)('%s(%j) is missing, without a warning', (method, raw) => {
    expect(read(method, raw)).toEqual({ value: null, warned: false });
  });

  it.each([
    ['unixSeconds', 'yesterday'],
    ['unixSeconds', '1e9'],
    ['unixSeconds', '-1'],
    ['unixSeconds', '999999999999999'],
    ['timestamp', '03/01/2024'],
    ['timestamp', '1 March 2024'],
    ['timestamp', '2024-02-30'],
    ['timestamp', '2024-13-01T00:00:00Z'],
    ['timestamp', '2024-03-01T25:00:00Z'],
    ['publishedTime', 'March 2024'],
    ['publishedTime', '2023-02-29'],
  ] as const)('%s(%j) is dropped with a bad-date warning', (method, raw) => {
    expect(read(method, raw)).toEqual({ value: null, warned: true });
  });
});
