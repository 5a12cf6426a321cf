// lexicon — parsing and validating dict/verbs/*.txt (see docs/verbs.md).
#include "dyad/lexicon/verb_dictionary.h"

#include <algorithm>
#include <filesystem>

#include "dyad/lexicon/ontology.h"
#include "dyad/util/serialize.h"

namespace dyad {

const char* EmbedName(Embed e) {
  switch (e) {
    case Embed::kNone: return "none";
    case Embed::kIntent: return "intent";
    case Embed::kAppeal: return "appeal";
    case Embed::kDemand: return "demand";
    case Embed::kThreat: return "threat";
    case Embed::kReject: return "reject";
    case Embed::kReport: return "report";
    case Embed::kPass: return "pass";
    case Embed::kNegate: return "negate";
    case Embed::kOwn: return "own";
  }
  return "none";
}

namespace {

bool ParseEmbed(std::string_view s, Embed* e) {
  for (Embed x : {Embed::kNone, Embed::kIntent, Embed::kAppeal, Embed::kDemand, Embed::kThreat,
                  Embed::kReject, Embed::kReport, Embed::kPass, Embed::kNegate, Embed::kOwn}) {
    if (s == EmbedName(x)) {
      *e = x;
      return true;
    }
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitWs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t bar = s.find('|', pos);
    std::string_view part = Trim(s.substr(pos, bar == std::string_view::npos ? bar : bar - pos));
    out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

bool ValidWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c == ' ' || c == '\t' || c == ';' || c == '=' || c == '#') return false;
  }
  return true;
}

bool ValidCodeSyntax(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  for (char ch : c)
    if (ch < '0' || ch > '9') return false;
  return true;
}

// An element before class expansion: alternatives, possibly "&CLASS" names.
struct RawElement {
  std::vector<std::string> alts;
  bool forbidden = false;
};

struct RawPattern {
  VerbPattern p;
  std::vector<RawElement> elements;
};

}  // namespace

class VerbDictionaryParser {
 public:
  explicit VerbDictionaryParser(const Ontology* ontology) : ontology_(ontology) {}

  Status ParseFile(std::string_view text, const std::string& name) {
    size_t pos = 0;
    int lineno = 0;
    std::string base = std::filesystem::path(name).filename().string();
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      ++lineno;
      pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
      if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      line = Trim(line);
      if (line.empty()) continue;
      Status st = ParseLine(line, name, base, lineno);
      if (!st.ok()) return st;
    }
    return Status::OK();
  }

  Status Finish(VerbDictionary* d) {
    for (RawPattern& rp : raw_) {
      for (const RawElement& el : rp.elements) {
        std::vector<std::string> alts;
        for (const std::string& a : el.alts) {
          if (a[0] == '&') {
            auto it = classes_.find(a.substr(1));
            if (it == classes_.end())
              return Status::InvalidInput(rp.p.file + ":" + std::to_string(rp.p.line) +
                                          ": unknown word class '" + a + "'");
            alts.insert(alts.end(), it->second.begin(), it->second.end());
          } else {
            alts.push_back(a);
          }
        }
        (el.forbidden ? rp.p.forbidden : rp.p.words).push_back(std::move(alts));
      }
      int idx = static_cast<int>(d->patterns_.size());
      d->by_trigger_[rp.p.trigger].push_back(idx);
      d->patterns_.push_back(std::move(rp.p));
    }
    d->transforms_ = std::move(transforms_);
    d->sets_ = std::move(sets_);
    return Status::OK();
  }

 private:
  Status Error(const std::string& file, int line, const std::string& what) {
    return Status::InvalidInput(file + ":" + std::to_string(line) + ": " + what);
  }

  Status CheckCode(const std::string& code, const std::string& file, int line) {
    if (!ValidCodeSyntax(code)) return Error(file, line, "bad CAMEO code '" + code + "' (2-4 digits)");
    if (ontology_ && !ontology_->Find(code))
      return Error(file, line, "unknown CAMEO code '" + code + "'");
    return Status::OK();
  }

  Status ParseLine(std::string_view line, const std::string& file, const std::string& base, int lineno) {
    if (line[0] == '&') {  // &CLASS = a | b | c
      size_t eq = line.find('=');
      if (eq == std::string_view::npos) return Error(file, lineno, "word class needs '='");
      std::string cname(Trim(line.substr(1, eq - 1)));
      if (cname.empty() || !ValidWord(cname)) return Error(file, lineno, "bad word class name");
      auto words = SplitBar(line.substr(eq + 1));
      auto& dst = classes_[cname];
      for (auto& w : words) {
        if (!ValidWord(w) || w[0] == '&') return Error(file, lineno, "bad word '" + w + "' in class " + cname);
        dst.push_back(Lower(w));
      }
      return Status::OK();
    }
    if (line[0] == '%') {
      auto toks = SplitWs(line.substr(1));
      if (toks.empty()) return Error(file, lineno, "empty directive");
      if (toks[0] == "set") {  // %set NAME = a | b
        size_t eq = line.find('=');
        if (toks.size() < 2 || eq == std::string_view::npos) return Error(file, lineno, "%set NAME = word | word");
        std::string sname(toks[1]);
        for (auto& w : SplitBar(line.substr(eq + 1))) {
          if (!ValidWord(w)) return Error(file, lineno, "bad word '" + w + "' in set " + sname);
          sets_[sname].push_back(Lower(w));
        }
        return Status::OK();
      }
      if (toks[0] == "transform") {  // %transform intent 07 -> 033
        if (toks.size() != 5 || toks[3] != "->")
          return Error(file, lineno, "expected '%transform NAME FROM -> TO'");
        Embed e;
        if (!ParseEmbed(toks[1], &e) || e == Embed::kNone || e == Embed::kReport || e == Embed::kPass ||
            e == Embed::kNegate || e == Embed::kOwn)
          return Error(file, lineno, "unknown transform '" + std::string(toks[1]) +
                                         "' (intent, appeal, demand, threat, reject)");
        std::string from(toks[2]), to(toks[4]);
        if (from != "*") {
          Status st = CheckCode(from, file, lineno);
          if (!st.ok()) return st;
        }
        if (to != "-" && to != "=") {
          Status st = CheckCode(to, file, lineno);
          if (!st.ok()) return st;
        }
        auto& table = transforms_[std::string(toks[1])];
        if (table.count(from)) return Error(file, lineno, "duplicate transform row for '" + from + "'");
        // "-": the transform does not apply; "=": the governed code is kept.
        table[from] = to == "-" ? "" : to;
        return Status::OK();
      }
      return Error(file, lineno, "unknown directive '%" + std::string(toks[0]) + "'");
    }
    // CODE PATTERN [; options]
    std::string_view opts;
    if (size_t semi = line.find(';'); semi != std::string_view::npos) {
      opts = line.substr(semi + 1);
      line = Trim(line.substr(0, semi));
    }
    auto toks = SplitWs(line);
    if (toks.size() < 2) return Error(file, lineno, "expected 'CODE pattern words [; options]'");
    RawPattern rp;
    VerbPattern& p = rp.p;
    p.file = file;
    p.line = lineno;
    p.id = base + ":" + std::to_string(lineno);
    std::string code(toks[0]);
    if (code != "-") {
      Status st = CheckCode(code, file, lineno);
      if (!st.ok()) return st;
      p.code = code;
    }
    std::string_view trig = toks[1];
    if (trig.substr(0, 2) == "v:") {
      p.pos = TriggerPos::kVerb;
      trig.remove_prefix(2);
    } else if (trig.substr(0, 2) == "n:") {
      p.pos = TriggerPos::kNoun;
      trig.remove_prefix(2);
    }
    if (!ValidWord(trig) || trig[0] == '&' || trig[0] == '!' || trig.find('|') != std::string_view::npos)
      return Error(file, lineno, "bad trigger '" + std::string(toks[1]) + "' (one lemma, optional v:/n:)");
    p.trigger = Lower(trig);
    for (size_t i = 2; i < toks.size(); ++i) {
      std::string_view t = toks[i];
      RawElement el;
      if (t[0] == '!') {
        el.forbidden = true;
        t.remove_prefix(1);
      }
      el.alts = SplitBar(t);
      for (auto& a : el.alts) {
        if (!ValidWord(a)) return Error(file, lineno, "bad pattern word '" + std::string(toks[i]) + "'");
        if (a[0] != '&') a = Lower(a);
      }
      rp.elements.push_back(std::move(el));
    }
    for (auto o : SplitWs(opts)) {
      std::string_view key = o, val;
      if (size_t eq = o.find('='); eq != std::string_view::npos) {
        key = o.substr(0, eq);
        val = o.substr(eq + 1);
      }
      if (key == "embed") {
        if (!ParseEmbed(val, &p.embed)) return Error(file, lineno, "unknown embed '" + std::string(val) + "'");
      } else if (key == "src") {
        if (val.empty()) return Error(file, lineno, "src= needs a value");
        p.source_from = std::string(val);
      } else if (key == "tgt") {
        if (val.empty()) return Error(file, lineno, "tgt= needs a value");
        p.target_from = std::string(val);
      } else if (key == "recip") {
        p.reciprocal = true;
      } else if (key == "both") {
        p.both = true;
        p.reciprocal = true;
      } else if (key == "back") {
        // "received ministers from X": 043 one way, 042 (visit) the other.
        Status st = CheckCode(std::string(val), file, lineno);
        if (!st.ok()) return st;
        p.back_code = std::string(val);
        p.both = true;
      } else if (key == "half") {
        p.half = true;
      } else if (key == "dyad") {
        p.require_target = true;
      } else if (key == "swap") {
        p.swap = true;
      } else if (key == "mod") {
        static const char* kMods[] = {"asserted", "intended", "conditional", "hypothetical", "reported"};
        if (std::find_if(std::begin(kMods), std::end(kMods), [&](const char* m) { return val == m; }) ==
            std::end(kMods))
          return Error(file, lineno, "unknown modality '" + std::string(val) + "'");
        p.modality = std::string(val);
      } else {
        return Error(file, lineno, "unknown option '" + std::string(o) + "'");
      }
    }
    if (p.code.empty() && (p.embed == Embed::kNone || p.embed == Embed::kOwn))
      return Error(file, lineno, "a pattern with code '-' needs an embed= option");
    raw_.push_back(std::move(rp));
    return Status::OK();
  }

  const Ontology* ontology_;
  std::vector<RawPattern> raw_;
  std::unordered_map<std::string, std::vector<std::string>> classes_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> transforms_;
  std::unordered_map<std::string, std::vector<std::string>> sets_;
};

Status VerbDictionary::Load(const std::string& dir, const Ontology* ontology,
                            std::unique_ptr<VerbDictionary>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": verb dictionary directory not found");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::NotFound(dir + ": no *.txt verb dictionary files");
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& f : files) {
    std::string text;
    Status st = ReadFileToString(f, &text);
    if (!st.ok()) return st;
    texts.emplace_back(f, std::move(text));
  }
  return FromText(texts, ontology, out);
}

Status VerbDictionary::FromText(const std::vector<std::pair<std::string, std::string>>& files,
                                const Ontology* ontology, std::unique_ptr<VerbDictionary>* out) {
  VerbDictionaryParser parser(ontology);
  for (const auto& [name, text] : files) {
    Status st = parser.ParseFile(text, name);
    if (!st.ok()) return st;
  }
  auto d = std::unique_ptr<VerbDictionary>(new VerbDictionary());
  Status st = parser.Finish(d.get());
  if (!st.ok()) return st;
  *out = std::move(d);
  return Status::OK();
}

const std::vector<int>* VerbDictionary::ForTrigger(std::string_view lemma) const {
  auto it = by_trigger_.find(std::string(lemma));
  return it == by_trigger_.end() ? nullptr : &it->second;
}

std::string VerbDictionary::Transform(Embed embed, std::string_view code) const {
  auto t = transforms_.find(EmbedName(embed));
  if (t == transforms_.end()) return "";
  const auto& table = t->second;
  for (size_t n = std::min<size_t>(code.size(), 4); n >= 2; --n) {
    auto it = table.find(std::string(code.substr(0, n)));
    if (it != table.end()) return it->second == "=" ? std::string(code) : it->second;
  }
  auto it = table.find("*");
  if (it == table.end()) return "";
  return it->second == "=" ? std::string(code) : it->second;
}

bool VerbDictionary::InSet(std::string_view set, std::string_view lemma) const {
  const auto* s = Set(set);
  return s && std::find(s->begin(), s->end(), lemma) != s->end();
}

const std::vector<std::string>* VerbDictionary::Set(std::string_view set) const {
  auto it = sets_.find(std::string(set));
  return it == sets_.end() ? nullptr : &it->second;
}

std::array<int, 21> VerbDictionary::CountsByRoot() const {
  std::array<int, 21> counts{};
  for (const auto& p : patterns_) {
    int root = p.code.size() >= 2 ? (p.code[0] - '0') * 10 + (p.code[1] - '0') : 0;
    if (root < 0 || root > 20) root = 0;
    ++counts[root];
  }
  return counts;
}

}  // namespace dyad
