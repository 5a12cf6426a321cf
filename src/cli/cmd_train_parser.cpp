// `dyad train-parser`: trains the dependency parser alone (EWT train + the
// CC BY genres of GUM), printing dev UAS/LAS per iteration; with --eval it
// also scores CoNLL-U files, and with --eval-only it just scores an existing
// model (and measures single-core parsing speed). --models DIR evaluates on
// the project's predicted tags and lemmas; --jackknife K trains on K-fold
// predicted tags.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "dyad/text/conllu.h"
#include "dyad/nlp/lemmatizer.h"
#include "dyad/nlp/model_files.h"
#include "dyad/nlp/parser.h"
#include "dyad/nlp/parser_model.h"
#include "dyad/nlp/tagger.h"
#include "dyad/nlp/train/jackknife.h"
#include "dyad/nlp/train/parser_data.h"
#include "dyad/nlp/train/parser_eval.h"
#include "dyad/nlp/train/parser_trainer.h"
#include "dyad/nlp/word_clusters.h"

namespace dyad::cli {
namespace {

struct Args {
  std::string shared = "../shared";
  std::string out = "models/parser.bin.zst";
  std::string dev;
  std::vector<std::string> eval;
  bool eval_only = false;
  bool no_gum = false;
  int beam_override = 0;
  std::string resave;
  std::string models;        // tag/lemmatise dev and eval sets with the models in DIR
  std::string train_conllu;  // train on this file instead of the treebank
  std::string write_train;   // save the jack-knifed training set here
  int jackknife = 0;         // folds for predicted training tags (0 = gold tags)
  float prune_loaded = 0;    // experiments: prune the loaded model before scoring
  bool add_dev = false;      // train on dev too (final model; keeps the last iteration)
  std::vector<std::string> partners;  // more models to combine with --out's when scoring
  Parser::CombineOptions combine;
  ParserTrainOptions opts;
};

std::vector<Sentence> ReadOrFail(const std::string& path) {
  std::vector<Sentence> v;
  Status s = ReadConlluFile(path, &v);
  if (!s.ok()) Fail(s.message());
  return v;
}

// The project's tagger and lemmatizer, when --models is given: evaluation
// then sees predicted UPOS/XPOS/feats/lemmas, as the pipeline would.
struct Taggers {
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::string Describe() const {
    if (!tagger) return "gold tags";
    return lemmatizer ? "predicted tags+lemmas" : "predicted tags, gold lemmas";
  }
  void Apply(std::vector<Sentence>* v) const {
    if (!tagger) return;
    for (auto& s : *v) {
      tagger->Tag(&s);
      if (lemmatizer) lemmatizer->LemmatizeSentence(&s);
    }
  }
};

Taggers LoadTaggers(const std::string& dir) {
  Taggers t;
  if (dir.empty()) return t;
  Status s = Tagger::Load(dir + "/" + kTaggerModelFile, &t.tagger);
  if (!s.ok()) Fail(s.message());
  const std::string lemmatizer = dir + "/" + kLemmatizerModelFile;
  if (std::filesystem::exists(lemmatizer)) {
    s = Lemmatizer::Load(lemmatizer, &t.lemmatizer);
    if (!s.ok()) Fail(s.message());
  }
  return t;
}

void Evaluate(const Parser& parser, const Taggers& taggers, const std::string& path) {
  std::vector<Sentence> gold = ReadOrFail(path);
  std::vector<Sentence> input = gold;
  taggers.Apply(&input);
  // Parse with the input's tags, score against the gold trees.
  ParseScores speed = EvaluateParser(parser, input, /*parallel=*/false);
  std::vector<Sentence> parsed = input;
  for (auto& s : parsed) parser.Parse(&s);
  ParseScores sc;
  ScoreParses(parsed, gold, &sc);
  std::printf("%s: %ld words  UAS %.2f  LAS %.2f  uLAS %.2f  (beam %d, %s; "
              "%.0f words per CPU-second, one thread)\n",
              path.c_str(), sc.words, sc.uas(), sc.las(), sc.ulas(), parser.beam_width(),
              taggers.Describe().c_str(), speed.words_per_second);
  std::fflush(stdout);
}

// Training sentences: the treebank (or --train-conllu), with jack-knifed
// predicted tags when --jackknife K is given (optionally saved for reuse).
std::vector<Sentence> TrainingSet(const Args& a, const Taggers& taggers) {
  std::vector<Sentence> train;
  if (!a.train_conllu.empty()) {
    train = ReadOrFail(a.train_conllu);
  } else {
    Status s = LoadParserTreebank(a.shared, !a.no_gum, &train);
    if (!s.ok()) Fail(s.message());
  }
  if (a.jackknife > 0) {
    const auto t0 = std::chrono::steady_clock::now();
    TaggerTrainOptions topts;
    topts.threads = 2;
    topts.iterations = 6;  // as `dyad train` does
    topts.verbose = true;
    std::unique_ptr<WordClusters> clusters;
    if (!a.opts.clusters_path.empty()) {
      Status s = WordClusters::Load(a.opts.clusters_path, &clusters);
      if (!s.ok()) Fail(s.message());
      topts.clusters = clusters.get();
    }
    Status s = JackknifeTags(&train, a.jackknife, topts);
    if (!s.ok()) Fail(s.message());
    // Predicted lemmas too, as `dyad train` (and the pipeline) give them.
    if (taggers.lemmatizer)
      for (auto& sent : train) taggers.lemmatizer->LemmatizeSentence(&sent);
    std::fprintf(stderr, "train-parser: %d-fold jack-knifed tags in %.0fs\n", a.jackknife,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    if (!a.write_train.empty()) {
      Document doc;
      doc.id = "jackknifed";
      doc.sentences = train;
      doc.text = RebuildText(&doc.sentences);
      std::ofstream out(a.write_train);
      WriteConllu(doc, out);
      if (!out) Fail(a.write_train + ": write error");
    }
  }
  return train;
}

void Run(Args& a) {
  if (a.dev.empty()) a.dev = a.shared + "/data/ud/en_ewt-ud-dev.conllu";
  Taggers taggers = LoadTaggers(a.models);
  if (!a.eval_only) {
    std::vector<Sentence> train = TrainingSet(a, taggers);
    std::vector<Sentence> dev = ReadOrFail(a.dev);
    taggers.Apply(&dev);  // select the iteration under the conditions of use
    std::fprintf(stderr, "train-parser: dev %s with %s\n", a.dev.c_str(),
                 taggers.Describe().c_str());
    if (a.add_dev) {
      // For a final model: the dev set joins the training data (its tags are
      // the tagger's, which never saw dev) and the last iteration is kept;
      // dev scores printed while training are then not held-out scores.
      train.insert(train.end(), dev.begin(), dev.end());
      a.opts.pick_best_iteration = false;
      std::fprintf(stderr, "train-parser: --add-dev: training on dev too; dev scores below are "
                           "NOT held out\n");
    }
    const auto t0 = std::chrono::steady_clock::now();
    Status s = TrainParser(train, dev, a.opts, a.out);
    if (!s.ok()) Fail(s.message());
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("wrote %s (training %.0fs)\n", a.out.c_str(), secs);
  }
  auto model = std::make_shared<parser::ParserModel>();
  Status s = parser::ParserModel::Load(a.out, model.get());
  if (!s.ok()) Fail(s.message());
  if (a.prune_loaded > 0) model->weights.Prune(a.prune_loaded);
  std::printf("%s: %zu features, %zu weights, %zu labels\n", a.out.c_str(),
              model->weights.num_features(), model->weights.num_weights(), model->labels.size());
  if (!a.resave.empty()) {
    s = model->Save(a.resave);
    if (!s.ok()) Fail(s.message());
    std::printf("wrote %s (%.1f MB)\n", a.resave.c_str(),
                std::filesystem::file_size(a.resave) / 1e6);
  }
  std::vector<std::shared_ptr<const parser::ParserModel>> models = {model};
  for (const auto& p : a.partners) {
    auto m = std::make_shared<parser::ParserModel>();
    s = parser::ParserModel::Load(p, m.get());
    if (!s.ok()) Fail(s.message());
    models.push_back(std::move(m));
  }
  auto parser = std::make_unique<Parser>(models);
  parser->set_combine_options(a.combine);
  if (models.size() > 1)
    std::printf("combining %zu models (confidence %.2f, margin cap %.1f)\n", models.size(),
                a.combine.confidence, a.combine.margin_cap);
  if (a.beam_override > 0) parser->set_beam_width(a.beam_override);
  Evaluate(*parser, taggers, a.dev);
  for (const auto& f : a.eval) Evaluate(*parser, taggers, f);
}

CommandRegistrar reg(70, [](CLI::App& app) {
  auto a = std::make_shared<Args>();
  auto* c = app.add_subcommand("train-parser",
                               "Train the dependency parser alone and print dev UAS/LAS");
  c->add_option("--shared", a->shared, "Shared data directory")->capture_default_str();
  c->add_option("--out", a->out, "Model file to write (or to read with --eval-only)")
      ->capture_default_str();
  c->add_option("--dev", a->dev, "Development CoNLL-U (default: EWT dev)");
  c->add_option("--iterations", a->opts.iterations, "Training passes")->capture_default_str();
  c->add_option("--beam", a->opts.beam, "Beam width (1 = greedy, dynamic oracle)")
      ->capture_default_str();
  c->add_option("--prune", a->opts.prune, "Drop averaged weights with |w| <= this")
      ->capture_default_str();
  c->add_option("--explore", a->opts.explore_prob, "Greedy: probability of following the model")
      ->capture_default_str();
  c->add_option("--seed", a->opts.seed, "Random seed")->capture_default_str();
  c->add_option("--clusters", a->opts.clusters_path,
                 "Word clusters model to use as features (e.g. models/clusters.bin)");
  c->add_flag("--no-gum", a->no_gum, "Train on EWT only");
  c->add_flag("--reverse", a->opts.reverse, "Train a right-to-left parser (reads sentences backwards)");
  c->add_option("--eval", a->eval, "Also score these CoNLL-U files (tags as in the file)");
  c->add_flag("--eval-only", a->eval_only, "Do not train: score the model given by --out");
  c->add_option("--parse-beam", a->beam_override, "Beam width for evaluation (default: model's)");
  c->add_option("--models", a->models,
                 "Tag and lemmatise dev and --eval files with DIR/tagger.bin.zst and "
                 "DIR/lemmatizer.bin.zst first (default: the files' gold tags)");
  c->add_option("--jackknife", a->jackknife,
                 "Train on K-fold jack-knifed predicted tags (0 = the treebank's gold tags)")
      ->capture_default_str();
  c->add_option("--train-conllu", a->train_conllu,
                "Training CoNLL-U instead of EWT + CC BY GUM (e.g. a saved jack-knifed set)");
  c->add_option("--write-train", a->write_train, "With --jackknife: save the tagged training set");
  c->add_flag("--add-dev", a->add_dev,
              "Also train on the dev set (tagged by --models) and keep the last iteration");
  c->add_option("--prune-loaded", a->prune_loaded,
                 "Drop weights with |w| <= this from the loaded model (size experiments)");
  c->add_option("--resave", a->resave, "Write the (pruned) model to this file");
  c->add_option("--partner", a->partners,
                "Score --out combined with these models (e.g. a --reverse one) by arc voting");
  c->add_option("--combine-confidence", a->combine.confidence,
                "Ensemble: weight of a model's margin in its arc votes")->capture_default_str();
  c->add_option("--combine-cap", a->combine.margin_cap,
                "Ensemble: margins are capped at this")->capture_default_str();
  c->add_option("--combine-first-bonus", a->combine.first_bonus,
                "Ensemble: extra vote weight of the first model")->capture_default_str();
  c->add_option("--combine-other-scale", a->combine.other_scale,
                "Ensemble: the other models' votes are scaled by this")->capture_default_str();
  c->callback([a]() { Run(*a); });
});

}  // namespace
}  // namespace dyad::cli
