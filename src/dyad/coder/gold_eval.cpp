// coder — gold-standard evaluation (see gold_eval.h for how we count).
#include "dyad/coder/gold_eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace dyad {
namespace {

std::string Country(const std::string& code) {
  if (code.empty()) return "---";
  return code.substr(0, std::min<size_t>(3, code.size()));
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Fmt(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

}  // namespace

Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* out) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return Status::InvalidInput(path + ":" + std::to_string(lineno) + ": not a JSON object");
    GoldRecord r;
    r.line = lineno;
    r.id = Str(j, "id");
    r.date = Str(j, "date");
    r.text = Str(j, "text");
    r.parse_conllu = Str(j, "parse_conllu");
    if (auto it = j.find("evaluate"); it != j.end() && it->is_boolean()) r.evaluate = it->get<bool>();
    auto ev = j.find("events");
    if (ev != j.end() && ev->is_array()) {
      r.has_gold = true;
      for (const auto& e : *ev) {
        if (!e.is_object()) continue;
        GoldEvent g;
        g.source = Str(e, "source");
        g.target = Str(e, "target");
        g.cameo = Str(e, "cameo");
        g.plover = Str(e, "plover");
        r.events.push_back(std::move(g));
      }
    }
    out->push_back(std::move(r));
  }
  return Status::OK();
}

bool ParseEvalLevel(const std::string& s, EvalLevel* out) {
  if (s == "root") *out = EvalLevel::kRoot;
  else if (s == "strict") *out = EvalLevel::kStrict;
  else if (s == "plover") *out = EvalLevel::kPlover;
  else return false;
  return true;
}

std::string EventTuple(const std::string& src, const std::string& tgt, const std::string& cameo,
                       const std::string& plover, EvalLevel level) {
  switch (level) {
    case EvalLevel::kRoot: return Country(src) + " " + Country(tgt) + " " + cameo.substr(0, 2);
    case EvalLevel::kStrict:
      return (src.empty() ? "---" : src) + " " + (tgt.empty() ? "---" : tgt) + " " + cameo;
    case EvalLevel::kPlover:
      if (plover.empty()) return "";
      return Country(src) + " " + Country(tgt) + " " + plover;
  }
  return "";
}

EvalReport EvaluateGold(const std::vector<GoldRecord>& records, const Coder& coder, EvalLevel level,
                        const std::function<void(const GoldRecord&, Document*)>& annotate) {
  EvalReport rep;
  rep.level = level;
  for (const GoldRecord& g : records) {
    if (!g.has_gold || !g.evaluate) {
      ++rep.skipped;
      continue;
    }
    Document doc;
    doc.id = g.id;
    doc.date = g.date;
    doc.text = g.text;
    annotate(g, &doc);
    RecordResult rr;
    rr.id = g.id;
    rr.text = g.text;
    for (const GoldEvent& e : g.events) {
      std::string t = EventTuple(e.source, e.target, e.cameo, e.plover, level);
      if (!t.empty()) rr.gold.push_back(t);
    }
    for (const Event& e : coder.Code(doc)) {
      if (!e.source || !e.target || e.source->code.empty() || e.target->code.empty()) continue;
      std::string t = EventTuple(e.source->code, e.target->code, e.cameo, e.plover.event, level);
      if (!t.empty()) rr.predicted.push_back(t);
    }
    std::sort(rr.gold.begin(), rr.gold.end());
    std::sort(rr.predicted.begin(), rr.predicted.end());
    std::vector<std::string> common;
    std::set_intersection(rr.gold.begin(), rr.gold.end(), rr.predicted.begin(), rr.predicted.end(),
                          std::back_inserter(common));
    rr.counts.tp = static_cast<long>(common.size());
    rr.counts.fp = static_cast<long>(rr.predicted.size() - common.size());
    rr.counts.fn = static_cast<long>(rr.gold.size() - common.size());
    rr.exact = rr.gold == rr.predicted;
    auto root_of = [&](const std::string& t) {
      if (level == EvalLevel::kPlover) return t.substr(t.rfind(' ') + 1);
      std::string code = t.substr(t.rfind(' ') + 1);
      return code.substr(0, 2);
    };
    // Per-root counts: a common tuple is a TP for its root; the others FP/FN.
    std::vector<std::string> fp, fn;
    std::set_difference(rr.predicted.begin(), rr.predicted.end(), common.begin(), common.end(),
                        std::back_inserter(fp));
    std::set_difference(rr.gold.begin(), rr.gold.end(), common.begin(), common.end(), std::back_inserter(fn));
    for (const auto& t : common) ++rep.by_root[root_of(t)].tp;
    for (const auto& t : fp) ++rep.by_root[root_of(t)].fp;
    for (const auto& t : fn) ++rep.by_root[root_of(t)].fn;
    rep.total.tp += rr.counts.tp;
    rep.total.fp += rr.counts.fp;
    rep.total.fn += rr.counts.fn;
    ++rep.records;
    if (rr.exact) ++rep.exact;
    rep.results.push_back(std::move(rr));
  }
  return rep;
}

std::string EvalReport::Format(bool per_record) const {
  std::string o;
  const char* lv = level == EvalLevel::kRoot ? "root" : level == EvalLevel::kStrict ? "strict" : "plover";
  o += std::string("level ") + lv + ": records " + std::to_string(records) + " (skipped " +
       std::to_string(skipped) + ")\n";
  o += "  precision " + Fmt(total.Precision()) + "  recall " + Fmt(total.Recall()) + "  F1 " + Fmt(total.F1()) +
       "   (TP " + std::to_string(total.tp) + ", FP " + std::to_string(total.fp) + ", FN " +
       std::to_string(total.fn) + ")\n";
  o += "  exact records " + std::to_string(exact) + "/" + std::to_string(records) + " = " +
       Fmt(records ? double(exact) / records : 0) + "\n";
  o += "  per root:      TP   FP   FN     P     R    F1\n";
  for (const auto& [root, c] : by_root) {
    char b[128];
    std::snprintf(b, sizeof b, "    %-10s %4ld %4ld %4ld %5.2f %5.2f %5.2f\n", root.c_str(), c.tp, c.fp, c.fn,
                  c.Precision(), c.Recall(), c.F1());
    o += b;
  }
  if (per_record) {
    for (const auto& r : results) {
      if (r.exact) continue;
      o += "  MISS " + r.id + "  " + r.text + "\n    gold:";
      for (const auto& t : r.gold) o += " [" + t + "]";
      o += "\n    ours:";
      for (const auto& t : r.predicted) o += " [" + t + "]";
      o += "\n";
    }
  }
  return o;
}

}  // namespace dyad
