// dyad parse: reads documents (files, directories, JSON Lines, CoNLL-U,
// stdin), segments and annotates them, and streams the result to stdout as
// CoNLL-U (TokenRange=start:end in MISC), JSON Lines or tokenised text.
//
//   dyad parse examples/article.txt
//   dyad parse --format jsonl examples/articles.jsonl
//   cat news.jsonl | dyad parse -
//   dyad parse --tokenized gold.conllu        keep the given tokens and sentences
//
// Warnings about the input go to stderr as "dyad: FILE:LINE: problem".
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/text/conllu.h"
#include "dyad/text/input.h"
#include "dyad/text/segmenter.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::vector<std::string> inputs;
  bool tokenized = false;
  std::string format = "conllu";
  std::string models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
  bool no_parse = false;
  bool segment_only = false;
  std::string date;
};

void JsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\t': *out += "\\t"; break;
      case '\r': *out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

// One JSON object per document: metadata, text, sentences with words.
std::string ToJson(const Document& d) {
  std::string o = "{\"id\":";
  JsonString(d.id, &o);
  o += ",\"date\":";
  JsonString(d.date, &o);
  if (!d.title.empty()) { o += ",\"title\":"; JsonString(d.title, &o); }
  if (!d.url.empty()) { o += ",\"url\":"; JsonString(d.url, &o); }
  if (!d.source.empty()) { o += ",\"source\":"; JsonString(d.source, &o); }
  o += ",\"text\":";
  JsonString(d.text, &o);
  o += ",\"sentences\":[";
  for (size_t k = 0; k < d.sentences.size(); ++k) {
    const Sentence& s = d.sentences[k];
    if (k) o += ',';
    o += "{\"start\":" + std::to_string(s.start) + ",\"end\":" + std::to_string(s.end) + ",\"words\":[";
    for (size_t i = 0; i < s.words.size(); ++i) {
      const Word& w = s.words[i];
      if (i) o += ',';
      o += "{\"id\":" + std::to_string(i + 1) + ",\"form\":";
      JsonString(w.form, &o);
      o += ",\"start\":" + std::to_string(w.start) + ",\"end\":" + std::to_string(w.end);
      if (!w.lemma.empty()) { o += ",\"lemma\":"; JsonString(w.lemma, &o); }
      if (!w.upos.empty()) { o += ",\"upos\":"; JsonString(w.upos, &o); }
      if (!w.xpos.empty()) { o += ",\"xpos\":"; JsonString(w.xpos, &o); }
      if (!w.feats.empty()) { o += ",\"feats\":"; JsonString(w.feats, &o); }
      if (w.head >= 0) o += ",\"head\":" + std::to_string(w.head);
      if (!w.deprel.empty()) { o += ",\"deprel\":"; JsonString(w.deprel, &o); }
      if (!w.space_after) o += ",\"space_after\":false";
      o += '}';
    }
    o += ']';
    if (!s.mwts.empty()) {
      o += ",\"multiword_tokens\":[";
      for (size_t m = 0; m < s.mwts.size(); ++m) {
        const auto& t = s.mwts[m];
        if (m) o += ',';
        o += "{\"first\":" + std::to_string(t.first + 1) + ",\"last\":" + std::to_string(t.last + 1) + ",\"form\":";
        JsonString(t.form, &o);
        o += ",\"start\":" + std::to_string(t.start) + ",\"end\":" + std::to_string(t.end) + "}";
      }
      o += ']';
    }
    o += '}';
  }
  o += "]}\n";
  return o;
}

// Tokenised text: one sentence per line, surface tokens separated by spaces,
// a blank line after each document.
std::string ToText(const Document& d) {
  std::string o;
  for (const Sentence& s : d.sentences) {
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (i) o += ' ';
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i)) {
        o += s.mwts[mi].form;
        i = static_cast<size_t>(s.mwts[mi].last);
        ++mi;
      } else {
        o += s.words[i].form;
      }
    }
    o += '\n';
  }
  o += '\n';
  return o;
}

void Run(const Args& a) {
  if (a.format != "conllu" && a.format != "jsonl" && a.format != "text")
    Fail("--format must be conllu, jsonl or text (got '" + a.format + "')");
  InputOptions opt;
  opt.default_date = a.date;
  if (a.tokenized) opt.format = InputFormat::kConllu;
  std::vector<std::string> inputs = a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs;
  std::unique_ptr<DocumentReader> reader;
  Status st = DocumentReader::Open(inputs, opt, &reader);
  if (!st.ok()) Fail(st.message());

  std::unique_ptr<Pipeline> pipeline;
  if (!a.segment_only) pipeline = LoadPipelineOrWarn(a.models, !a.no_parse, a.fast);

  Document doc;
  uint64_t docs = 0;
  while (reader->Next(&doc)) {
    PrintWarnings(reader->TakeWarnings());
    ++docs;
    if (a.tokenized) {
      // Only the tokens (columns 1-2) and sentence boundaries are kept.
      for (auto& s : doc.sentences) {
        for (auto& w : s.words) {
          w.lemma.clear(); w.upos.clear(); w.xpos.clear(); w.feats.clear(); w.head = -1; w.deprel.clear();
        }
        if (pipeline) pipeline->AnnotateSentence(&s);
      }
    } else if (pipeline) {
      pipeline->Annotate(&doc);
    } else {
      Segment(&doc);
    }
    if (a.format == "conllu") {
      std::ostringstream out;
      WriteConllu(doc, out);
      std::cout << out.str();
    } else if (a.format == "jsonl") {
      std::cout << ToJson(doc);
    } else {
      std::cout << ToText(doc);
    }
    std::cout.flush();   // stream: each document as soon as it is done
  }
  PrintWarnings(reader->TakeWarnings());
}

CommandRegistrar reg(20, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("parse", "Tokenise, tag and parse documents; write CoNLL-U (or JSON Lines, text)");
  cmd->add_option("inputs", args->inputs, "text/JSONL/CoNLL-U files, directories, or - for stdin (default: -)");
  cmd->add_flag("--tokenized", args->tokenized, "input is CoNLL-U: keep its tokens and sentences (columns 1-2)");
  cmd->add_option("--format", args->format, "output: conllu (default), jsonl or text");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->add_flag("--no-parse", args->no_parse, "tag and lemmatise only");
  cmd->add_flag("--segment-only", args->segment_only, "tokenise and split sentences only (no models)");
  cmd->add_option("--date", args->date, "date (YYYY-MM-DD) for documents that have none");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
