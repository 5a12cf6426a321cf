// store — the SQLite schema as an ordered list of migrations. Version N of a
// database has had migrations 1..N applied (PRAGMA user_version = N); opening
// an older file applies the rest, each in its own transaction.
#pragma once

#include "dyad/store/sqlite_db.h"
#include "dyad/util/status.h"

namespace dyad::store_schema {

// Number of migrations this build knows (= the latest schema version).
int LatestVersion();

// Applies migrations until the file is at `target` (0 = latest). Fails when
// the file is newer than this build or is not a dyad store.
Status Migrate(sql::Db* db, int target, int* version);

}  // namespace dyad::store_schema
