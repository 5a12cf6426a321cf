// A PLOVER coding (Open Event Data Alliance, 2021): the event type with its
// mode and context. The lexicon's ontology maps CAMEO codes to it; coded
// events (coder/event.h) carry one.
#pragma once

#include <string>

namespace dyad {

struct Plover {
  std::string event;     // "AGREE", "ACCUSE", "AID", ... ("" when CAMEO 01x/02x)
  std::string mode;      // "" when none
  std::string context;   // "" when none
};

}  // namespace dyad
