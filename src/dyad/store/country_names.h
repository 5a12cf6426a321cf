// store — mapping the actor descriptions of imported data sets to CAMEO
// codes: country names ("Russian Federation", "Occupied Palestinian
// Territory") to country codes, and ICEWS sector lists ("Government,
// Executive") to a CAMEO agent code ("GOV").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

// Lower case, accents stripped, punctuation collapsed to single spaces,
// leading "the " dropped: "Côte d'Ivoire" -> "cote d ivoire".
std::string NormaliseCountryName(std::string_view name);

// CAMEO country code for a country name; "" when unknown.
std::string CountryCodeForName(std::string_view name);

// The generated table (normalised name, code), sorted by name.
const std::vector<std::pair<const char*, const char*>>& CountryNameTable();

// A CAMEO agent code for an ICEWS comma-separated sector list; the first
// sector that maps wins ("Police,Government" -> "COP"); "" when none maps.
std::string SectorCodeForIcewsSectors(std::string_view sectors);

// True for 3-letter CAMEO agent (sector) codes that may appear without a
// country: "GOV", "MIL", "REB", ...
bool IsAgentCode(std::string_view code3);

// True for CAMEO primary blocks that are not states: "IGO", "NGO", "IMG", "MNC".
bool IsNonStatePrimary(std::string_view code3);

}  // namespace dyad
