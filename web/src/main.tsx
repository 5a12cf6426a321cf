// dyad dashboard: hash-routed views over the API (overview, dyad, actor,
// code-a-text, document). Filters live in the hash so links keep them.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { FiltersBar } from './components/FiltersBar';
import { parseHash, routeHash, type Filters, type Route } from './filters';
import { ActorView } from './views/Actor';
import { CodeText } from './views/CodeText';
import { DocumentView } from './views/DocumentView';
import { Dyad } from './views/Dyad';
import { Overview } from './views/Overview';
import './styles.css';

function useHash() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}

function ActorSearch() {
  const [q, setQ] = useState('');
  const [msg, setMsg] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" jumps to the actor search (unless typing somewhere).
    const on = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    const s = q.trim();
    if (!s) return;
    try {
      const r = await api.actors(`?search=${encodeURIComponent(s)}&limit=1`);
      if (r.actors.length === 0) {
        setMsg(`No actor matches “${s}”.`);
        return;
      }
      setMsg('');
      window.location.hash = routeHash({ view: 'actor', code: r.actors[0].code });
    } catch (err) {
      setMsg((err as Error).message);
    }
  };
  return (
    <form class="actor-search" role="search" onSubmit={submit}>
      <label for="actor-q" class="visually-hidden">Actor code or name</label>
      <input id="actor-q" ref={input} type="search" placeholder="Find actor: RUS, Kenya… (/)" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      <button type="submit">Go</button>
      {msg && <span class="error small" role="status">{msg}</span>}
    </form>
  );
}

function App() {
  const { route, filters } = useHash();
  const go = (r: Route, f: Filters = filters) => {
    window.location.hash = routeHash(r, f);
  };
  const main = useRef<HTMLElement>(null);
  const firstView = useRef(true);
  // After a change of view (not on page load), move focus to the content for
  // keyboard and screen-reader users.
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [route.view]);
  const usesFilters = route.view === 'overview' || route.view === 'dyad' || route.view === 'actor';
  const nav = (view: Route['view'], label: string, r: Route) => (
    <a href={routeHash(r, usesFilters ? filters : undefined)} aria-current={route.view === view ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/">dyad</a>
        <nav aria-label="Views">
          {nav('overview', 'Overview', { view: 'overview' })}
          {nav('code', 'Code a text', { view: 'code' })}
        </nav>
        <ActorSearch />
      </header>
      {usesFilters && <FiltersBar filters={filters} onChange={(f) => go(route, f)} />}
      <main id="main" ref={main} tabIndex={-1}>
        {route.view === 'overview' && <Overview filters={filters} go={(r) => go(r)} />}
        {route.view === 'dyad' && <Dyad key={`${route.source}/${route.target}`} source={route.source} target={route.target} filters={filters} />}
        {route.view === 'actor' && <ActorView code={route.code} filters={filters} />}
        {route.view === 'code' && <CodeText />}
        {route.view === 'document' && <DocumentView id={route.id} />}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
