// dyad: news text in, political event data out. See README.md.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "commands.h"

namespace dyad::cli {
namespace {
struct Entry {
  int order;
  std::function<void(CLI::App&)> setup;
};
std::vector<Entry>& Registry() {
  static std::vector<Entry> r;
  return r;
}
}  // namespace

CommandRegistrar::CommandRegistrar(int order, std::function<void(CLI::App&)> setup) {
  Registry().push_back({order, std::move(setup)});
}

void Fail(const std::string& message, int code) {
  if (!message.empty()) std::cerr << "dyad: " << message << "\n";
  throw CLI::RuntimeError(code);
}

}  // namespace dyad::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"dyad: political event data from news text (who did what to whom, when, where)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  auto& reg = dyad::cli::Registry();
  std::stable_sort(reg.begin(), reg.end(), [](auto& a, auto& b) { return a.order < b.order; });
  for (auto& e : reg) e.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  std::cout.flush();
  return 0;
}
