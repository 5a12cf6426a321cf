// The JSON shapes of dyad's HTTP API (docs/api.md, docs/openapi.json).

export interface Actor {
  code: string;
  country: string;
  sector: string;
  name: string;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  role?: 'source' | 'target' | 'trigger';
}

export interface Mention {
  id: number;
  origin: 'coded' | 'icews' | 'gdelt' | string;
  report: string;
  doc_id: string | null;
  sentence: number;
  article_date: string;
  source_span: Span | null;
  target_span: Span | null;
  evidence: {
    text: string;
    start: number;
    end: number;
    trigger: string;
    trigger_start: number;
    trigger_end: number;
    rule: string;
  } | null;
  highlight: Segment[];
  publisher?: string;
  url?: string;
  place?: string;
}

export interface DyadEvent {
  id: number;
  date: string;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  cameo_root: string;
  cameo_name: string;
  goldstein: number;
  quad_class: number;
  negated: boolean;
  modality: string;
  historical: boolean;
  n_mentions: number;
  n_articles: number;
  mentions: Mention[];
}

export interface EventPage {
  total: number;
  limit: number;
  offset: number;
  events: DyadEvent[];
}

export interface SeriesPoint {
  period: string;
  events: number;
  mentions: number;
  neutral: number;
  verbal_cooperation: number;
  material_cooperation: number;
  verbal_conflict: number;
  material_conflict: number;
  cooperation: number;
  conflict: number;
  net_cooperation: number;
  goldstein_sum: number;
  goldstein_mean: number;
}

export interface Series {
  granularity: 'day' | 'week' | 'month';
  points: SeriesPoint[];
}

export interface NetworkNode {
  id: string;
  label: string;
  events: number;
  cooperation: number;
  conflict: number;
  degree: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  mentions: number;
  cooperation: number;
  conflict: number;
  neutral: number;
  net_cooperation: number;
  goldstein_mean: number;
}

export interface Network {
  level: string;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface CodeCount {
  cameo: string;
  name: string;
  events: number;
}

export interface Alert {
  source: string;
  target: string;
  source_label: string;
  target_label: string;
  week: string;
  count: number;
  baseline: { weeks: number; mean: number; sd: number };
  model: string;
  p_value: number;
  surprise: number;
  z: number;
  ratio: number;
  top_codes: CodeCount[];
}

export interface AlertReport {
  as_of: string;
  first_week: string;
  last_week: string;
  dyads_scored: number;
  alerts: Alert[];
}

export interface ActorSummary {
  code: string;
  label: string;
  events: number;
  as_source: number;
  as_target: number;
  cooperation: number;
  conflict: number;
  first_day: string;
  last_day: string;
}

export interface Partner {
  code: string;
  label: string;
  events_out: number;
  events_in: number;
  cooperation: number;
  conflict: number;
  goldstein_mean: number;
}

export interface ActorProfile {
  code: string;
  label: string;
  events: number;
  as_source: number;
  as_target: number;
  mentions: number;
  first_day: string;
  last_day: string;
  goldstein_mean_out: number;
  goldstein_mean_in: number;
  partners: Partner[];
  top_codes: CodeCount[];
  trend: SeriesPoint[];
  recent: { events: number; conflict_share: number };
  previous: { events: number; conflict_share: number };
}

export interface Health {
  status: string;
  version: string;
  documents: number;
  events: number;
  mentions: number;
  first_day: string;
  last_day: string;
  code_available: boolean;
  code_unavailable?: string;
}

export interface CodeResult {
  document: { id: string; date: string; sentences: { index: number; text: string }[] };
  events: DyadEvent[];
  stored: boolean;
}

export interface StoredDocument {
  id: string;
  date: string;
  title: string;
  url: string;
  source: string;
  text: string;
  sentences: { index: number; start: number; end: number; text: string }[];
  events: DyadEvent[];
}
