// A small typed client for dyad's API. Errors come back as ApiError with
// the server's message and status (the API always answers JSON errors).
import type {
  ActorProfile, ActorSummary, AlertReport, CodeResult, EventPage, Health, Network, Series, StoredDocument,
} from './types';

export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `cannot reach the server (${(e as Error).message})`);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, `the server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const msg = (body as { error?: { message?: string } })?.error?.message ?? `HTTP ${res.status}`;
    throw new ApiError(res.status, msg);
  }
  return body as T;
}

export const api = {
  health: () => call<Health>('/api/health'),
  events: (q: string) => call<EventPage>('/api/events' + q),
  series: (q: string) => call<Series>('/api/series' + q),
  network: (q: string) => call<Network>('/api/network' + q),
  alerts: (q: string) => call<AlertReport>('/api/alerts' + q),
  actors: (q: string) => call<{ actors: ActorSummary[] }>('/api/actors' + q),
  actor: (code: string, q: string) => call<ActorProfile>(`/api/actors/${encodeURIComponent(code)}` + q),
  document: (id: string) => call<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`),
  code: (text: string, date?: string) =>
    call<CodeResult>('/api/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(date ? { text, date } : { text }),
    }),
};
