// Overview: the actor network over the filtered window and the top
// early-warning alerts; every relation is also listed as a link.
import { api } from '../api';
import { NetworkGraph } from '../components/NetworkGraph';
import { apiQuery, routeHash, type Filters, type Route } from '../filters';
import { fmtNumber, fmtP } from '../format';
import { useAsync } from '../hooks';

export function Overview({ filters, go }: { filters: Filters; go: (r: Route) => void }) {
  const q = apiQuery(filters, { max_nodes: 40 });
  const health = useAsync(() => api.health(), 'health');
  const net = useAsync(() => api.network(q), q);
  // Alerts look back from the end of the window; the event-type filter says
  // what counts as conflict only when it names conflict types.
  const conflictQuads = filters.quad.filter((x) => x >= 3);
  const aq = apiQuery({ from: '', to: '', root: filters.root, quad: conflictQuads }, { as_of: filters.to, weeks: 8, limit: 10 });
  const alerts = useAsync(() => api.alerts(aq), aq);

  return (
    <div class="overview">
      {/* Always rendered (same height loading or not) so the graph below does not move. */}
      <p class="summary" data-testid="summary" aria-busy={!health.data}>
        {health.data
          ? `${fmtNumber(health.data.events)} events from ${fmtNumber(health.data.documents)} documents and ` +
            `${fmtNumber(health.data.mentions)} mentions, ${health.data.first_day || '?'} to ${health.data.last_day || '?'}.`
          : health.error ?? 'Loading…'}
      </p>
      <div class="grid-2">
        <section class="card" aria-labelledby="net-h">
          <h2 id="net-h">Actor network</h2>
          <p class="muted small">Edges point from the actor to its target; blue is cooperation, red conflict, width the number of events. Click an edge for the dyad, a node for the actor.</p>
          {net.error && <p class="error" role="alert">{net.error}</p>}
          {net.loading && !net.data && <p class="muted">Loading…</p>}
          {net.data && net.data.edges.length === 0 && <p class="muted">No relations between known actors in this window.</p>}
          {net.data && net.data.edges.length > 0 && (
            <NetworkGraph
              network={net.data}
              onEdge={(s, t) => go({ view: 'dyad', source: s, target: t })}
              onNode={(id) => go({ view: 'actor', code: id })}
            />
          )}
        </section>
        <section class="card" aria-labelledby="alerts-h">
          <h2 id="alerts-h">Top alerts</h2>
          <p class="muted small">Dyads whose weekly conflict rose above their own baseline (last 8 weeks{filters.to ? ` to ${filters.to}` : ''}).</p>
          {alerts.error && <p class="error" role="alert">{alerts.error}</p>}
          {alerts.data && alerts.data.alerts.length === 0 && <p class="muted">No alerts: conflict is within its usual range.</p>}
          {alerts.data && alerts.data.alerts.length > 0 && (
            <ol class="alerts" data-testid="alerts">
              {alerts.data.alerts.map((a) => (
                <li key={`${a.source}-${a.target}-${a.week}`}>
                  <a href={routeHash({ view: 'dyad', source: a.source, target: a.target }, filters)}>
                    {a.source_label} ({a.source}) → {a.target_label} ({a.target})
                  </a>
                  <div class="small">
                    Week of {a.week}: <strong>{a.count}</strong> conflict events vs {fmtNumber(a.baseline.mean, 1)} a week
                    before (p {fmtP(a.p_value)}, surprise {fmtNumber(a.surprise, 1)})
                    {a.top_codes[0] ? ` · mostly ${a.top_codes[0].name || a.top_codes[0].cameo}` : ''}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {net.data && net.data.edges.length > 0 && (
        <section class="card" aria-labelledby="rel-h">
          <h2 id="rel-h">Strongest relations</h2>
          <table class="relations">
            <thead>
              <tr>
                <th scope="col">Dyad</th><th scope="col">Events</th><th scope="col">Cooperation</th>
                <th scope="col">Conflict</th><th scope="col">Goldstein mean</th>
              </tr>
            </thead>
            <tbody>
              {net.data.edges.slice(0, 15).map((e) => (
                <tr key={`${e.source}->${e.target}`}>
                  <th scope="row">
                    <a href={routeHash({ view: 'dyad', source: e.source, target: e.target }, filters)}>
                      {e.source} → {e.target}
                    </a>
                  </th>
                  <td>{e.events}</td><td>{e.cooperation}</td><td>{e.conflict}</td><td>{fmtNumber(e.goldstein_mean, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
