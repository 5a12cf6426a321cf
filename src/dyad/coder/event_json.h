// coder — serialising Event records: JSON Lines (the interchange format, see
// docs/events.md for the schema), and flat CSV/TSV tables for spreadsheets.
// EventFromJson reads back exactly what EventToJson writes (the store and
// the server read coder output with it).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/util/status.h"

namespace dyad {

// One JSON object on one line, no trailing newline. Field order is fixed:
// doc_id, sentence, date, event_date, source, target, cameo, cameo_root,
// cameo_name, goldstein, quad_class, plover{event,mode,context}, negated,
// modality, historical, evidence{text,start,end,trigger,trigger_start,
// trigger_end,rule}, mentions{count,spans:[{sentence,text,start,end,trigger,
// trigger_start,trigger_end,rule}]}.
// Actors are {code,country,sector,text,start,end} or null.
std::string EventToJson(const Event& e);

// Parses one line written by EventToJson (unknown fields are ignored,
// missing optional fields keep their defaults). Fails with the reason.
Status EventFromJson(std::string_view line, Event* e);

// Modality from its name ("asserted", "intended", ...); false if unknown.
bool ParseModality(std::string_view name, Modality* m);

// Flat tables: one row per event. Columns (in this order):
// doc_id sentence date event_date source_code source_country source_sector
// source_text target_code target_country target_sector target_text cameo
// cameo_root cameo_name goldstein quad_class plover_event plover_mode
// plover_context negated modality historical mentions trigger rule
// evidence_start evidence_end evidence_text
std::vector<std::string> EventTableColumns();
// CSV follows RFC 4180 (fields quoted when they hold , " or newline).
void WriteCsvHeader(std::ostream& out);
void WriteCsvRow(const Event& e, std::ostream& out);
// TSV: tabs and newlines inside fields are replaced by spaces.
void WriteTsvHeader(std::ostream& out);
void WriteTsvRow(const Event& e, std::ostream& out);

}  // namespace dyad
