// Binary model files: a little-endian byte stream, zstd-compressed on disk.
//
// A model file starts with a magic string and a format version so that an old
// binary refuses a new model with a clear message instead of misreading it.
// Writers append fixed-width integers, floats and length-prefixed strings to a
// buffer; readers consume them in the same order and report truncation as
// Status::Corrupt rather than reading past the end.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dyad/util/status.h"

namespace dyad {

class BinaryWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const char* p = reinterpret_cast<const char*>(&v);
    buf_.append(p, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_.append(s.data(), s.size());
  }
  template <typename T>
  void PutVector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    buf_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void PutStrings(const std::vector<std::string>& v) {
    Put<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) PutString(s);
  }
  const std::string& data() const { return buf_; }

 private:
  std::string buf_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}

  template <typename T>
  bool Get(T* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (data_.size() - pos_ < sizeof(T)) return Fail();
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n;
    if (!Get(&n) || data_.size() - pos_ < n) return Fail();
    s->assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>* v) {
    uint64_t n;
    if (!Get(&n) || (data_.size() - pos_) / sizeof(T) < n) return Fail();
    v->resize(n);
    std::memcpy(v->data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool GetStrings(std::vector<std::string>* v) {
    uint32_t n;
    if (!Get(&n)) return false;
    v->clear();
    v->reserve(std::min<uint32_t>(n, 1u << 20));
    for (uint32_t i = 0; i < n; ++i) {
      std::string s;
      if (!GetString(&s)) return false;
      v->push_back(std::move(s));
    }
    return true;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool Fail() { ok_ = false; return false; }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Writes `payload` zstd-compressed (level 19) to `path`, preceded by
// `magic` and `version`. Writes to a temporary file and renames it, so an
// interrupted write never leaves a half model behind.
Status WriteModelFile(const std::string& path, std::string_view magic, uint32_t version,
                      std::string_view payload);

// Reads a file written by WriteModelFile, checking magic and version.
Status ReadModelFile(const std::string& path, std::string_view magic, uint32_t version,
                     std::string* payload);

// Whole-file helpers with messages that name the path.
Status ReadFileToString(const std::string& path, std::string* out);
Status WriteStringToFile(const std::string& path, std::string_view data);

}  // namespace dyad
