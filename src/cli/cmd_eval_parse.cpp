// dyad eval-parse: scores the nlp pipeline against a gold CoNLL-U treebank
// with the CoNLL 2018 shared-task metrics (nlp/evaluate.h).
//
//   dyad eval-parse --gold ../shared/data/ud/en_ewt-ud-test.conllu          gold tokens
//   dyad eval-parse --gold ../shared/data/ud/en_ewt-ud-test.conllu --raw    from raw text
//
// With --raw the raw text is rebuilt from the gold file (sentences joined by
// spaces, paragraphs -- "# newpar" / "# newdoc" -- by blank lines), each
// document is segmented and annotated, and Tokens and Sentences are scored
// too. Without models only segmentation is scored.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/text/conllu.h"
#include "dyad/nlp/evaluate.h"
#include "dyad/text/segmenter.h"
#include "dyad/text/utf8.h"
#include "text_commands.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string gold;
  bool raw = false;
  std::string models;
  bool fast = false;  // --fast: one parser (nlp/pipeline.h)
  std::string doc_prefix;
  size_t show_token_errors = 0;
  size_t show_sentence_errors = 0;
};

struct GoldDoc {
  std::string id;
  std::vector<Sentence> sentences;
  std::vector<bool> new_paragraph;   // per sentence
};

// Reads the gold file, split at "# newdoc", keeping "# newpar" marks; only
// documents whose id starts with `prefix` are kept.
Status ReadGold(const std::string& path, const std::string& prefix, std::vector<GoldDoc>* docs) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line, block;
  GoldDoc cur;
  bool block_has_words = false, block_newpar = false;
  size_t lineno = 0, doc_line = 1;
  auto end_sentence = [&]() {
    if (block_has_words) cur.new_paragraph.push_back(block_newpar || cur.new_paragraph.empty());
    block_has_words = block_newpar = false;
  };
  auto end_doc = [&]() -> Status {
    end_sentence();
    if (!block.empty() && (prefix.empty() || cur.id.rfind(prefix, 0) == 0)) {
      Status st = ParseConllu(block, path + " (document from line " + std::to_string(doc_line) + ")",
                              &cur.sentences);
      if (!st.ok()) return st;
      if (cur.sentences.size() != cur.new_paragraph.size())
        return Status::InvalidInput(path + ":" + std::to_string(doc_line) + ": could not match sentences");
      if (!cur.sentences.empty()) docs->push_back(std::move(cur));
    }
    cur = GoldDoc();
    block.clear();
    doc_line = lineno;
    return Status::OK();
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (line.rfind("# newdoc", 0) == 0) {
      Status st = end_doc();
      if (!st.ok()) return st;
      size_t eq = line.find('=');
      cur.id = eq == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', eq + 1));
      block_newpar = true;
    } else if (line.rfind("# newpar", 0) == 0) {
      block_newpar = true;
    } else if (line.empty()) {
      end_sentence();
    } else if (line[0] >= '0' && line[0] <= '9') {
      block_has_words = true;
    }
    block += line;
    block += '\n';
  }
  return end_doc();
}

// Normalises forms as dyad normalises raw text, so gold and system spell the
// same characters.
void NormalizeForms(std::vector<Sentence>* sentences) {
  std::string tmp;
  for (auto& s : *sentences) {
    for (auto& w : s.words) { NormalizeText(w.form, &tmp); w.form = tmp; }
    for (auto& m : s.mwts) { NormalizeText(m.form, &tmp); m.form = tmp; }
  }
}

// The raw text of one gold document.
std::string RawText(const GoldDoc& d) {
  std::string text;
  for (size_t k = 0; k < d.sentences.size(); ++k) {
    const Sentence& s = d.sentences[k];
    if (k > 0) text += d.new_paragraph[k] ? "\n\n" : " ";
    size_t mi = 0;
    for (size_t i = 0; i < s.words.size(); ++i) {
      bool space;
      if (mi < s.mwts.size() && s.mwts[mi].first == static_cast<int>(i)) {
        text += s.mwts[mi].form;
        space = s.mwts[mi].space_after;
        i = static_cast<size_t>(s.mwts[mi].last);
        ++mi;
      } else {
        text += s.words[i].form;
        space = s.words[i].space_after;
      }
      if (space && i + 1 < s.words.size()) text += ' ';
    }
  }
  return text;
}

void ClearAnnotation(Sentence* s) {
  for (auto& w : s->words) {
    w.lemma.clear();
    w.upos.clear();
    w.xpos.clear();
    w.feats.clear();
    w.head = -1;
    w.deprel.clear();
  }
}

void Run(const Args& a) {
  std::vector<GoldDoc> docs;
  Status st = ReadGold(a.gold, a.doc_prefix, &docs);
  if (!st.ok()) Fail(st.message());
  if (docs.empty()) Fail(a.gold + ": no sentences" + (a.doc_prefix.empty() ? "" : " in documents starting with '" + a.doc_prefix + "'"));
  std::unique_ptr<Pipeline> pipeline = LoadPipelineOrWarn(a.models, true, a.fast);

  std::vector<Sentence> gold, system;
  for (auto& d : docs) {
    NormalizeForms(&d.sentences);
    if (a.raw) {
      Document doc;
      doc.id = d.id;
      NormalizeText(RawText(d), &doc.text);
      if (pipeline) pipeline->Annotate(&doc);
      else Segment(&doc);
      for (auto& s : doc.sentences) system.push_back(std::move(s));
    } else {
      for (const auto& s : d.sentences) {
        Sentence copy = s;
        ClearAnnotation(&copy);
        if (pipeline) pipeline->AnnotateSentence(&copy);
        system.push_back(std::move(copy));
      }
    }
    for (auto& s : d.sentences) gold.push_back(std::move(s));
  }

  EvalResult result;
  st = EvaluateSentences(gold, system, &result);
  if (!st.ok()) Fail(a.gold + ": " + st.message());

  std::printf("%s: %zu documents, %zu gold sentences, %s\n", a.gold.c_str(), docs.size(), gold.size(),
              a.raw ? (pipeline ? "raw text, full pipeline" : "raw text, segmentation only")
                    : (pipeline ? "gold tokenisation" : "gold tokenisation, no models"));
  std::printf("Metric     | Precision |    Recall |  F1 Score | AligndAcc\n");
  std::printf("-----------+-----------+-----------+-----------+-----------\n");
  for (const auto& sc : result.scores) {
    bool seg = sc.metric == "Tokens" || sc.metric == "Sentences" || sc.metric == "Words";
    if (!pipeline && !seg) continue;
    std::printf("%-11s| %9.2f | %9.2f | %9.2f |", sc.metric.c_str(), 100 * sc.precision(), 100 * sc.recall(),
                100 * sc.f1());
    if (seg) std::printf("\n");
    else std::printf(" %9.2f\n", 100 * sc.aligned_accuracy());
  }
  if (a.show_token_errors)
    for (const auto& l : DescribeDifferences(gold, system, a.show_token_errors, false)) std::printf("%s\n", l.c_str());
  if (a.show_sentence_errors)
    for (const auto& l : DescribeDifferences(gold, system, a.show_sentence_errors, true)) std::printf("%s\n", l.c_str());
  std::fflush(stdout);
}

CommandRegistrar reg(40, [](CLI::App& app) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("eval-parse", "Score tokenisation, tagging and parsing against gold CoNLL-U "
                                               "(CoNLL 2018 shared-task metrics)");
  cmd->add_option("--gold", args->gold, "gold CoNLL-U file")->required();
  cmd->add_flag("--raw", args->raw, "start from the raw text rebuilt from the gold file (scores Tokens, Sentences)");
  cmd->add_option("--models", args->models, "model directory (default: models/)");
  cmd->add_flag("--fast", args->fast, "left-to-right parser only: ~1.6x faster, EWT LAS 84.0 instead of 84.9");
  cmd->add_option("--doc-prefix", args->doc_prefix, "only documents whose id starts with this (e.g. GUM_news)");
  cmd->add_option("--show-token-errors", args->show_token_errors, "print up to N tokenisation differences");
  cmd->add_option("--show-sentence-errors", args->show_sentence_errors, "print up to N sentence-break differences");
  cmd->callback([args]() { Run(*args); });
});

}  // namespace
}  // namespace dyad::cli
