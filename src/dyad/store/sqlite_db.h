// store — a thin RAII layer over the SQLite C API: a connection (Db) and a
// prepared statement (Stmt) with typed bind/column helpers. It exists so the
// rest of the store, analytics and server never touch raw sqlite3 handles or
// forget to finalize/reset a statement.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/util/status.h"

namespace dyad::sql {

class Stmt;

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  Db(Db&& o) noexcept : db_(o.db_), path_(std::move(o.path_)) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;

  // Opens (creating when `create`) the database file. read_only opens with
  // SQLITE_OPEN_READONLY. Sets a busy timeout so concurrent writers wait.
  Status Open(const std::string& path, bool create, bool read_only = false);
  void Close();

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  Status Prepare(std::string_view sql, Stmt* out) const;

  // Aborts any statement of this connection that runs past `deadline` (a
  // query time limit for the server); nullopt removes the limit.
  void SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline);
  bool deadline_hit() const { return deadline_hit_; }

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  std::string ErrorMessage() const;
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }

 private:
  static int ProgressHandler(void* self);
  sqlite3* db_ = nullptr;
  std::string path_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  bool deadline_hit_ = false;
};

class Stmt {
 public:
  Stmt() = default;
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : st_(o.st_), db_(o.db_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;

  // Binding is 1-based, as in SQLite. Returns *this for chaining.
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& BindNull(int i);

  // Steps once: true when a row is available, false when done. Errors are
  // kept and returned by status().
  bool Step();
  // Steps to completion (for INSERT/UPDATE); returns the error, if any.
  Status Run();
  void Reset();  // resets and clears bindings
  Status status() const { return status_; }

  int64_t Int(int col) const { return sqlite3_column_int64(st_, col); }
  double Double(int col) const { return sqlite3_column_double(st_, col); }
  std::string Text(int col) const;
  bool IsNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  int ColumnCount() const { return sqlite3_column_count(st_); }
  const char* ColumnName(int col) const { return sqlite3_column_name(st_, col); }
  bool valid() const { return st_ != nullptr; }

 private:
  friend class Db;
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
  Status status_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Db* db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Db* db_;
  bool open_ = false;
};

}  // namespace dyad::sql
