// A stored document: its metadata, its sentences, and the events it
// reported with their evidence highlighted.
import { api } from '../api';
import { EventCard } from '../components/EventCard';
import { useAsync } from '../hooks';

export function DocumentView({ id }: { id: string }) {
  const d = useAsync(() => api.document(id), id);
  if (d.error) return <p class="error" role="alert">{d.error}</p>;
  if (!d.data) return <p class="muted">Loading…</p>;
  const doc = d.data;
  const withEvents = new Set(doc.events.flatMap((e) => e.mentions.map((m) => m.sentence)));
  return (
    <div class="document">
      <h1>{doc.title || doc.id}</h1>
      <p class="muted">
        {doc.date} · {doc.id}
        {doc.url && (
          <>
            {' '}· <a href={doc.url} rel="noreferrer noopener" target="_blank">original</a>
          </>
        )}
      </p>
      <section class="card" aria-labelledby="doc-events-h">
        <h2 id="doc-events-h">Events ({doc.events.length})</h2>
        <ol class="events">
          {doc.events.map((e) => (
            <EventCard key={e.id} event={e} showDocLink={false} />
          ))}
        </ol>
      </section>
      <section class="card" aria-labelledby="doc-text-h">
        <h2 id="doc-text-h">Text</h2>
        <div class="doc-text">
          {doc.sentences.map((s) => (
            <span key={s.index} class={withEvents.has(s.index) ? 'has-event' : ''}>
              {s.text}{' '}
            </span>
          ))}
        </div>
      </section>
    </div>
  );
}
