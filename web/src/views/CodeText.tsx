// "Code this text": paste an article, see the events dyad finds in it with
// the actors and triggers highlighted. Nothing is stored.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { EventCard } from '../components/EventCard';
import { HighlightLegend } from '../components/Highlight';
import type { CodeResult } from '../types';

export function CodeText() {
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [result, setResult] = useState<CodeResult | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.code(text, date || undefined));
    } catch (err) {
      setResult(null);
      setError({ status: err instanceof ApiError ? err.status : 0, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="code-text">
      <h1>Code a text</h1>
      <form onSubmit={submit} class="card">
        <label for="code-input">News text</label>
        <textarea
          id="code-input"
          name="text"
          rows={8}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder="Paste an article: who did what to whom…"
        />
        <div class="toolbar">
          <label>
            Article date <input type="date" name="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? 'Coding…' : 'Code events'}
          </button>
        </div>
      </form>
      {error && (
        <p class="error" role="alert" data-testid="code-error" data-status={error.status}>
          {error.status === 503 ? 'Coding is not available on this server: ' : ''}
          {error.message}
        </p>
      )}
      {result && (
        <section class="card" aria-live="polite">
          <h2>
            {result.events.length} event{result.events.length === 1 ? '' : 's'} in {result.document.sentences.length} sentence
            {result.document.sentences.length === 1 ? '' : 's'}
          </h2>
          <HighlightLegend />
          <ol class="events" data-testid="code-events">
            {result.events.map((e, i) => (
              <EventCard key={i} event={e} showDocLink={false} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
