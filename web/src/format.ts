// Labels, colours and number formats shared by the views (pure, unit-tested).
import type { Actor, Segment } from './types';

export const QUAD_NAMES: Record<number, string> = {
  0: 'Neutral',
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

// Colour-blind-safe pairs: blues for cooperation, oranges/reds for conflict.
export const QUAD_COLORS: Record<number, string> = {
  0: '#8a8a8a',
  1: '#6baed6',
  2: '#2166ac',
  3: '#f4a442',
  4: '#b2182b',
};

export const CAMEO_ROOTS: [string, string][] = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'],
  ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

export function actorLabel(a: Actor | null): string {
  if (!a) return '—';
  if (a.code && a.name && a.name !== a.code) return `${a.name} (${a.code})`;
  return a.code || a.name || '?';
}

export function fmtNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtP(p: number): string {
  if (p <= 0) return '< 1e-300';
  if (p < 0.001) return p.toExponential(1);
  return p.toFixed(3);
}

// The colour of an edge: its conflict share from blue (all cooperation) to
// red (all conflict), grey when it has neither.
export function edgeColor(cooperation: number, conflict: number): string {
  const total = cooperation + conflict;
  if (total === 0) return QUAD_COLORS[0];
  const t = conflict / total;
  const from = [33, 102, 172];
  const to = [178, 24, 43];
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

// Edge width grows with the log of its events.
export function edgeWidth(events: number, maxEvents: number): number {
  if (maxEvents <= 1) return 2;
  return 1.5 + 8 * Math.log1p(events) / Math.log1p(maxEvents);
}

// Segments with no text are dropped; neighbours with the same role merge.
export function normaliseSegments(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.role === s.role) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

// "2024-01-01" + 6 days for week labels.
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Period labels ("2024-01", "2024-01-01") to epoch seconds for charts.
export function periodToSeconds(period: string): number {
  const p = period.length === 7 ? period + '-01' : period;
  return Date.parse(p + 'T00:00:00Z') / 1000;
}
