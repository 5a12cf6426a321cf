// Date range and event-type filters; every change goes to the URL hash so
// views reload and links keep the filters.
import { CAMEO_ROOTS, QUAD_NAMES } from '../format';
import type { Filters } from '../filters';

export function FiltersBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const toggleQuad = (q: number) => {
    const quad = filters.quad.includes(q) ? filters.quad.filter((x) => x !== q) : [...filters.quad, q].sort();
    onChange({ ...filters, quad });
  };
  return (
    <form class="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        From
        <input type="date" name="from" value={filters.from} onChange={(e) => onChange({ ...filters, from: e.currentTarget.value })} />
      </label>
      <label>
        To
        <input type="date" name="to" value={filters.to} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value })} />
      </label>
      <label>
        Event type
        <select name="root" value={filters.root} onChange={(e) => onChange({ ...filters, root: e.currentTarget.value })}>
          <option value="">All CAMEO roots</option>
          {CAMEO_ROOTS.map(([code, name]) => (
            <option key={code} value={code}>
              {code} {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="quads">
        <legend>Quad class</legend>
        {[1, 2, 3, 4].map((q) => (
          <label key={q} class="check">
            <input type="checkbox" name={`quad${q}`} checked={filters.quad.includes(q)} onChange={() => toggleQuad(q)} />
            {QUAD_NAMES[q]}
          </label>
        ))}
      </fieldset>
      <button type="button" class="secondary" onClick={() => onChange({ from: '', to: '', root: '', quad: [] })}>
        Clear filters
      </button>
    </form>
  );
}
