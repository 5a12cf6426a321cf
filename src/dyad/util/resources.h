// Finding dyad's data directories (models/, dict/, web/dist) at run time.
#pragma once

#include <string>

namespace dyad {

// Returns the directory holding models/, dict/ and web/: $DYAD_HOME when set,
// else <dir of the running executable>/.. when it has a models/ folder (an
// installed layout), else the source tree the binary was built from.
std::string ResourceRoot();

// ResourceRoot() + "/" + relative.
std::string ResourcePath(const std::string& relative);

}  // namespace dyad
