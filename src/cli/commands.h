// The dyad command line: a thin layer over the library. Each subcommand lives
// in its own cmd_*.cpp and registers itself here at static-initialisation
// time, so adding a command touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace dyad::cli {

// `order` sorts subcommands in --help; `setup` adds the subcommand to `app`.
struct CommandRegistrar {
  CommandRegistrar(int order, std::function<void(CLI::App&)> setup);
};

// Ends the command with `code` after printing `message` (if any) to stderr.
[[noreturn]] void Fail(const std::string& message, int code = 1);

}  // namespace dyad::cli
