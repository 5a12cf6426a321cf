// util — small pieces every stage uses: Status for explicit error handling,
// binary (de)serialisation with zstd for model files, and resource lookup.
// Nothing here knows about language or events.
#pragma once

#include <string>
#include <utility>

namespace dyad {

// The result of an operation that can fail, in the LevelDB style: functions
// return a Status and write their product through an out-parameter. A failed
// Status carries a message that already names the input, line and problem,
// so callers can print it as is.
class Status {
 public:
  enum class Code { kOk, kNotFound, kInvalidInput, kIOError, kCorrupt, kUnsupported };

  Status() = default;
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "OK" : message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace dyad
