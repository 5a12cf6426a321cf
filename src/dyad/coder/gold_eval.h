// coder — scoring coded events against gold-standard records (the neutral
// JSON Lines format of ../shared/data/gold, see its README). How we count
// (also in docs/events.md):
//   * a record with "events": null has no gold and is skipped, as is one
//     with "evaluate": false; "events": [] means no event is expected;
//   * each event becomes a tuple; per record the predicted and gold tuples
//     are compared as multisets: TP = size of the multiset intersection,
//     FP = predicted - TP, FN = gold - TP; precision, recall and F1 are
//     micro-averaged over all records (sums of TP, FP, FN);
//   * level "root":   (source country, target country, CAMEO root)
//     level "strict": (source code, target code, full CAMEO code)
//     level "plover": (source country, target country, PLOVER event);
//     events with no PLOVER event (CAMEO 01x/02x) are left out on both sides;
//   * country = the first 3-letter block of the actor code ("PRKGOV" ->
//     "PRK", "---REB" -> "---"); a missing side is "---";
//   * predicted events use require-dyad semantics: both sides present and
//     coded (unknown named actors do not count), negated and historical
//     events left out (the coder's default filters);
//   * exact-record rate = records whose predicted multiset equals the gold
//     multiset (at the chosen level) / evaluated records;
//   * per-root breakdown: TP/FP/FN by the CAMEO root of each tuple.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dyad/coder/coder.h"
#include "dyad/text/document.h"
#include "dyad/util/status.h"

namespace dyad {

struct GoldEvent {
  std::string source, target, cameo, plover;
};

struct GoldRecord {
  std::string id, date, text;
  bool has_gold = false;          // false when "events" is null
  bool evaluate = true;
  std::vector<GoldEvent> events;
  std::string parse_conllu;
  int line = 0;
};

// Reads a gold JSON Lines file. A malformed line fails with file:line.
Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* out);

enum class EvalLevel { kRoot, kStrict, kPlover };
bool ParseEvalLevel(const std::string& s, EvalLevel* out);

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double Recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct RecordResult {
  std::string id;
  std::string text;                          // the record's sentence, for --records
  std::vector<std::string> gold, predicted;  // tuples as "SRC TGT CODE"
  Counts counts;
  bool exact = false;
};

struct EvalReport {
  EvalLevel level = EvalLevel::kRoot;
  Counts total;
  int records = 0, exact = 0, skipped = 0;
  std::map<std::string, Counts> by_root;  // "19" -> counts
  std::vector<RecordResult> results;
  std::string Format(bool per_record) const;
};

// Tuple of an event at a level ("" when the event has no tuple at that
// level, e.g. no PLOVER event).
std::string EventTuple(const std::string& src_code, const std::string& tgt_code, const std::string& cameo,
                       const std::string& plover, EvalLevel level);

// Codes every evaluated record with `coder` after `annotate` has built and
// parsed its Document, and scores it. The coder should be loaded with
// require_dyad = true.
EvalReport EvaluateGold(const std::vector<GoldRecord>& records, const Coder& coder, EvalLevel level,
                        const std::function<void(const GoldRecord&, Document*)>& annotate);

}  // namespace dyad
