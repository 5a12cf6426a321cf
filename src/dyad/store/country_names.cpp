// store — country-name and sector lookups for importers (see country_names.h).
#include "dyad/store/country_names.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace dyad {

std::string NormaliseCountryName(std::string_view name) {
  std::string folded;
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (n >= 0 && out) {
    folded.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  } else {
    folded.assign(name);  // invalid UTF-8: fall back to ASCII folding below
  }
  std::free(out);
  std::string key;
  bool space = false;
  for (unsigned char c : folded) {
    if (std::isalnum(c)) {
      if (space && !key.empty()) key.push_back(' ');
      key.push_back(static_cast<char>(std::tolower(c)));
      space = false;
    } else {
      space = true;
    }
  }
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

std::string CountryCodeForName(std::string_view name) {
  const std::string key = NormaliseCountryName(name);
  if (key.empty()) return "";
  const auto& t = CountryNameTable();
  auto it = std::lower_bound(t.begin(), t.end(), key,
                             [](const auto& e, const std::string& k) { return std::strcmp(e.first, k.c_str()) < 0; });
  if (it != t.end() && key == it->first) return it->second;
  return "";
}

namespace {
struct SectorRule {
  const char* word;  // lower-case substring of an ICEWS sector name
  const char* code;
};
// Order matters: more specific sectors first (a "Police" sector also lists
// "Government"; an "Insurgents" sector is not the government).
constexpr std::array<SectorRule, 30> kSectorRules = {{
    {"police", "COP"},        {"military", "MIL"},      {"army", "MIL"},
    {"armed forces", "MIL"},  {"rebel", "REB"},         {"insurgent", "REB"},
    {"separatist", "REB"},    {"militia", "REB"},       {"terror", "REB"},
    {"opposition", "OPP"},    {"judicia", "JUD"},       {"legislat", "LEG"},
    {"parliament", "LEG"},    {"intelligence", "SPY"},  {"business", "BUS"},
    {"media", "MED"},         {"news", "MED"},          {"religio", "REL"},
    {"education", "EDU"},     {"medical", "HLH"},       {"health", "HLH"},
    {"labor", "LAB"},         {"union", "LAB"},         {"refugee", "REF"},
    {"criminal", "CRM"},      {"elite", "ELI"},         {"agricultur", "AGR"},
    {"government", "GOV"},    {"executive", "GOV"},     {"ministry", "GOV"},
}};
}  // namespace

std::string SectorCodeForIcewsSectors(std::string_view sectors) {
  std::string lower;
  for (char c : sectors) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Rules are tried in priority order over the whole list.
  for (const auto& r : kSectorRules) {
    if (lower.find(r.word) != std::string::npos) return r.code;
  }
  if (lower.find("civilian") != std::string::npos || lower.find("citizen") != std::string::npos ||
      lower.find("general population") != std::string::npos)
    return "CVL";
  if (lower.find("non-governmental") != std::string::npos || lower.find("ngo") != std::string::npos)
    return "NGO";
  return "";
}

bool IsAgentCode(std::string_view c) {
  static constexpr std::array<const char*, 24> kAgents = {
      "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "BUS", "MED", "CVL",
      "REL", "EDU", "HLH", "LAB", "REF", "CRM", "ELI", "AGR", "ENV", "DEV", "UAF", "MOD"};
  for (const char* a : kAgents)
    if (c == a) return true;
  return false;
}

bool IsNonStatePrimary(std::string_view c) {
  return c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC" || c == "NGM";
}

}  // namespace dyad
