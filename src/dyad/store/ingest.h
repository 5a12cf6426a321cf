// store — the ingest loop behind `dyad ingest`: read documents, skip those
// already stored (before spending time on them), annotate and code the rest
// (in parallel), and store them in batched transactions. Annotation and
// coding are passed in as a function so this loop does not depend on the
// models (tests code documents with a stub).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/coder/event.h"
#include "dyad/store/store.h"
#include "dyad/text/document.h"
#include "dyad/text/input.h"
#include "dyad/util/status.h"

namespace dyad {

// Annotates doc (sentences, parse) and codes it; must be thread-safe.
using CodeDocumentFn = std::function<Status(Document* doc, std::vector<Event>* events)>;

struct IngestStats {
  uint64_t documents_read = 0;
  uint64_t documents_added = 0;
  uint64_t documents_duplicate = 0;   // already stored (same id or text)
  uint64_t documents_failed = 0;      // coding or storing failed: reported and skipped
  uint64_t events = 0;                // events coded in added documents
  uint64_t events_new = 0;            // of which created a new stored event
  uint64_t events_merged = 0;         // of which merged into an existing one
  uint64_t mentions = 0;
  uint64_t warnings = 0;              // input problems reported by the reader
  uint64_t sentences = 0;
  uint64_t coarse_dates = 0;          // events dated by year/month only (filed under the article date)
  double seconds = 0;
};

struct IngestOptions {
  size_t batch_docs = 64;   // documents per transaction
  int threads = 1;          // coding threads
  // Problems: bad input records (file:line), documents that failed.
  std::function<void(const std::string&)> on_warning;
  // After each committed batch (progress reports).
  std::function<void(const IngestStats&)> on_commit;
  // Test hook: called after each document is added inside the open
  // transaction, with the number added so far in that transaction.
  std::function<void(size_t)> after_add;
};

Status Ingest(DocumentReader* reader, const CodeDocumentFn& code, EventStore* store,
              const IngestOptions& options, IngestStats* stats);

}  // namespace dyad
