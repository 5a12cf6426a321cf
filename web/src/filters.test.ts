import { describe, expect, test } from 'vitest';
import { apiQuery, EMPTY_FILTERS, parseHash, routeHash } from './filters';

describe('hash routes', () => {
  test('parse views and filters', () => {
    expect(parseHash('')).toEqual({ route: { view: 'overview' }, filters: EMPTY_FILTERS });
    expect(parseHash('#/dyad/usa/RUSGOV?from=2020-01-01&quad=4,3,3,9').route).toEqual({
      view: 'dyad', source: 'USA', target: 'RUSGOV',
    });
    expect(parseHash('#/dyad/usa/RUSGOV?from=2020-01-01&quad=4,3,3,9').filters).toEqual({
      from: '2020-01-01', to: '', root: '', quad: [3, 4],
    });
    expect(parseHash('#/actor/irn').route).toEqual({ view: 'actor', code: 'IRN' });
    expect(parseHash('#/code').route).toEqual({ view: 'code' });
    expect(parseHash('#/document/news%2F2020%2Fa.txt').route).toEqual({ view: 'document', id: 'news/2020/a.txt' });
  });

  test('reject malformed parts', () => {
    expect(parseHash('#/dyad/USA').route).toEqual({ view: 'overview' });
    expect(parseHash('#/actor/R%20US').route).toEqual({ view: 'overview' });
    expect(parseHash('#/?from=yesterday&root=1&quad=x').filters).toEqual(EMPTY_FILTERS);
  });

  test('round trip', () => {
    const f = { from: '2021-01-01', to: '2021-06-30', root: '19', quad: [4] };
    const h = routeHash({ view: 'dyad', source: 'ISR', target: 'PSE' }, f);
    expect(h).toBe('#/dyad/ISR/PSE?from=2021-01-01&to=2021-06-30&root=19&quad=4');
    expect(parseHash(h)).toEqual({ route: { view: 'dyad', source: 'ISR', target: 'PSE' }, filters: f });
    expect(routeHash({ view: 'document', id: 'a/b c' })).toBe('#/document/a%2Fb%20c');
  });

  test('api query adds extra parameters and skips empty ones', () => {
    expect(apiQuery(EMPTY_FILTERS)).toBe('');
    expect(apiQuery({ ...EMPTY_FILTERS, quad: [3, 4] }, { source: 'USA', both: undefined, limit: 20 })).toBe(
      '?quad=3%2C4&source=USA&limit=20',
    );
  });
});
