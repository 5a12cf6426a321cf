// store — RAII wrappers over the SQLite C API (see sqlite_db.h).
#include "dyad/store/sqlite_db.h"

#include <string>

namespace dyad::sql {

Db::~Db() { Close(); }

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    Close();
    db_ = o.db_;
    path_ = std::move(o.path_);
    o.db_ = nullptr;
  }
  return *this;
}

Status Db::Open(const std::string& path, bool create, bool read_only) {
  Close();
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread at a time (callers pool them)
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (db) sqlite3_close(db);
    return Status::IOError(path + ": cannot open database: " + msg);
  }
  db_ = db;
  path_ = path;
  sqlite3_busy_timeout(db_, 10000);
  sqlite3_extended_result_codes(db_, 1);
  return Status::OK();
}

void Db::Close() {
  if (db_) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

std::string Db::ErrorMessage() const { return db_ ? sqlite3_errmsg(db_) : "database not open"; }

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return Status::IOError(path_ + ": " + msg);
  }
  return Status::OK();
}

Status Db::Prepare(std::string_view sql, Stmt* out) const {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &st, nullptr);
  if (rc != SQLITE_OK) {
    return Status::IOError(path_ + ": cannot prepare statement (" + sqlite3_errmsg(db_) +
                           "): " + std::string(sql.substr(0, 200)));
  }
  *out = Stmt();
  out->st_ = st;
  out->db_ = db_;
  return Status::OK();
}

int Db::ProgressHandler(void* self) {
  auto* db = static_cast<Db*>(self);
  if (db->deadline_ && std::chrono::steady_clock::now() > *db->deadline_) {
    db->deadline_hit_ = true;
    return 1;  // interrupts the running statement with SQLITE_INTERRUPT
  }
  return 0;
}

void Db::SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  deadline_ = deadline;
  deadline_hit_ = false;
  if (deadline) {
    sqlite3_progress_handler(db_, 10000, &Db::ProgressHandler, this);
  } else {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  }
}

Stmt::~Stmt() {
  if (st_) sqlite3_finalize(st_);
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    if (st_) sqlite3_finalize(st_);
    st_ = o.st_;
    db_ = o.db_;
    status_ = o.status_;
    o.st_ = nullptr;
  }
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(st_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(st_, i);
  return *this;
}

bool Stmt::Step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    std::string msg = sqlite3_errmsg(db_);
    if ((rc & 0xff) == SQLITE_INTERRUPT) {
      status_ = Status::Unsupported("query time limit exceeded");
    } else {
      status_ = Status::IOError("sqlite: " + msg);
    }
  }
  return false;
}

Status Stmt::Run() {
  while (Step()) {
  }
  Status s = status_;
  Reset();
  return s;
}

void Stmt::Reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
  status_ = Status::OK();
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(st_, col);
  if (!p) return std::string();
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(st_, col)));
}

Transaction::~Transaction() {
  if (open_) db_->Exec("ROLLBACK");
}

Status Transaction::Begin() {
  Status s = db_->Exec("BEGIN IMMEDIATE");
  if (s.ok()) open_ = true;
  return s;
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace dyad::sql
