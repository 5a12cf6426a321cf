// store — the batched, parallel ingest loop (see ingest.h).
#include "dyad/store/ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace dyad {

namespace {

struct Pending {
  Document doc;
  std::vector<Event> events;
  Status status;
};

// Codes docs[i] for every i, on up to `threads` threads.
void CodeAll(std::vector<Pending>* batch, const CodeDocumentFn& code, int threads) {
  const size_t n = batch->size();
  auto work = [&](std::atomic<size_t>* next) {
    for (size_t i; (i = next->fetch_add(1)) < n;) {
      Pending& p = (*batch)[i];
      try {
        p.status = code(&p.doc, &p.events);
      } catch (const std::exception& e) {
        p.status = Status::IOError(std::string("coding failed: ") + e.what());
      }
    }
  };
  std::atomic<size_t> next{0};
  const int k = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  if (k == 1) {
    work(&next);
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 0; t < k; ++t) pool.emplace_back(work, &next);
  for (auto& t : pool) t.join();
}

}  // namespace

Status Ingest(DocumentReader* reader, const CodeDocumentFn& code, EventStore* store,
              const IngestOptions& options, IngestStats* stats) {
  const auto t0 = std::chrono::steady_clock::now();
  auto warn = [&](const std::string& m) {
    if (options.on_warning) options.on_warning(m);
  };
  const size_t batch_docs = std::max<size_t>(1, options.batch_docs);
  bool done = false;
  Status s;
  while (!done) {
    // Read a batch, dropping documents the store already has before any
    // annotation work is spent on them.
    std::vector<Pending> batch;
    while (batch.size() < batch_docs) {
      Pending p;
      if (!reader->Next(&p.doc)) {
        done = true;
        break;
      }
      for (const InputWarning& w : reader->TakeWarnings()) {
        ++stats->warnings;
        warn(w.source + ":" + std::to_string(w.line) + ": " + w.message);
      }
      ++stats->documents_read;
      std::string dup;
      if (!(s = store->FindDocument(p.doc, &dup)).ok()) return s;
      if (!dup.empty()) {
        ++stats->documents_duplicate;
        continue;
      }
      batch.push_back(std::move(p));
    }
    for (const InputWarning& w : reader->TakeWarnings()) {
      ++stats->warnings;
      warn(w.source + ":" + std::to_string(w.line) + ": " + w.message);
    }
    if (batch.empty()) continue;
    CodeAll(&batch, code, options.threads);

    if (!(s = store->Begin()).ok()) return s;
    size_t added_in_txn = 0;
    for (Pending& p : batch) {
      const std::string where = p.doc.origin.empty() ? p.doc.id : p.doc.origin;
      if (!p.status.ok()) {
        ++stats->documents_failed;
        warn(where + ": " + p.status.message() + " (document skipped)");
        continue;
      }
      AddDocumentResult r;
      s = store->AddDocument(p.doc, p.events, &r);
      if (!s.ok()) {
        ++stats->documents_failed;
        warn(s.message() + " (document skipped)");
        continue;
      }
      for (const auto& w : r.warnings) warn(w);
      if (!r.added) {  // a duplicate inside this batch
        ++stats->documents_duplicate;
        continue;
      }
      ++stats->documents_added;
      stats->events += p.events.size();
      stats->events_new += r.events_new;
      stats->events_merged += r.events_merged;
      stats->mentions += r.mentions;
      stats->sentences += p.doc.sentences.size();
      stats->coarse_dates += r.coarse_dates;
      ++added_in_txn;
      if (options.after_add) options.after_add(added_in_txn);
    }
    if (!(s = store->Commit()).ok()) return s;
    stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (options.on_commit) options.on_commit(*stats);
  }
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return Status::OK();
}

}  // namespace dyad
