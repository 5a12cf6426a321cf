// store — ICEWS and GDELT importers (see importers.h).
#include "dyad/store/importers.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "dyad/coder/event_json.h"
#include "dyad/store/country_names.h"

namespace dyad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string o;
  for (char c : s) o.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return o;
}

bool ParseDouble(std::string_view s, double* out) {
  s = Trim(s);
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool ParseInt(std::string_view s, int64_t* out) {
  s = Trim(s);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// "2018-01-05", "2018/01/05" or "20180105" -> "2018-01-05"; "" when invalid.
std::string NormaliseDay(std::string_view s) {
  s = Trim(s);
  std::string d;
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    d = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  } else if (s.size() >= 10) {
    d = std::string(s.substr(0, 10));
    if (d[4] == '/') d[4] = '-';
    if (d[7] == '/') d[7] = '-';
    // Accept a trailing time ("2018-01-05 00:00:00") but nothing else.
    if (s.size() > 10 && s[10] != ' ' && s[10] != 'T') return "";
  }
  return IsIsoDay(d) ? d : "";
}

// A CAMEO event code: 2 to 4 digits with a root 01..20.
bool ValidCameo(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  if (!std::all_of(c.begin(), c.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
    return false;
  int root = (c[0] - '0') * 10 + (c[1] - '0');
  return root >= 1 && root <= 20;
}

std::string_view Field(const std::vector<std::string_view>& f, int i) {
  return i >= 0 && static_cast<size_t>(i) < f.size() ? Trim(f[i]) : std::string_view();
}

// An ICEWS actor: country name + sector list -> CAMEO code.
std::optional<EventActor> IcewsActor(std::string_view name, std::string_view sectors,
                                     std::string_view country, std::vector<std::string>* unmapped) {
  if (name.empty() && country.empty()) return std::nullopt;
  EventActor a;
  a.text = std::string(name);
  if (!country.empty()) {
    a.country = CountryCodeForName(country);
    if (a.country.empty() && unmapped) unmapped->push_back(std::string(country));
  }
  a.sector = SectorCodeForIcewsSectors(sectors);
  // The country itself ("Russia" acting as Russia) has no sector; an actor
  // named after its country with a sector keeps it.
  if (!a.country.empty()) a.code = a.country + a.sector;
  return a;
}

// A GDELT actor from its code, name and country columns.
std::optional<EventActor> GdeltActor(std::string_view code, std::string_view name,
                                     std::string_view country) {
  if (code.empty() && name.empty()) return std::nullopt;
  EventActor a;
  a.code = std::string(code);
  a.text = std::string(name);
  if (!country.empty() && code.substr(0, country.size()) == country) {
    a.country = std::string(country);
    a.sector = std::string(code.substr(country.size()));
  } else if (code.size() >= 3 && IsNonStatePrimary(code.substr(0, 3))) {
    a.country = std::string(code.substr(0, 3));
    a.sector = std::string(code.substr(3));
  } else if (code.size() >= 3 && IsAgentCode(code.substr(0, 3))) {
    a.sector = std::string(code);  // a sector of no known country ("GOV", "MIL")
  } else if (!country.empty()) {
    a.country = std::string(country);
  } else if (code.size() >= 3) {
    a.country = std::string(code.substr(0, 3));
    a.sector = std::string(code.substr(3));
  }
  return a;
}

}  // namespace

bool ParseImportFormat(std::string_view name, ImportFormat* out) {
  std::string n = Lower(name);
  if (n == "icews") { *out = ImportFormat::kIcews; return true; }
  if (n == "gdelt") { *out = ImportFormat::kGdelt; return true; }
  if (n == "jsonl" || n == "events") { *out = ImportFormat::kJsonl; return true; }
  return false;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      f.push_back(line.substr(start));
      break;
    }
    f.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return f;
}

Status ParseIcewsHeader(const std::vector<std::string_view>& header, IcewsColumns* cols) {
  *cols = IcewsColumns();
  cols->width = header.size();
  struct Col { const char* name; int* slot; bool required; };
  const Col want[] = {
      {"event id", &cols->event_id, true},         {"event date", &cols->event_date, true},
      {"source name", &cols->source_name, true},   {"source sectors", &cols->source_sectors, false},
      {"source country", &cols->source_country, true}, {"event text", &cols->event_text, false},
      {"cameo code", &cols->cameo_code, true},     {"intensity", &cols->intensity, true},
      {"target name", &cols->target_name, true},   {"target sectors", &cols->target_sectors, false},
      {"target country", &cols->target_country, true}, {"story id", &cols->story_id, false},
      {"sentence number", &cols->sentence_number, false}, {"publisher", &cols->publisher, false},
      {"city", &cols->city, false},                {"district", &cols->district, false},
      {"province", &cols->province, false},        {"country", &cols->country, false},
      {"latitude", &cols->latitude, false},        {"longitude", &cols->longitude, false},
  };
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h = Lower(Trim(header[i]));
    if (i == 0 && h.rfind("\xef\xbb\xbf", 0) == 0) h.erase(0, 3);  // UTF-8 BOM
    for (const Col& c : want)
      if (h == c.name && *c.slot < 0) *c.slot = static_cast<int>(i);
  }
  std::string missing;
  for (const Col& c : want) {
    if (c.required && *c.slot < 0) missing += std::string(missing.empty() ? "" : ", ") + c.name;
  }
  if (!missing.empty()) return Status::InvalidInput("ICEWS header lacks column(s): " + missing);
  return Status::OK();
}

Status ParseIcewsRow(const std::vector<std::string_view>& f, const IcewsColumns& c,
                     ImportRecord* out, std::vector<std::string>* unmapped) {
  *out = ImportRecord();
  if (f.size() != c.width)
    return Status::InvalidInput("expected " + std::to_string(c.width) + " tab-separated columns, found " +
                                std::to_string(f.size()));
  out->origin = "icews";
  out->external_id = std::string(Field(f, c.event_id));
  if (out->external_id.empty()) return Status::InvalidInput("empty Event ID");
  Event& e = out->event;
  e.date = NormaliseDay(Field(f, c.event_date));
  if (e.date.empty())
    return Status::InvalidInput("Event Date '" + std::string(Field(f, c.event_date)) + "' is not a date");
  e.event_date = e.date;
  std::string_view code = Field(f, c.cameo_code);
  if (!ValidCameo(code)) return Status::InvalidInput("CAMEO Code '" + std::string(code) + "' is not a CAMEO event code");
  e.cameo = std::string(code);
  e.cameo_root = e.cameo.substr(0, 2);
  e.cameo_name = std::string(Field(f, c.event_text));
  e.quad_class = QuadClassOfCode(e.cameo);
  if (!ParseDouble(Field(f, c.intensity), &e.goldstein) || e.goldstein < -10 || e.goldstein > 10)
    return Status::InvalidInput("Intensity '" + std::string(Field(f, c.intensity)) + "' is not a number in -10..10");
  e.source = IcewsActor(Field(f, c.source_name), Field(f, c.source_sectors), Field(f, c.source_country), unmapped);
  e.target = IcewsActor(Field(f, c.target_name), Field(f, c.target_sectors), Field(f, c.target_country), unmapped);
  if (!e.source && !e.target) return Status::InvalidInput("neither source nor target actor");
  int64_t sn = 0;
  if (ParseInt(Field(f, c.sentence_number), &sn) && sn >= 0 && sn < (1 << 30)) e.sentence = static_cast<int>(sn);
  std::string_view story = Field(f, c.story_id);
  out->report = story.empty() ? std::string() : "icews-story:" + std::string(story);
  out->publisher = std::string(Field(f, c.publisher));
  std::string place;
  for (int col : {c.city, c.district, c.province, c.country}) {
    std::string_view p = Field(f, col);
    if (p.empty()) continue;
    if (!place.empty()) place += ", ";
    place += std::string(p);
  }
  out->place = place;
  double v;
  if (ParseDouble(Field(f, c.latitude), &v) && v >= -90 && v <= 90) out->latitude = v;
  if (ParseDouble(Field(f, c.longitude), &v) && v >= -180 && v <= 180) out->longitude = v;
  return Status::OK();
}

Status ParseGdeltRow(const std::vector<std::string_view>& f, ImportRecord* out) {
  *out = ImportRecord();
  if (f.size() != kGdeltColumns)
    return Status::InvalidInput("expected " + std::to_string(kGdeltColumns) +
                                " tab-separated columns (GDELT 2.0 events), found " + std::to_string(f.size()));
  out->origin = "gdelt";
  int64_t id = 0;
  if (!ParseInt(Field(f, 0), &id) || id < 0)
    return Status::InvalidInput("GLOBALEVENTID '" + std::string(Field(f, 0)) + "' is not a number");
  out->external_id = std::to_string(id);
  Event& e = out->event;
  e.date = NormaliseDay(Field(f, 1));
  if (e.date.empty() || Field(f, 1).size() != 8)
    return Status::InvalidInput("SQLDATE '" + std::string(Field(f, 1)) + "' is not YYYYMMDD");
  e.event_date = e.date;
  std::string_view code = Field(f, 26);
  if (!ValidCameo(code)) return Status::InvalidInput("EventCode '" + std::string(code) + "' is not a CAMEO event code");
  e.cameo = std::string(code);
  e.cameo_root = e.cameo.substr(0, 2);
  std::string_view root = Field(f, 28);
  if (!root.empty() && root != e.cameo_root &&
      !(root.size() == 1 && e.cameo_root[0] == '0' && root[0] == e.cameo_root[1]))
    return Status::InvalidInput("EventRootCode '" + std::string(root) + "' does not match EventCode " + e.cameo);
  int64_t quad = 0;
  if (!ParseInt(Field(f, 29), &quad) || quad < 1 || quad > 4)
    return Status::InvalidInput("QuadClass '" + std::string(Field(f, 29)) + "' is not 1..4");
  e.quad_class = static_cast<int>(quad);
  if (!ParseDouble(Field(f, 30), &e.goldstein) || e.goldstein < -10 || e.goldstein > 10)
    return Status::InvalidInput("GoldsteinScale '" + std::string(Field(f, 30)) + "' is not a number in -10..10");
  int64_t n = 0;
  if (!ParseInt(Field(f, 31), &n) || n < 0)
    return Status::InvalidInput("NumMentions '" + std::string(Field(f, 31)) + "' is not a count");
  out->mentions = static_cast<int>(std::clamp<int64_t>(n, 1, 1 << 30));
  if (!ParseInt(Field(f, 33), &n) || n < 0)
    return Status::InvalidInput("NumArticles '" + std::string(Field(f, 33)) + "' is not a count");
  out->articles = static_cast<int>(std::clamp<int64_t>(n, 1, 1 << 30));
  e.source = GdeltActor(Field(f, 5), Field(f, 6), Field(f, 7));
  e.target = GdeltActor(Field(f, 15), Field(f, 16), Field(f, 17));
  if (!e.source && !e.target) return Status::InvalidInput("neither Actor1 nor Actor2");
  out->url = std::string(Field(f, 60));
  out->report = out->url.empty() ? std::string() : out->url;
  out->place = std::string(Field(f, 52));
  double v;
  if (ParseDouble(Field(f, 56), &v) && v >= -90 && v <= 90) out->latitude = v;
  if (ParseDouble(Field(f, 57), &v) && v >= -180 && v <= 180) out->longitude = v;
  return Status::OK();
}

Status ParseEventJsonLine(std::string_view line, ImportRecord* out) {
  *out = ImportRecord();
  Status s = EventFromJson(line, &out->event);
  if (!s.ok()) return Status::InvalidInput("not a dyad event record: " + s.message());
  Event& e = out->event;
  if (!ValidCameo(e.cameo)) return Status::InvalidInput("cameo '" + e.cameo + "' is not a CAMEO event code");
  if (e.cameo_root.empty()) e.cameo_root = e.cameo.substr(0, 2);
  if (!IsIsoDay(e.event_date)) e.event_date = e.date;
  if (!IsIsoDay(e.date) && IsIsoDay(e.event_date)) e.date = e.event_date;
  if (!IsIsoDay(e.event_date)) return Status::InvalidInput("date '" + e.date + "' is not YYYY-MM-DD");
  if (e.doc_id.empty()) return Status::InvalidInput("event without doc_id");
  out->origin = "jsonl";
  // The same event line imported twice has the same id.
  const std::string sig = e.doc_id + "#" + std::to_string(e.sentence) + "#" + e.cameo + "#" +
                          (e.source ? e.source->code + "/" + e.source->text : "-") + "#" +
                          (e.target ? e.target->code + "/" + e.target->text : "-") + "#" +
                          std::to_string(e.evidence.trigger_start) + (e.negated ? "#n" : "");
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(ContentHash(sig)));
  out->external_id = e.doc_id + "#" + buf;
  out->report = e.doc_id;
  out->mentions = 1 + static_cast<int>(e.mentions.size());
  return Status::OK();
}

Status ImportFile(const std::string& path, ImportFormat format, EventStore* store,
                  const ImportOptions& options, ImportStats* stats) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  auto problem = [&](uint64_t line, const std::string& msg) {
    ++stats->bad;
    if (options.on_problem) options.on_problem(ImportProblem{path, line, msg});
  };
  IcewsColumns cols;
  bool have_header = format != ImportFormat::kIcews;
  std::string line;
  uint64_t lineno = 0;
  size_t in_batch = 0;
  Status s;
  std::vector<std::string> unmapped;
  ImportRecord rec;
  constexpr size_t kMaxLine = 1u << 20;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty()) continue;
    if (!have_header) {
      if (!(s = ParseIcewsHeader(SplitTabs(line), &cols)).ok())
        return Status::InvalidInput(path + ":" + std::to_string(lineno) + ": " + s.message());
      have_header = true;
      continue;
    }
    ++stats->lines;
    if (line.size() > kMaxLine) {
      problem(lineno, "line longer than 1 MiB");
      continue;
    }
    unmapped.clear();
    if (format == ImportFormat::kJsonl) {
      s = ParseEventJsonLine(line, &rec);
    } else {
      auto fields = SplitTabs(line);
      s = format == ImportFormat::kIcews ? ParseIcewsRow(fields, cols, &rec, &unmapped)
                                         : ParseGdeltRow(fields, &rec);
    }
    if (!s.ok()) {
      problem(lineno, s.message());
      continue;
    }
    for (auto& u : unmapped) ++stats->unmapped_countries[u];
    if (in_batch == 0 && !(s = store->Begin()).ok()) return s;
    bool added = false;
    s = store->AddImported(rec, &added);
    if (!s.ok()) {
      problem(lineno, s.message());
      continue;
    }
    if (added) ++stats->imported; else ++stats->duplicates;
    if (++in_batch >= options.batch_rows) {
      if (!(s = store->Commit()).ok()) return s;
      in_batch = 0;
    }
  }
  if (in.bad()) {
    store->Rollback();
    return Status::IOError(path + ": read error after line " + std::to_string(lineno));
  }
  if (!have_header) return Status::InvalidInput(path + ": empty file (no ICEWS header row)");
  return store->Commit();
}

}  // namespace dyad
