// A dyad: its time series and its events, newest first, each with the
// sentence that reports it.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { EventCard } from '../components/EventCard';
import { HighlightLegend } from '../components/Highlight';
import { SeriesChart } from '../components/SeriesChart';
import { apiQuery, routeHash, type Filters } from '../filters';
import { useAsync } from '../hooks';
import type { DyadEvent } from '../types';

const PAGE = 20;

export function Dyad({ source, target, filters }: { source: string; target: string; filters: Filters }) {
  const [both, setBoth] = useState(false);
  const [granularity, setGranularity] = useState<'day' | 'week' | 'month'>('week');
  const base = { source, target, both: both ? 'true' : undefined };
  const sq = apiQuery(filters, { ...base, granularity });
  const series = useAsync(() => api.series(sq), sq);
  const eq = apiQuery(filters, { ...base, limit: PAGE });
  const [events, setEvents] = useState<DyadEvent[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = (offset: number) => {
    setLoading(true);
    api.events(eq + `&offset=${offset}`).then(
      (p) => {
        setEvents((old) => (offset === 0 ? p.events : [...old, ...p.events]));
        setTotal(p.total);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        setError(e.message);
        setLoading(false);
      },
    );
  };
  useEffect(() => load(0), [eq]);

  return (
    <div class="dyad">
      <h1>
        <a href={routeHash({ view: 'actor', code: source }, filters)}>{source}</a>
        <span aria-label={both ? 'and' : 'acting on'}>{both ? ' ⇄ ' : ' → '}</span>
        <a href={routeHash({ view: 'actor', code: target }, filters)}>{target}</a>
      </h1>
      <div class="toolbar">
        <label class="check">
          <input type="checkbox" checked={both} onChange={(e) => setBoth(e.currentTarget.checked)} /> Both directions
        </label>
        <label>
          Buckets{' '}
          <select value={granularity} onChange={(e) => setGranularity(e.currentTarget.value as 'day' | 'week' | 'month')}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
        </label>
        <a href={routeHash({ view: 'dyad', source: target, target: source }, filters)}>Reverse dyad</a>
      </div>
      <section class="card" aria-labelledby="series-h">
        <h2 id="series-h">Over time</h2>
        {series.error && <p class="error" role="alert">{series.error}</p>}
        {series.data && <SeriesChart points={series.data.points} granularity={granularity} title={`${source} ${both ? '⇄' : '→'} ${target}, events per ${granularity}`} />}
      </section>
      <section class="card" aria-labelledby="events-h">
        <h2 id="events-h">
          Events <span class="muted">({total})</span>
        </h2>
        <HighlightLegend />
        {error && <p class="error" role="alert">{error}</p>}
        {!loading && !error && events.length === 0 && <p class="muted">No events for this dyad with these filters.</p>}
        <ol class="events">
          {events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </ol>
        {events.length < total && (
          <button type="button" onClick={() => load(events.length)} disabled={loading}>
            {loading ? 'Loading…' : `More events (${total - events.length} left)`}
          </button>
        )}
      </section>
    </div>
  );
}
