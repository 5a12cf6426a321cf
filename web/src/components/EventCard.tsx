// One event: date, who did what to whom, its CAMEO type and weight, how
// often it was reported, and the sentence that carries it with the actors
// and the trigger highlighted.
import { actorLabel, fmtNumber, QUAD_COLORS, QUAD_NAMES } from '../format';
import { routeHash } from '../filters';
import type { DyadEvent } from '../types';
import { Highlight } from './Highlight';

export function EventCard({ event, showDocLink = true }: { event: DyadEvent; showDocLink?: boolean }) {
  const m = event.mentions.find((x) => x.highlight.length > 0) ?? event.mentions[0];
  return (
    <li class="event-card" data-testid="event">
      <div class="event-head">
        <span class="event-date">{event.date}</span>
        <span class="quad-badge" style={{ background: QUAD_COLORS[event.quad_class] }} title={QUAD_NAMES[event.quad_class]}>
          {QUAD_NAMES[event.quad_class] ?? 'Unknown'}
        </span>
        {event.negated && <span class="flag">negated</span>}
        {event.modality !== 'asserted' && <span class="flag">{event.modality}</span>}
      </div>
      <div class="event-who">
        <strong>{actorLabel(event.source)}</strong>
        <span class="arrow" aria-label="acts on"> → </span>
        <strong>{actorLabel(event.target)}</strong>
      </div>
      <div class="event-what">
        <code>{event.cameo}</code> {event.cameo_name || 'Unnamed code'} · Goldstein {fmtNumber(event.goldstein, 1)} ·{' '}
        {event.n_mentions} mention{event.n_mentions === 1 ? '' : 's'} in {event.n_articles} article
        {event.n_articles === 1 ? '' : 's'}
      </div>
      {m && m.highlight.length > 0 ? (
        <blockquote class="evidence">
          <Highlight segments={m.highlight} />
        </blockquote>
      ) : (
        <p class="muted">
          No sentence stored{m ? ` (imported from ${m.origin.toUpperCase()}${m.publisher ? ', ' + m.publisher : ''})` : ''}.
        </p>
      )}
      {showDocLink && m?.doc_id && (
        <a class="doc-link" href={routeHash({ view: 'document', id: m.doc_id })}>
          Open document {m.doc_id}
        </a>
      )}
      {m?.url && (
        <a class="doc-link" href={m.url} rel="noreferrer noopener" target="_blank">
          Source article
        </a>
      )}
    </li>
  );
}
