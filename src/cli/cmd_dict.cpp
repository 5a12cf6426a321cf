// `dyad dict check|lookup|stats`: validating, querying and counting the
// dictionaries in dict/ (actors, agents, CAMEO and PLOVER tables).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "commands.h"
#include "dyad/lexicon/lexicon.h"
#include "dyad/util/resources.h"

namespace dyad::cli {
namespace {

std::string DictDir(const std::string& dir) { return dir.empty() ? ResourcePath("dict") : dir; }

// Primary blocks that are not countries but are valid CAMEO/Phoenix roots.
const std::set<std::string>& NonStatePrimaries() {
  static const std::set<std::string> s = {
      "---", "IGO", "NGO", "IMG", "MNC", "UIS", "NGM",
      // CAMEO regions
      "AFR", "ASA", "BLK", "CAU", "CRB", "CAS", "EAF", "EAS", "EEU", "EUR", "LAM", "MEA",
      "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WEU", "WST",
      "CFR", "BAL", "SCA", "CEU"};
  return s;
}

int RunCheck(const std::string& dir_arg) {
  std::string dir = DictDir(dir_arg);
  std::vector<DictProblem> problems;
  LexiconLoadOptions opt;
  opt.problems = &problems;
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Lexicon> lex;
  Status s = Lexicon::Load(dir, &lex, opt);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  // Lint: actor codes whose first block is neither a country from the
  // country files nor a known non-state root (typos such as "PKRGOV"). The
  // files are re-read here so that the lint runs even when loading failed.
  {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir + "/actors", ec))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<DictEntry> entries;
    std::vector<ActorKind> kinds;
    for (const auto& f : files) {
      std::vector<DictProblem> ignored;  // already reported by the load above
      ParseDictFile(f, CodeSyntax::kActor, &entries, &ignored);
      kinds.resize(entries.size(), ActorKindForFile(f));
    }
    std::set<std::string> countries;
    for (size_t i = 0; i < entries.size(); ++i)
      if (kinds[i] == ActorKind::kCountry)
        for (const auto& c : entries[i].codes) countries.insert(c.code.substr(0, 3));
    for (const auto& e : entries) {
      for (const auto& c : e.codes) {
        std::string p = c.code.substr(0, 3);
        if (!countries.count(p) && !NonStatePrimaries().count(p))
          problems.push_back({e.file + ":" + std::to_string(c.line),
                              "code '" + c.code + "' starts with '" + p +
                                  "', which is neither a country code of the country files nor a known root (IGO, NGO, IMG, MNC, a region)",
                              false});
      }
    }
  }
  int errors = 0, warnings = 0;
  for (const auto& p : problems) {
    std::cout << p.where << ": " << (p.error ? "error" : "warning") << ": " << p.message << "\n";
    (p.error ? errors : warnings)++;
  }
  if (!s.ok() && errors == 0) {  // a failure that was not itemised (missing file)
    std::cout << s.message() << "\n";
    ++errors;
  }
  std::cout << fmt::format("{}: {} error(s), {} warning(s)", dir, errors, warnings);
  if (lex)
    std::cout << fmt::format("; {} actor entries, {} agent entries, {} CAMEO codes; loaded in {:.1f} ms",
                             lex->actors().size(), lex->agents().size(),
                             lex->ontology() ? lex->ontology()->codes().size() : 0, ms);
  std::cout << "\n";
  return errors ? 1 : 0;
}

std::string SpanText(const std::vector<std::string>& words, int first, int last) {
  std::string s;
  for (int i = first; i <= last && i < static_cast<int>(words.size()); ++i) {
    if (i > first) s += ' ';
    s += words[i];
  }
  return s;
}

int RunLookup(const std::string& dir_arg, const std::string& text, const std::string& date,
              const std::string& cameo, bool raw, bool capitals_as_country) {
  std::unique_ptr<Lexicon> lex;
  LexiconLoadOptions opt;
  opt.capitals_as_country = capitals_as_country;
  Status s = Lexicon::Load(DictDir(dir_arg), &lex, opt);
  if (!s.ok()) Fail(s.message());
  if (!cameo.empty()) {
    const Ontology* o = lex->ontology();
    const CameoCode* c = o->Find(cameo);
    if (!c) Fail("unknown CAMEO code '" + cameo + "'");
    Plover p = o->ToPlover(cameo);
    std::cout << fmt::format("{}\t{}\tgoldstein {}\troot {}\tquad {} (icews4) / {} (phoenix5)\tPLOVER {}|{}|{}\n",
                             c->code, c->name, c->goldstein, c->root, Ontology::QuadClass(c->code),
                             Ontology::QuadClass(c->code, QuadScheme::kPhoenix5),
                             p.event.empty() ? "-" : p.event, p.mode.empty() ? "-" : p.mode,
                             p.context.empty() ? "-" : p.context);
    if (text.empty()) return 0;
  }
  auto words = Lexicon::SimpleWords(text);
  auto show = [&](const ActorMatch& m, const DictEntry& e) {
    std::cout << fmt::format("  [{}-{}] {:<28} {:<12} {:<8} name \"{}\"  {}\n", m.first, m.last,
                             "\"" + SpanText(words, m.first, m.last) + "\"", m.code.empty() ? "(none)" : m.code,
                             ActorKindName(m.kind), m.name, e.Where());
  };
  std::cout << "words: ";
  for (size_t i = 0; i < words.size(); ++i) std::cout << (i ? " | " : "") << words[i];
  std::cout << "\ndate: " << (date.empty() ? "(none: current roles)" : date) << "\n";
  auto found = lex->FindActors(words, date);
  std::cout << "actors (agents folded in):\n";
  if (found.empty()) std::cout << "  (none)\n";
  for (const auto& m : found)
    show(m, m.kind == ActorKind::kAgent ? lex->agents().entry(m.entry) : lex->actors().entry(m.entry));
  if (raw) {
    std::cout << "actor dictionary matches:\n";
    for (const auto& m : lex->actors().Find(words, date)) show(m, lex->actors().entry(m.entry));
    std::cout << "agent dictionary matches:\n";
    for (const auto& m : lex->agents().Find(words, date)) show(m, lex->agents().entry(m.entry));
  }
  return 0;
}

int RunStats(const std::string& dir_arg) {
  std::string dir = DictDir(dir_arg);
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Lexicon> lex;
  Status s = Lexicon::Load(dir, &lex);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!s.ok()) Fail(s.message());
  const auto& actors = lex->actors();
  struct Row {
    size_t entries = 0, names = 0, codes = 0, dated = 0;
  };
  std::map<std::string, Row> per_file;
  std::map<std::string, Row> per_kind;
  for (size_t i = 0; i < actors.size(); ++i) {
    const auto& e = actors.entry(static_cast<int>(i));
    size_t dated = 0;
    for (const auto& c : e.codes) dated += c.dated;
    for (Row* r : {&per_file[e.file], &per_kind[ActorKindName(actors.kind(static_cast<int>(i)))]}) {
      r->entries++;
      r->names += e.names.size();
      r->codes += e.codes.size();
      r->dated += dated;
    }
  }
  Row agents;
  for (const auto& e : lex->agents().entries()) {
    agents.entries++;
    agents.names += e.names.size();
    agents.codes += e.codes.size();
    for (const auto& c : e.codes) agents.dated += c.dated;
  }
  auto line = [](const std::string& label, const Row& r) {
    std::cout << fmt::format("  {:<40} {:>6} {:>7} {:>6} {:>6}\n", label, r.entries, r.names, r.codes, r.dated);
  };
  std::cout << fmt::format("dictionaries in {} (loaded in {:.1f} ms)\n", dir, ms);
  std::cout << fmt::format("  {:<40} {:>6} {:>7} {:>6} {:>6}\n", "file", "entries", "names", "codes", "dated");
  Row total;
  for (const auto& [f, r] : per_file) {
    line(f.rfind(dir + "/", 0) == 0 ? f.substr(dir.size() + 1) : f, r);
    total.entries += r.entries, total.names += r.names, total.codes += r.codes, total.dated += r.dated;
  }
  line("agents.txt", agents);
  std::cout << "by kind:\n";
  for (const auto& [k, r] : per_kind) line(k, r);
  line("agent", agents);
  Row all = total;
  all.entries += agents.entries, all.names += agents.names, all.codes += agents.codes, all.dated += agents.dated;
  line("TOTAL (actors + agents)", all);
  std::cout << fmt::format("warnings (duplicate names across entries): {} actors, {} agents\n",
                           actors.warnings().size(), lex->agents().warnings().size());
  const Ontology* o = lex->ontology();
  std::map<int, int> levels;
  for (const auto& c : o->codes()) levels[c.level]++;
  std::cout << fmt::format("CAMEO codes: {} ({} roots, {} level-2, {} level-3); PLOVER mappings: {}\n",
                           o->codes().size(), levels[1], levels[2], levels[3], o->plover_size());
  return 0;
}

CommandRegistrar reg(60, [](CLI::App& app) {
  auto* dict = app.add_subcommand("dict", "Check, query and count the actor/agent dictionaries and CAMEO tables");
  dict->require_subcommand(1);

  static std::string check_dir;
  auto* check = dict->add_subcommand("check", "Validate all dictionary files; print problems as file:line");
  check->add_option("dir", check_dir, "dictionary directory (default: the dict/ of this install)");
  check->callback([] {
    int rc = RunCheck(check_dir);
    if (rc) throw CLI::RuntimeError(rc);
  });

  static std::string look_dir, look_text, look_date, look_cameo;
  static bool look_raw = false, look_capitals = false;
  auto* look = dict->add_subcommand("lookup", "Show the actors and codes found in a phrase");
  look->add_option("text", look_text, "text to match, e.g. \"North Korean troops\"");
  look->add_option("--date", look_date, "article date YYYY-MM-DD (default: current roles)");
  look->add_option("--dir", look_dir, "dictionary directory");
  look->add_option("--cameo", look_cameo, "also show a CAMEO event code (name, Goldstein, quad class, PLOVER)");
  look->add_flag("--raw", look_raw, "also list the raw actor and agent dictionary matches");
  look->add_flag("--capitals-as-country", look_capitals,
                 "code capital cities as the bare country (Phoenix convention: Beijing = CHN)");
  look->callback([] {
    if (look_text.empty() && look_cameo.empty()) Fail("dict lookup: give a text or --cameo CODE");
    RunLookup(look_dir, look_text, look_date, look_cameo, look_raw, look_capitals);
  });

  static std::string stats_dir;
  auto* stats = dict->add_subcommand("stats", "Count entries, names and codes per file and kind");
  stats->add_option("dir", stats_dir, "dictionary directory");
  stats->callback([] { RunStats(stats_dir); });
});

}  // namespace
}  // namespace dyad::cli
