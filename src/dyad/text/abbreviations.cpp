#include "dyad/text/abbreviations.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "dyad/text/utf8.h"

namespace dyad {
namespace {

using Set = std::unordered_set<std::string_view>;

// Titles and name-preceding abbreviations: never sentence-final.
const Set& Titles() {
  static const Set s = {
      "Mr", "Mrs", "Ms", "Messrs", "Mssrs", "Dr", "Drs", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt",
      "Cmdr", "Cdr", "Sgt", "Adm", "Brig", "Cpl", "Pvt", "Rev", "Hon", "Gov", "Sen", "Sens", "Rep", "Reps",
      "Pres", "Supt", "Det", "Insp", "Fr", "St", "Ste", "Mt", "Ft", "Atty", "Amb", "Asst", "Mme", "Mlle",
      "Msgr", "Gens", "Lieut", "Cmdr", "Spec", "Sr", "Jr", "Mrs", "Sec", "Secy", "Dept", "Esq", "Dist",
  };
  return s;
}

// Other abbreviations that keep their period (may end a sentence).
const Set& Others() {
  static const Set s = {
      // months and days
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
      "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
      // organisations, addresses
      "Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Assn", "Univ", "Inst", "Intl", "Natl", "Govt", "Ave", "Blvd",
      "Rd", "Hwy", "Apt", "Bldg", "Mfg", "Dept", "Div", "Attn", "Jct", "Pl", "Sq",
      // US states as written in datelines
      "Calif", "Ariz", "Mass", "Fla", "Wash", "Pa", "Va", "Ga", "Conn", "Ill", "Mich", "Minn", "Tenn", "Tex",
      "Colo", "Ore", "Okla", "Ky", "Md", "Wis", "Ala", "Ark", "Kan", "Nev", "Neb", "Del", "Vt", "Wyo", "Mont",
      "Ind", "Calif", "Penn",
      // Latin and common lower-case
      "etc", "vs", "viz", "cf", "al", "approx", "est", "misc", "incl", "esp", "eg", "ie", "ca", "govt", "yrs",
      "mins", "hrs", "tel", "fax", "dept", "ext", "ed", "eds", "Ed", "Eds", "Vol", "vol", "Ph", "Gov",
      "Mssrs", "Jr", "Sr", "Ltd", "lb", "lbs", "oz", "ft", "sq", "cu", "mi", "Mt", "Mts", "Ft", "Op", "Nos",
      "Fig", "Figs", "fig", "figs", "Sun",
  };
  return s;
}

// Abbreviations only before a number ("No. 5", "p. 12", "Art. 3").
const Set& BeforeNumber() {
  static const Set s = {"No", "no", "Nos", "nos", "Nr", "nr", "p", "pp", "Art", "art", "Ch", "ch", "Sec",
                        "sec", "Ext", "ext", "Tel", "tel", "Ph", "ph", "Rm", "rm", "Vol", "vol", "Fig", "fig",
                        "Pt", "pt", "Para", "para", "Tab", "tab", "Ex", "ex"};
  return s;
}

bool LetterDotAcronym(std::string_view w) {
  // U.S  e.g  p.m  a.k.a  D.C  Ph.D: pieces of 1-2 letters joined by dots,
  // at least one dot.
  if (w.find('.') == std::string_view::npos) return false;
  size_t piece = 0;
  for (char c : w) {
    if (c == '.') {
      if (piece == 0 || piece > 2) return false;
      piece = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++piece;
    } else {
      return false;
    }
  }
  return piece >= 1 && piece <= 2;
}

}  // namespace

bool IsAbbreviation(std::string_view w, bool next_is_digit) {
  if (w.empty()) return false;
  if (LetterDotAcronym(w)) return true;
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z' && w[0] != 'I') return true;   // initial
  if (Titles().count(w) || Others().count(w)) return true;
  return next_is_digit && BeforeNumber().count(w);
}

bool IsTitleAbbreviation(std::string_view token) {
  if (token.size() < 2 || token.back() != '.') return false;
  std::string_view w = token.substr(0, token.size() - 1);
  if (w == "Sr" || w == "Jr" || w == "St" || w == "Sec" || w == "Dept" || w == "Dist") return false;
  return Titles().count(w) > 0 || (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z');
}

bool IsKeptPrefix(std::string_view piece) {
  static const Set s = {"e", "non", "mid", "pre", "anti", "re", "post", "co", "over", "multi", "pro", "ex",
                        "sub", "semi", "cross", "neo", "psycho", "counter", "couter", "arch", "intra", "micro",
                        "un", "inter", "ultra", "extra", "trans", "macro", "mega", "mini", "bi", "tri", "geo",
                        "hyper", "pseudo", "quasi", "socio", "infra", "mis"};
  if (piece.size() > 7) return false;
  return s.count(AsciiLower(piece)) > 0;
}

bool IsDomainSuffix(std::string_view piece) {
  static const Set s = {"com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "io", "co", "uk",
                        "ca", "de", "fr", "au", "jp", "cn", "ru", "tv", "fm", "nz", "ie", "html", "htm",
                        "php", "asp", "aspx", "jsp", "cgi", "xml", "json", "txt", "doc", "docx", "xls",
                        "xlsx", "ppt", "pptx", "pdf", "jpg", "jpeg", "gif", "png", "bmp", "tif", "tiff",
                        "mp3", "mp4", "avi", "mov", "wav", "zip", "rar", "gz", "tar", "exe", "dll", "csv",
                        "rtf", "ssf", "nsf", "url", "eml", "msg", "dat", "log", "wpd", "vsd", "mpp"};
  if (piece.size() > 5) return false;
  return s.count(AsciiLower(piece)) > 0;
}

bool IsFileExtension(std::string_view piece) {
  static const Set s = {"html", "htm", "php", "asp", "aspx", "jsp", "xml", "json", "txt", "doc", "docx", "xls",
                        "xlsx", "ppt", "pptx", "pdf", "jpg", "jpeg", "gif", "png", "bmp", "tif", "tiff", "mp3",
                        "mp4", "avi", "mov", "wav", "zip", "rar", "gz", "tar", "exe", "dll", "csv", "rtf",
                        "url", "eml", "msg", "dat", "wpd", "vsd", "mpp"};
  if (piece.size() > 5) return false;
  return s.count(AsciiLower(piece)) > 0;
}

bool IsUnit(std::string_view suffix) {
  static const Set s = {"m", "M", "pm", "PM", "am", "AM", "k", "K", "b", "bn", "BN", "mm", "MM", "ft",
                        "cm", "km", "kg", "g", "mg", "lb", "lbs", "oz", "hh", "wt", "Hz", "kHz", "MHz",
                        "GHz", "kb", "KB", "mb", "MB", "gb", "GB", "tb", "TB", "min", "mins", "hr", "hrs",
                        "h", "sec", "secs", "W", "kW", "MW", "GW", "kWh", "oC", "oF", "mph", "kph", "ml",
                        "yr", "yrs", "mi", "sqft", "x", "p", "bps", "kbps", "Mbps", "MPH", "KM", "KG",
                        "ppm", "yd", "yds", "in", "tn", "ton", "tons", "mo", "mos", "wk", "wks", "hp",
                        "cc", "Gb", "Mb", "Kb", "mAh", "V", "kV", "A", "C", "F"};
  return s.count(suffix) > 0;
}

bool IsOrdinalOrDecadeSuffix(std::string_view suffix) {
  std::string l = AsciiLower(suffix);
  return l == "st" || l == "nd" || l == "rd" || l == "th" || l == "s" || l == "d";
}

int NoApostropheContractionCut(std::string_view token) {
  static const std::unordered_map<std::string, int> m = {
      {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"outta", 3}, {"dont", 2}, {"cant", 2},
      {"wont", 2}, {"didnt", 3}, {"doesnt", 4}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3}, {"werent", 4},
      {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3}, {"hadnt", 3},
      {"aint", 2}, {"arnt", 2}, {"im", 1}, {"ive", 1}, {"thats", 4}, {"whats", 4}, {"theres", 5},
      {"heres", 4}, {"hes", 2}, {"youre", 3}, {"theyre", 4}, {"itll", 2}, {"youll", 3}, {"youve", 3},
      {"theyll", 4}, {"theyve", 4}, {"lets", 3}, {"elses", 4}, {"shes", 3}, {"thatll", 4}, {"whos", 3},
      {"mustnt", 4}, {"neednt", 4},
  };
  if (token.size() > 8) return 0;
  // Only all-lower, all-upper or capitalised forms ("Dont", "DONT").
  auto it = m.find(AsciiLower(token));
  if (it == m.end()) return 0;
  return it->second;
}

bool IsSentenceStarter(std::string_view w) {
  static const Set s = {
      "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "But",
      "And", "So", "Or", "In", "On", "At", "For", "If", "When", "While", "After", "Before", "However",
      "Also", "There", "Here", "What", "Why", "How", "Who", "Where", "As", "His", "Her", "Their", "Our",
      "My", "Its", "Some", "Many", "Most", "No", "Not", "Yet", "Then", "Now", "Still", "Thus", "Although",
      "Though", "Because", "Since", "During", "Under", "According", "Meanwhile", "Officials", "Police",
      "One", "Two", "Three", "All", "Both", "Each", "Every", "Other", "Such", "Please", "Thanks", "Thank",
      "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "Has",
      "Have", "Had", "Let", "Just", "Even", "Only", "Instead", "Later", "Earlier", "Last", "Next", "By",
      "With", "From", "To", "Of", "About", "Over", "Among", "Despite", "Until", "Unless", "Once", "Hi",
      "Hello", "Yes", "Well", "Oh", "OK", "Ok", "Anyway", "Besides", "Furthermore", "Moreover", "Overall",
      "Finally", "First", "Second", "Third", "Today", "Yesterday", "Tomorrow", "Recently", "Currently",
      "Mr.", "Mrs.", "Ms.", "Dr.",
  };
  return s.count(w) > 0;
}

}  // namespace dyad
