// An actor: activity, partners (each a link to the dyad), the event types it
// takes part in and its monthly trend.
import { api } from '../api';
import { SeriesChart } from '../components/SeriesChart';
import { apiQuery, routeHash, type Filters } from '../filters';
import { fmtNumber } from '../format';
import { useAsync } from '../hooks';

export function ActorView({ code, filters }: { code: string; filters: Filters }) {
  const q = apiQuery(filters);
  const p = useAsync(() => api.actor(code, q), code + q);
  if (p.error) return <p class="error" role="alert">{p.error}</p>;
  if (!p.data) return <p class="muted">Loading…</p>;
  const a = p.data;
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return (
    <div class="actor">
      <h1>
        {a.label} <span class="muted">({a.code})</span>
      </h1>
      <dl class="stats">
        <div><dt>Events</dt><dd>{fmtNumber(a.events)}</dd></div>
        <div><dt>As source</dt><dd>{fmtNumber(a.as_source)}</dd></div>
        <div><dt>As target</dt><dd>{fmtNumber(a.as_target)}</dd></div>
        <div><dt>Mentions</dt><dd>{fmtNumber(a.mentions)}</dd></div>
        <div><dt>Active</dt><dd>{a.first_day} – {a.last_day}</dd></div>
        <div><dt>Goldstein (acts / receives)</dt><dd>{fmtNumber(a.goldstein_mean_out, 2)} / {fmtNumber(a.goldstein_mean_in, 2)}</dd></div>
        <div>
          <dt>Trend (last 3 months vs 3 before)</dt>
          <dd>
            {a.recent.events} vs {a.previous.events} events; conflict {pct(a.recent.conflict_share)} vs {pct(a.previous.conflict_share)}
          </dd>
        </div>
      </dl>
      <div class="grid-2">
        <section class="card" aria-labelledby="partners-h">
          <h2 id="partners-h">Partners</h2>
          <table>
            <thead>
              <tr><th scope="col">Partner</th><th scope="col">Acts on</th><th scope="col">Receives</th><th scope="col">Coop.</th><th scope="col">Conflict</th></tr>
            </thead>
            <tbody>
              {a.partners.map((x) => (
                <tr key={x.code}>
                  <th scope="row">
                    <a href={routeHash({ view: 'dyad', source: a.code, target: x.code }, filters)}>{x.label} ({x.code})</a>
                  </th>
                  <td>{x.events_out}</td><td>{x.events_in}</td><td>{x.cooperation}</td><td>{x.conflict}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card" aria-labelledby="codes-h">
          <h2 id="codes-h">Event types</h2>
          <ol class="codes">
            {a.top_codes.map((c) => (
              <li key={c.cameo}>
                <code>{c.cameo}</code> {c.name || 'Unnamed code'} <span class="muted">({c.events})</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section class="card" aria-labelledby="trend-h">
        <h2 id="trend-h">Monthly trend</h2>
        <SeriesChart points={a.trend} title={`${a.code}: events per month`} granularity="month" />
      </section>
    </div>
  );
}
