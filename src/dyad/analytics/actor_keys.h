// analytics — SQL expressions for actor keys at a level and small helpers the
// analytics files share (internal to analytics).
#pragma once

#include <string>

#include "dyad/analytics/analytics.h"

namespace dyad::analytics_internal {

// SQL expression over events alias `e` giving the actor key of `side`
// ("source" / "target") at `level`; '' when the actor is unknown there.
std::string KeyExpr(ActorLevel level, const std::string& side);

// SQL expression for the period of e.day.
std::string PeriodExpr(Granularity g);

}  // namespace dyad::analytics_internal
