// Loading the CAMEO code table and the CAMEO -> PLOVER mapping (ontology.h).
#include "dyad/lexicon/ontology.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dyad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(Trim(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsCameoCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  for (char ch : c)
    if (ch < '0' || ch > '9') return false;
  int root = (c[0] - '0') * 10 + (c[1] - '0');
  return root >= 1 && root <= 20;
}

Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open file");
  std::string line;
  while (std::getline(in, line)) lines->push_back(line);
  return Status::OK();
}

// Strips a comment ('#' to end of line) and trailing space; "" for blank lines.
std::string_view Content(const std::string& line) {
  std::string_view s = line;
  if (size_t h = s.find('#'); h != std::string_view::npos) s = s.substr(0, h);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "-" or "" means none; "crime; corruption" -> "crime;corruption".
std::string PloverField(std::string_view f) {
  f = Trim(f);
  if (f == "-") return "";
  std::string out;
  for (char c : f)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

Status Ontology::Load(const std::string& dict_dir, std::unique_ptr<Ontology>* out) {
  return LoadFiles(dict_dir + "/cameo.tsv", dict_dir + "/plover.tsv", out);
}

Status Ontology::LoadFiles(const std::string& cameo_tsv, const std::string& plover_tsv,
                           std::unique_ptr<Ontology>* out) {
  auto o = std::unique_ptr<Ontology>(new Ontology());
  std::vector<std::string> lines;
  if (Status s = ReadLines(cameo_tsv, &lines); !s.ok()) return s;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Content(lines[i]);
    if (Trim(line).empty()) continue;
    std::string where = cameo_tsv + ":" + std::to_string(i + 1) + ": ";
    auto f = SplitTabs(line);
    if (f.size() != 3) return Status::Corrupt(where + "expected 3 tab-separated fields (code, goldstein, name)");
    if (!IsCameoCode(f[0])) return Status::Corrupt(where + "bad CAMEO code '" + std::string(f[0]) + "'");
    CameoCode c;
    c.code = std::string(f[0]);
    std::string g(f[1]);
    char* end = nullptr;
    c.goldstein = std::strtod(g.c_str(), &end);
    if (g.empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
      return Status::Corrupt(where + "bad Goldstein weight '" + g + "' (a number in -10..10)");
    if (f[2].empty()) return Status::Corrupt(where + "empty name");
    c.name = std::string(f[2]);
    c.root = c.code.substr(0, 2);
    c.level = c.code.size() == 2 ? 1 : static_cast<int>(c.code.size()) - 1;
    if (o->index_.count(c.code)) return Status::Corrupt(where + "code '" + c.code + "' listed twice");
    o->index_[c.code] = o->codes_.size();
    o->codes_.push_back(std::move(c));
  }
  if (o->codes_.empty()) return Status::Corrupt(cameo_tsv + ": no codes");

  lines.clear();
  if (Status s = ReadLines(plover_tsv, &lines); !s.ok()) return s;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Content(lines[i]);
    if (Trim(line).empty()) continue;
    std::string where = plover_tsv + ":" + std::to_string(i + 1) + ": ";
    auto f = SplitTabs(line);
    if (f.size() != 4) return Status::Corrupt(where + "expected 4 tab-separated fields (cameo, event, mode, context)");
    if (!IsCameoCode(f[0])) return Status::Corrupt(where + "bad CAMEO code '" + std::string(f[0]) + "'");
    Plover p{PloverField(f[1]), PloverField(f[2]), PloverField(f[3])};
    if (p.event.empty()) return Status::Corrupt(where + "empty PLOVER event");
    o->plover_.emplace(std::string(f[0]), std::move(p));  // first entry wins
  }
  *out = std::move(o);
  return Status::OK();
}

const CameoCode* Ontology::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const CameoCode* Ontology::FindOrParent(std::string_view code) const {
  for (size_t n = code.size(); n >= 2; --n)
    if (const CameoCode* c = Find(code.substr(0, n))) return c;
  return nullptr;
}

Plover Ontology::ToPlover(std::string_view code) const {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = plover_.find(std::string(code.substr(0, n)));
    if (it != plover_.end()) return it->second;
  }
  return {};
}

int Ontology::QuadClass(std::string_view code, QuadScheme scheme) {
  if (!IsCameoCode(code)) return -1;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (scheme == QuadScheme::kIcews4) {
    if (root <= 5) return 1;
    if (root <= 9) return 2;
    if (root <= 14) return 3;
    return 4;
  }
  // Phoenix (OEDA phoenix_pipeline postprocess.py): 16 "reduce relations"
  // counts as verbal conflict there, unlike in ICEWS.
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root == 16) return 3;
  return 4;
}

bool Ontology::ParseQuadScheme(std::string_view name, QuadScheme* out) {
  if (name == "icews4" || name == "icews" || name == "4") {
    *out = QuadScheme::kIcews4;
    return true;
  }
  if (name == "phoenix5" || name == "phoenix" || name == "5") {
    *out = QuadScheme::kPhoenix5;
    return true;
  }
  return false;
}

}  // namespace dyad
