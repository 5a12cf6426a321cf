#include "dyad/util/serialize.h"

#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dyad {

Status ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  *out = std::move(ss).str();
  return Status::OK();
}

Status WriteStringToFile(const std::string& path, std::string_view data) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError(tmp + ": cannot create: " + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return Status::IOError(tmp + ": write error");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IOError(path + ": cannot rename from " + tmp + ": " + std::strerror(errno));
  return Status::OK();
}

Status WriteModelFile(const std::string& path, std::string_view magic, uint32_t version,
                      std::string_view payload) {
  BinaryWriter header;
  header.PutString(magic);
  header.Put<uint32_t>(version);
  header.Put<uint64_t>(payload.size());
  std::string plain = header.data();
  plain.append(payload);
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 19);
  if (ZSTD_isError(n)) return Status::IOError(path + ": zstd: " + ZSTD_getErrorName(n));
  packed.resize(n);
  return WriteStringToFile(path, packed);
}

Status ReadModelFile(const std::string& path, std::string_view magic, uint32_t version,
                     std::string* payload) {
  std::string packed;
  Status s = ReadFileToString(path, &packed);
  if (!s.ok()) return s;
  unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    return Status::Corrupt(path + ": not a zstd-compressed dyad model");
  std::string plain(size, '\0');
  size_t n = ZSTD_decompress(plain.data(), plain.size(), packed.data(), packed.size());
  if (ZSTD_isError(n)) return Status::Corrupt(path + ": zstd: " + ZSTD_getErrorName(n));
  BinaryReader r(plain);
  std::string got_magic;
  uint32_t got_version = 0;
  uint64_t len = 0;
  if (!r.GetString(&got_magic) || !r.Get(&got_version) || !r.Get(&len))
    return Status::Corrupt(path + ": truncated header");
  if (got_magic != magic)
    return Status::Corrupt(path + ": expected a '" + std::string(magic) + "' model, found '" +
                           got_magic + "'");
  if (got_version != version)
    return Status::Unsupported(path + ": model format version " + std::to_string(got_version) +
                               ", this dyad reads version " + std::to_string(version) +
                               " (retrain with `dyad train`)");
  size_t header_len = plain.size() - len;
  if (len > plain.size()) return Status::Corrupt(path + ": truncated payload");
  *payload = plain.substr(header_len);
  return Status::OK();
}

}  // namespace dyad
