// lexicon — the event ontology: the 312 CAMEO event codes (code, name,
// Goldstein weight, root, quad class) and the CAMEO -> PLOVER 2021 mapping
// (event, mode, context). Loaded from dict/cameo.tsv and dict/plover.tsv;
// the formats are described in docs/dictionaries.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/lexicon/plover.h"
#include "dyad/util/status.h"

namespace dyad {

struct CameoCode {
  std::string code;     // "0332" (a string: "010" and "10" differ)
  std::string name;     // "Express intent to provide military aid"; roots upper case ("CONSULT")
  double goldstein = 0; // -10 .. +10
  std::string root;     // "03"
  int level = 0;        // 1 for a root ("03"), 2 for "030".."039", 3 for "0332"
};

// Quad classes. kIcews4 (ICEWS/GDELT): 1 verbal coop 01-05, 2 material coop
// 06-09, 3 verbal conflict 10-14, 4 material conflict 15-20. kPhoenix5 (OEDA
// Phoenix data set, phoenix_pipeline's quad_conversion): 0 neutral 01-02,
// 1 verbal coop 03-05, 2 material coop 06-08, 3 verbal conflict 09-13 and 16
// (reduce relations), 4 material conflict 14-15 and 17-20.
enum class QuadScheme { kIcews4, kPhoenix5 };

class Ontology {
 public:
  // Reads <dict_dir>/cameo.tsv and <dict_dir>/plover.tsv. Errors name file:line.
  static Status Load(const std::string& dict_dir, std::unique_ptr<Ontology>* out);
  static Status LoadFiles(const std::string& cameo_tsv, const std::string& plover_tsv,
                          std::unique_ptr<Ontology>* out);

  // Exact code ("0332", "03", "111"); nullptr when unknown.
  const CameoCode* Find(std::string_view code) const;
  // Exact code, else the longest known prefix of at least 2 digits
  // ("0339" -> "033"); nullptr when even the root is unknown.
  const CameoCode* FindOrParent(std::string_view code) const;

  // PLOVER event/mode/context for a CAMEO code, falling back to shorter
  // prefixes ("0356" -> "035" -> "03"). Empty Plover (event "") when the code
  // is unmapped: PLOVER drops CAMEO 01x and 02x.
  Plover ToPlover(std::string_view code) const;

  // Quad class of a code from its 2-digit root; -1 when the code is not
  // 2..4 digits with a root 01..20. Needs no loaded tables.
  static int QuadClass(std::string_view code, QuadScheme scheme = QuadScheme::kIcews4);
  // "icews4" / "phoenix5" (also "4" / "5"); false if unknown.
  static bool ParseQuadScheme(std::string_view name, QuadScheme* out);

  const std::vector<CameoCode>& codes() const { return codes_; }
  size_t plover_size() const { return plover_.size(); }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;   // code -> codes_ index
  std::unordered_map<std::string, Plover> plover_;  // CAMEO code -> PLOVER (first entry wins)
};

}  // namespace dyad
