// dyad import: event data sets into the event store. ICEWS Dataverse TSV
// files (header row), GDELT 2.0 event exports (61 columns) and dyad's own
// JSON Lines events (`dyad code` output, with their evidence) are mapped to
// dyad's events and merged with what the store holds. Bad rows are reported
// as FILE:LINE and skipped; re-importing a file adds nothing.
//
//   dyad import --format icews events.2019.tab --db events.db
//   dyad import --format gdelt 20200110.export.CSV --db events.db
//   dyad code news.jsonl > ev.jsonl && dyad import --format jsonl ev.jsonl --db events.db
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/store/importers.h"
#include "dyad/store/store.h"

namespace dyad::cli {
namespace {

struct Args {
  std::vector<std::string> files;
  std::string format, db;
  size_t batch = 5000;
  size_t max_problems = 100;
};

void Run(const Args& a) {
  ImportFormat format;
  if (!ParseImportFormat(a.format, &format)) Fail("--format must be icews, gdelt or jsonl (got '" + a.format + "')");
  std::unique_ptr<EventStore> store;
  Status st = EventStore::Open(a.db, {}, &store);
  if (!st.ok()) Fail(st.message());
  size_t shown = 0, hidden = 0;
  ImportOptions o;
  o.batch_rows = a.batch;
  o.on_problem = [&](const ImportProblem& p) {
    if (shown < a.max_problems) {
      std::cerr << "dyad: " << p.ToString() << " (row skipped)\n";
      ++shown;
    } else {
      ++hidden;
    }
  };
  bool failed = false;
  const auto t0 = std::chrono::steady_clock::now();
  ImportStats total;
  for (const auto& f : a.files) {
    ImportStats s;
    st = ImportFile(f, format, store.get(), o, &s);
    if (!st.ok()) {
      std::cerr << "dyad: " << st.message() << "\n";
      failed = true;
    }
    std::cout << "dyad import: " << f << ": " << s.lines << " rows, " << s.imported << " imported, "
              << s.duplicates << " already stored, " << s.bad << " bad\n";
    total.lines += s.lines;
    total.imported += s.imported;
    total.duplicates += s.duplicates;
    total.bad += s.bad;
    for (const auto& [name, n] : s.unmapped_countries) total.unmapped_countries[name] += n;
  }
  if (hidden) std::cerr << "dyad: ... " << hidden << " more bad rows not shown (--max-problems)\n";
  if (!total.unmapped_countries.empty()) {
    std::vector<std::pair<std::string, uint64_t>> u(total.unmapped_countries.begin(), total.unmapped_countries.end());
    std::sort(u.begin(), u.end(), [](auto& x, auto& y) { return x.second > y.second; });
    std::cerr << "dyad: " << u.size() << " country names have no CAMEO code (actors kept with code \"\"):";
    for (size_t i = 0; i < u.size() && i < 10; ++i) std::cerr << " " << u[i].first << " (" << u[i].second << ")";
    std::cerr << (u.size() > 10 ? " ..." : "") << "\n";
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "dyad import: " << total.imported << " events imported in " << secs << " s ("
            << (secs > 0 ? total.lines / secs : 0) << " rows/s)\n";
  if (failed) Fail("");
}

CommandRegistrar reg(51, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import", "Import ICEWS, GDELT or dyad JSON Lines event files into an event store");
  cmd->add_option("files", args->files, "ICEWS .tab/.tsv, GDELT .CSV or dyad .jsonl event files")->required();
  cmd->add_option("--format", args->format, "icews, gdelt or jsonl (dyad's own event records, from dyad code)")->required();
  cmd->add_option("--db", args->db, "the event store (SQLite file; created when missing)")->required();
  cmd->add_option("--batch", args->batch, "rows per transaction (default 5000)")->check(CLI::Range(1, 10000000));
  cmd->add_option("--max-problems", args->max_problems, "bad rows printed (the rest are counted)");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
