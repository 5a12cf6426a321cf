import { describe, expect, test } from 'vitest';
import { actorLabel, addDays, edgeColor, edgeWidth, fmtP, normaliseSegments, periodToSeconds } from './format';

describe('format', () => {
  test('actor labels', () => {
    expect(actorLabel(null)).toBe('—');
    expect(actorLabel({ code: 'RUS', country: 'RUS', sector: '', name: 'Moscow' })).toBe('Moscow (RUS)');
    expect(actorLabel({ code: 'RUS', country: 'RUS', sector: '', name: 'RUS' })).toBe('RUS');
    expect(actorLabel({ code: '', country: '', sector: '', name: 'Alpha Front' })).toBe('Alpha Front');
  });

  test('edge colour runs from cooperation blue to conflict red', () => {
    expect(edgeColor(5, 0)).toBe('rgb(33, 102, 172)');
    expect(edgeColor(0, 5)).toBe('rgb(178, 24, 43)');
    expect(edgeColor(0, 0)).toBe('#8a8a8a');
    expect(edgeWidth(1, 1)).toBe(2);
    expect(edgeWidth(100, 100)).toBeCloseTo(9.5);
    expect(edgeWidth(1, 100)).toBeLessThan(edgeWidth(10, 100));
  });

  test('segments merge and drop empties', () => {
    expect(
      normaliseSegments([{ text: 'A' }, { text: '' }, { text: 'B' }, { text: 'x', role: 'source' }, { text: 'y', role: 'source' }]),
    ).toEqual([{ text: 'AB' }, { text: 'xy', role: 'source' }]);
  });

  test('dates and p-values', () => {
    expect(addDays('2024-02-27', 3)).toBe('2024-03-01');
    expect(periodToSeconds('2024-01')).toBe(Date.UTC(2024, 0, 1) / 1000);
    expect(periodToSeconds('2024-01-08')).toBe(Date.UTC(2024, 0, 8) / 1000);
    expect(fmtP(0)).toBe('< 1e-300');
    expect(fmtP(0.00012)).toBe('1.2e-4');
    expect(fmtP(0.25)).toBe('0.250');
  });
});
