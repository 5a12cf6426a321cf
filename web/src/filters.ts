// Dashboard filters (date range, event type) and hash routes: parsing and
// printing them is pure so it is unit-tested; views read them from the URL
// hash so every view can be linked and reloaded.

export interface Filters {
  from: string;
  to: string;
  root: string;      // "" or a CAMEO root "14"
  quad: number[];    // [] = all
}

export const EMPTY_FILTERS: Filters = { from: '', to: '', root: '', quad: [] };

export type Route =
  | { view: 'overview' }
  | { view: 'dyad'; source: string; target: string }
  | { view: 'actor'; code: string }
  | { view: 'code' }
  | { view: 'document'; id: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export function parseFilters(params: URLSearchParams): Filters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const root = params.get('root') ?? '';
  const raw = params.get('quad') ?? '';
  const quad = [...new Set(raw.split(',').filter((q) => /^[0-4]$/.test(q)).map(Number))].sort();
  return {
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    root: /^\d{2}$/.test(root) ? root : '',
    quad,
  };
}

export function filterParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.root) p.set('root', f.root);
  if (f.quad.length) p.set('quad', [...f.quad].sort().join(','));
  return p;
}

// "#/dyad/USA/RUS?from=2020-01-01" -> route + filters.
export function parseHash(hash: string): { route: Route; filters: Filters } {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const filters = parseFilters(params);
  let route: Route = { view: 'overview' };
  if (parts[0] === 'dyad' && parts.length === 3 && CODE.test(parts[1]) && CODE.test(parts[2])) {
    route = { view: 'dyad', source: parts[1].toUpperCase(), target: parts[2].toUpperCase() };
  } else if (parts[0] === 'actor' && parts.length === 2 && CODE.test(parts[1])) {
    route = { view: 'actor', code: parts[1].toUpperCase() };
  } else if (parts[0] === 'code') {
    route = { view: 'code' };
  } else if (parts[0] === 'document' && parts.length >= 2) {
    route = { view: 'document', id: parts.slice(1).join('/') };
  }
  return { route, filters };
}

export function routeHash(route: Route, filters: Filters = EMPTY_FILTERS): string {
  let path: string;
  switch (route.view) {
    case 'overview': path = '/'; break;
    case 'dyad': path = `/dyad/${encodeURIComponent(route.source)}/${encodeURIComponent(route.target)}`; break;
    case 'actor': path = `/actor/${encodeURIComponent(route.code)}`; break;
    case 'code': path = '/code'; break;
    case 'document': path = `/document/${encodeURIComponent(route.id)}`; break;
  }
  const q = filterParams(filters).toString();
  return '#' + path + (q ? '?' + q : '');
}

// API query parameters for the filters (plus extra ones).
export function apiQuery(f: Filters, extra: Record<string, string | number | boolean | undefined> = {}): string {
  const p = filterParams(f);
  for (const [k, v] of Object.entries(extra)) {
    if (v !== undefined && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? '?' + s : '';
}
