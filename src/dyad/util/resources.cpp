#include "dyad/util/resources.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace dyad {

std::string ResourceRoot() {
  if (const char* home = std::getenv("DYAD_HOME"); home && *home) return home;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (fs::is_directory(dir / "models", ec) && fs::is_directory(dir / "dict", ec))
        return dir.string();
    }
  }
  return DYAD_SOURCE_DIR;
}

std::string ResourcePath(const std::string& relative) {
  return ResourceRoot() + "/" + relative;
}

}  // namespace dyad
