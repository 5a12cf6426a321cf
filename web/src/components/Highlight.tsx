// An evidence sentence with the source actor, target actor and trigger
// marked (colour plus an underline style and a screen-reader label, so the
// roles do not rely on colour alone).
import { normaliseSegments } from '../format';
import type { Segment } from '../types';

const LABEL: Record<string, string> = { source: 'source actor', target: 'target actor', trigger: 'trigger' };

export function Highlight({ segments }: { segments: Segment[] }) {
  return (
    <span class="sentence">
      {normaliseSegments(segments).map((s, i) =>
        s.role ? (
          <mark key={i} class={`hl hl-${s.role}`} title={LABEL[s.role]}>
            <span class="visually-hidden">[{LABEL[s.role]}: </span>
            {s.text}
            <span class="visually-hidden">]</span>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

// The key to the highlight styles.
export function HighlightLegend() {
  return (
    <p class="legend small muted">
      In sentences: <mark class="hl hl-source">source actor</mark> <mark class="hl hl-trigger">trigger</mark>{' '}
      <mark class="hl hl-target">target actor</mark>
    </p>
  );
}
