#include "dyad/text/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dyad {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    cols.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return cols;
}

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

bool HasSpaceAfterNo(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    std::string_view item = misc.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
    if (item == "SpaceAfter=No") return true;
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return false;
}

Status Malformed(const std::string& name, size_t line, const std::string& what) {
  return Status::InvalidInput(name + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

Status ReadConllu(std::istream& in, const std::string& name, std::vector<Sentence>* out) {
  std::string line;
  size_t lineno = 0;
  Sentence cur;
  auto flush = [&]() {
    if (!cur.words.empty()) out->push_back(std::move(cur));
    cur = Sentence();
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#') {
      std::string_view l(line);
      auto value = [&](std::string_view key) -> std::string {
        l.remove_prefix(1);
        while (!l.empty() && l[0] == ' ') l.remove_prefix(1);
        if (l.substr(0, key.size()) != key) return {};
        l.remove_prefix(key.size());
        while (!l.empty() && (l[0] == ' ' || l[0] == '=')) l.remove_prefix(1);
        return std::string(l);
      };
      if (line.find("sent_id") != std::string::npos) cur.sent_id = value("sent_id");
      else if (line.rfind("# text ", 0) == 0 || line.rfind("# text=", 0) == 0) cur.gold_text = value("text");
      continue;
    }
    auto cols = SplitTabs(line);
    if (cols.size() != 10)
      return Malformed(name, lineno, "expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      int a, b;
      if (!ParseInt(id.substr(0, dash), &a) || !ParseInt(id.substr(dash + 1), &b) || b < a)
        return Malformed(name, lineno, "bad multiword token range '" + std::string(id) + "'");
      MultiwordToken m;
      m.first = a - 1;
      m.last = b - 1;
      m.form = std::string(cols[1]);
      m.space_after = !HasSpaceAfterNo(cols[9]);
      cur.mwts.push_back(std::move(m));
      continue;
    }
    int n;
    if (!ParseInt(id, &n) || n != static_cast<int>(cur.words.size()) + 1)
      return Malformed(name, lineno, "word id '" + std::string(id) + "' out of sequence");
    Word w;
    w.form = std::string(cols[1]);
    w.lemma = Field(cols[2]);
    if (cols[2] == "_" && cols[1] == "_") w.lemma = "_";
    w.upos = Field(cols[3]);
    w.xpos = Field(cols[4]);
    w.feats = Field(cols[5]);
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
      return Malformed(name, lineno, "bad head '" + std::string(cols[6]) + "'");
    }
    w.deprel = Field(cols[7]);
    w.space_after = !HasSpaceAfterNo(cols[9]);
    cur.words.push_back(std::move(w));
  }
  flush();
  // Words inside a multiword token take its SpaceAfter on the last word only.
  for (auto& s : *out) {
    for (const auto& m : s.mwts) {
      if (m.last >= static_cast<int>(s.words.size())) continue;
      for (int i = m.first; i < m.last; ++i) s.words[i].space_after = false;
      s.words[m.last].space_after = m.space_after;
    }
    for (auto& w : s.words)
      if (w.head > static_cast<int>(s.words.size()))
        return Status::InvalidInput(name + ": sentence " + s.sent_id + ": head out of range");
  }
  return Status::OK();
}

Status ReadConlluFile(const std::string& path, std::vector<Sentence>* out) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  return ReadConllu(in, path, out);
}

Status ParseConllu(const std::string& block, const std::string& name, std::vector<Sentence>* out) {
  std::istringstream in(block);
  return ReadConllu(in, name, out);
}

std::string RebuildText(std::vector<Sentence>* sentences) {
  std::string text;
  for (auto& s : *sentences) {
    if (!text.empty()) text += ' ';
    s.start = static_cast<uint32_t>(text.size());
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      Word& w = s.words[i];
      // A multiword token contributes its surface form once; its words share
      // the span, split by their own lengths when they concatenate to it.
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i)) {
        MultiwordToken& m = s.mwts[mi++];
        m.start = static_cast<uint32_t>(text.size());
        text += m.form;
        m.end = static_cast<uint32_t>(text.size());
        uint32_t pos = m.start;
        for (int j = m.first; j <= m.last && j < static_cast<int>(s.words.size()); ++j) {
          Word& part = s.words[j];
          part.start = std::min(pos, m.end);
          pos = std::min<uint32_t>(pos + part.form.size(), m.end);
          part.end = (j == m.last) ? m.end : pos;
        }
        if (m.space_after && m.last + 1 < static_cast<int>(s.words.size())) text += ' ';
        i = m.last;
        continue;
      }
      w.start = static_cast<uint32_t>(text.size());
      text += w.form;
      w.end = static_cast<uint32_t>(text.size());
      if (w.space_after && i + 1 < s.words.size()) text += ' ';
    }
    s.end = static_cast<uint32_t>(text.size());
  }
  return text;
}

void WriteConllu(const Document& doc, std::ostream& out, const ConlluWriteOptions& opts) {
  if (!doc.id.empty()) out << "# newdoc id = " << doc.id << "\n";
  auto col = [](const std::string& s) -> const std::string& {
    static const std::string underscore = "_";
    return s.empty() ? underscore : s;
  };
  int n = 0;
  for (const auto& s : doc.sentences) {
    ++n;
    out << "# sent_id = " << (s.sent_id.empty() ? (doc.id.empty() ? "s" : doc.id) + "-" + std::to_string(n) : s.sent_id) << "\n";
    if (opts.text_comment) {
      std::string t = s.end > s.start && s.end <= doc.text.size() ? doc.text.substr(s.start, s.end - s.start) : s.gold_text;
      for (char& c : t) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      out << "# text = " << t << "\n";
    }
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      const Word& w = s.words[i];
      bool in_mwt = false;
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i)) {
        const auto& m = s.mwts[mi++];
        out << m.first + 1 << '-' << m.last + 1 << '\t' << m.form << "\t_\t_\t_\t_\t_\t_\t_\t";
        std::string misc;
        if (!m.space_after) misc = "SpaceAfter=No";
        if (opts.token_ranges) {
          if (!misc.empty()) misc += '|';
          misc += "TokenRange=" + std::to_string(m.start) + ":" + std::to_string(m.end);
        }
        out << col(misc) << "\n";
      }
      for (const auto& m : s.mwts) if (static_cast<int>(i) >= m.first && static_cast<int>(i) <= m.last) in_mwt = true;
      out << i + 1 << '\t' << w.form << '\t' << col(w.lemma) << '\t' << col(w.upos) << '\t' << col(w.xpos)
          << '\t' << col(w.feats) << '\t';
      if (w.head >= 0) out << w.head; else out << '_';
      out << '\t' << col(w.deprel) << "\t_\t";
      std::string misc;
      if (!in_mwt) {
        if (!w.space_after) misc = "SpaceAfter=No";
        if (opts.token_ranges) {
          if (!misc.empty()) misc += '|';
          misc += "TokenRange=" + std::to_string(w.start) + ":" + std::to_string(w.end);
        }
      }
      out << col(misc) << "\n";
    }
    out << "\n";
  }
}

}  // namespace dyad
