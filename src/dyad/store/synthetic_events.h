// store — a reproducible synthetic event store for benchmarks (`dyad
// bench-store`) and tests. From a seed it generates news-like event records
// with the skew of real data sets: actors drawn Zipf-wise from ~200 countries
// (a few dominate the news), sectors (GOV, MIL, OPP, ...) on top, dyads
// concentrated on each country's usual partners, CAMEO codes with ICEWS-like
// root frequencies (Goldstein weight, name and PLOVER mapping from the
// ontology, dict/cameo.tsv), ten years of days with growing volume, quieter
// weekends and flare-ups of conflict between rivals (so early warning has
// something to find). Several reports of one event on a day become mentions
// of one stored event, exactly as in real imports.
//
// Records are written through EventStore::AddImported (origin "synthetic") in
// batched transactions, so the schema, indexes, actor-name counts and the
// cross-report merge are the real ones. The same seed, options and inputs
// always give the same store, on any platform (own RNG and distributions).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "dyad/lexicon/actors.h"
#include "dyad/lexicon/ontology.h"
#include "dyad/store/store.h"
#include "dyad/util/status.h"

namespace dyad {

// A country actor: CAMEO code ("RUS") and the name reports use ("Russia").
struct SyntheticCountry {
  std::string code, name;
};

struct SyntheticOptions {
  int64_t events = 1000000;           // distinct stored events to create
  uint64_t seed = 1;
  std::string first_day = "2015-01-01";
  int days = 3653;                    // ten years
  int countries = 200;                // at most this many country actors
  double zipf_s = 1.1;                // Zipf exponent over country prominence
  double repeat_reports = 0.3;        // share of records that re-report an event of the day
  size_t batch = 20000;               // records per transaction
  std::function<void(int64_t events_done, int64_t records_done)> progress;  // after each commit
};

struct SyntheticStats {
  int64_t records = 0;                // AddImported calls (reports)
  int64_t events = 0;                 // distinct stored events created
  int64_t merged = 0;                 // reports merged into an event of the same day
  std::string first_day, last_day;
  double seconds = 0;
};

// The countries of an actor lexicon (entries of kind country with an
// undated 3-letter code; first name of each), most newsworthy first: a fixed
// list of frequently reported states leads, the rest follow in code order.
std::vector<SyntheticCountry> SyntheticCountriesFrom(const ActorLexicon& actors);

// What makes a synthetic store: the options that shape it and a hash of the
// inputs (codes, weights, names, countries), e.g. "events=1000000 seed=1
// first_day=2015-01-01 days=3653 countries=200 inputs=1f2e3d4c". Stored in
// the meta table (key 'synthetic') by GenerateSyntheticEvents; equal recipes
// give identical stores.
std::string SyntheticRecipe(const Ontology& ontology, const std::vector<SyntheticCountry>& countries,
                            const SyntheticOptions& options);

// Adds synthetic events to `store` (normally empty) until it holds
// options.events new events. Fails on bad options, an ontology without
// codes, fewer than 2 countries, or a store error.
Status GenerateSyntheticEvents(const Ontology& ontology, const std::vector<SyntheticCountry>& countries,
                               const SyntheticOptions& options, EventStore* store, SyntheticStats* stats);

}  // namespace dyad
