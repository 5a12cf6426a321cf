// coder — out-of-line helpers declared in event.h.
#include "dyad/coder/event.h"

namespace dyad {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kIntended: return "intended";
    case Modality::kConditional: return "conditional";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kReported: return "reported";
  }
  return "asserted";
}

}  // namespace dyad
