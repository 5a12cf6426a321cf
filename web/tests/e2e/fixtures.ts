// Invented test data for the browser tests: an ICEWS-format file (13 weeks
// of events among a few countries, with a conflict spike in the last week)
// and dyad JSON Lines events that carry sentences, so evidence highlighting
// can be checked. None of it is real reporting.

const HEADER = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code',
  'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher',
  'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
];

interface Row { src: [string, string, string]; tgt: [string, string, string]; code: string; text: string; g: number }

const ISR: [string, string, string] = ['Israel', '', 'Israel'];
const IDF: [string, string, string] = ['Israeli Defense Forces', 'Military', 'Israel'];
const PSE: [string, string, string] = ['Hamas', 'Rebel', 'Occupied Palestinian Territory'];
const USA: [string, string, string] = ['United States', '', 'United States'];
const EGY: [string, string, string] = ['Egypt', '', 'Egypt'];
const RUS: [string, string, string] = ['Russia', '', 'Russian Federation'];
const UKR: [string, string, string] = ['Ukraine', '', 'Ukraine'];
const FRA: [string, string, string] = ['France', '', 'France'];

function day(week: number, d: number): string {
  const t = Date.UTC(2024, 0, 1) + (week * 7 + d) * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export function icewsTsv(): string {
  const lines = [HEADER.join('\t')];
  let id = 1000;
  const add = (date: string, r: Row) => {
    id += 1;
    lines.push([
      String(id), date, r.src[0], r.src[1], r.src[2], r.text, r.code, String(r.g), r.tgt[0], r.tgt[1], r.tgt[2],
      `story-${id}`, '1', 'Example Wire', '', '', '', r.tgt[2], '', '',
    ].join('\t'));
  };
  const conflict = ['190', '193', '195', '180', '183', '186', '173', '172'];
  for (let w = 0; w < 13; w++) {
    // Israel -> Palestinian militants: one clash a week, then a surge.
    const n = w === 12 ? 8 : 1;
    for (let i = 0; i < n; i++) add(day(w, i % 7), { src: i % 2 ? ISR : IDF, tgt: PSE, code: conflict[i % conflict.length], text: 'Use conventional military force', g: -10 });
    add(day(w, 2), { src: PSE, tgt: ISR, code: '112', text: 'Accuse', g: -2 });
    add(day(w, 1), { src: USA, tgt: ISR, code: '042', text: 'Make a visit', g: 1.9 });
    add(day(w, 3), { src: USA, tgt: ISR, code: '070', text: 'Provide aid', g: 7 });
    add(day(w, 4), { src: EGY, tgt: PSE, code: '043', text: 'Host a visit', g: 2.8 });
    add(day(w, 4), { src: EGY, tgt: ISR, code: '040', text: 'Consult', g: 1 });
    add(day(w, 0), { src: RUS, tgt: UKR, code: '190', text: 'Use conventional military force', g: -10 });
    add(day(w, 5), { src: UKR, tgt: RUS, code: '111', text: 'Criticize or denounce', g: -2 });
    add(day(w, 6), { src: FRA, tgt: UKR, code: '071', text: 'Provide economic aid', g: 7.4 });
    if (w % 3 === 0) add(day(w, 3), { src: USA, tgt: RUS, code: '163', text: 'Impose embargo, boycott, or sanctions', g: -8 });
  }
  return lines.join('\n') + '\n';
}

// One dyad event record (the shape `dyad code` writes) for `sentence`, with
// the actor and trigger words found in it.
function eventLine(docId: string, date: string, sentence: string, src: [string, string], tgt: [string, string],
  trigger: string, cameo: string, name: string, quad: number, g: number): string {
  const at = (w: string) => {
    const i = sentence.indexOf(w);
    if (i < 0) throw new Error(`fixture: "${w}" not in "${sentence}"`);
    // Byte offsets: the fixture sentences are ASCII.
    return { start: i, end: i + w.length };
  };
  const actor = (code: string, text: string) => ({ code, country: code.slice(0, 3), sector: code.slice(3), text, ...at(text) });
  const t = at(trigger);
  return JSON.stringify({
    doc_id: docId, sentence: 0, date, event_date: date,
    source: actor(src[0], src[1]), target: actor(tgt[0], tgt[1]),
    cameo, cameo_root: cameo.slice(0, 2), cameo_name: name, goldstein: g, quad_class: quad,
    plover: { event: '', mode: '', context: '' }, negated: false, modality: 'asserted', historical: false,
    evidence: { text: sentence, start: 0, end: sentence.length, trigger, trigger_start: t.start, trigger_end: t.end, rule: 'fixture' },
    mentions: { count: 1, spans: [] },
  });
}

export function eventsJsonl(): string {
  return [
    eventLine('fixture-news-1', '2024-03-26', 'Israeli troops shelled positions held by Hamas near the border.',
      ['ISRMIL', 'Israeli troops'], ['PSEREB', 'Hamas'], 'shelled', '190', 'Use conventional military force', 4, -10),
    eventLine('fixture-news-2', '2024-03-27', 'Egypt hosted envoys from Hamas for ceasefire talks.',
      ['EGY', 'Egypt'], ['PSEREB', 'Hamas'], 'hosted', '043', 'Host a visit', 1, 2.8),
    eventLine('fixture-news-3', '2024-03-28', 'Ukraine denounced Russia over the missile strikes.',
      ['UKR', 'Ukraine'], ['RUS', 'Russia'], 'denounced', '111', 'Criticize or denounce', 3, -2),
  ].join('\n') + '\n';
}
