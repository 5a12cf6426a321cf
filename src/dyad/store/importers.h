// store — importing published event data sets into the store: the ICEWS
// Dataverse TSV (header row, columns found by name) and GDELT 2.0 event
// files (61 tab-separated columns, no header). Rows are mapped to dyad's
// event record (actors as CAMEO codes, quad class, Goldstein) and merged like
// coded events. dyad's own JSON Lines events (`dyad code` output,
// coder/event_json.h) import the same way, keeping their evidence spans.
// A bad row is reported with file:line and skipped; rows
// already imported (same origin + id) are skipped, so re-running is safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/store/store.h"
#include "dyad/util/status.h"

namespace dyad {

enum class ImportFormat { kIcews, kGdelt, kJsonl };
// "icews" | "gdelt" | "jsonl"
bool ParseImportFormat(std::string_view name, ImportFormat* out);

struct ImportProblem {
  std::string file;
  uint64_t line = 0;
  std::string message;
  std::string ToString() const { return file + ":" + std::to_string(line) + ": " + message; }
};

struct ImportStats {
  uint64_t lines = 0;        // data lines read (header and blank lines excluded)
  uint64_t imported = 0;     // new mentions stored
  uint64_t duplicates = 0;   // rows already in the store
  uint64_t bad = 0;          // rows skipped as malformed
  // ICEWS country names without a CAMEO code (the actor is kept with code "").
  std::map<std::string, uint64_t> unmapped_countries;
};

struct ImportOptions {
  size_t batch_rows = 5000;  // rows per transaction
  std::function<void(const ImportProblem&)> on_problem;  // called for each bad row
};

// Imports one file. Fails only when the file cannot be read or (ICEWS) its
// header lacks a needed column; bad rows go to on_problem and stats->bad.
Status ImportFile(const std::string& path, ImportFormat format, EventStore* store,
                  const ImportOptions& options, ImportStats* stats);

// Row parsers, exposed for tests. `fields` are the tab-separated cells.
struct IcewsColumns {
  int event_id = -1, event_date = -1, source_name = -1, source_sectors = -1, source_country = -1,
      event_text = -1, cameo_code = -1, intensity = -1, target_name = -1, target_sectors = -1,
      target_country = -1, story_id = -1, sentence_number = -1, publisher = -1, city = -1,
      district = -1, province = -1, country = -1, latitude = -1, longitude = -1;
  size_t width = 0;  // number of header columns
};
// Finds the columns in an ICEWS header row; fails naming the missing ones.
Status ParseIcewsHeader(const std::vector<std::string_view>& header, IcewsColumns* cols);
// `unmapped` collects country names without a code (may be null).
Status ParseIcewsRow(const std::vector<std::string_view>& fields, const IcewsColumns& cols,
                     ImportRecord* out, std::vector<std::string>* unmapped);
Status ParseGdeltRow(const std::vector<std::string_view>& fields, ImportRecord* out);
// One line of dyad's JSON Lines event output.
Status ParseEventJsonLine(std::string_view line, ImportRecord* out);
constexpr size_t kGdeltColumns = 61;

// Splits a line on tabs (no quoting: neither format quotes fields).
std::vector<std::string_view> SplitTabs(std::string_view line);

}  // namespace dyad
