// text — everything between raw bytes and annotated sentences' skeletons:
// reading inputs (plain files, directories, JSON Lines, stdin), UTF-8
// validation and normalisation, tokenisation into UD-English tokens and
// words, and sentence splitting. Every word keeps byte offsets into the
// original document text, because event evidence spans are reported in them.
//
// This header holds the data model the whole pipeline shares: a Document owns
// its text and Sentences; a Sentence owns Words (the syntactic words of UD,
// the rows of CoNLL-U) and the multiword tokens that group them. Later stages
// fill in the annotation fields (nlp: lemma..deprel).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// One syntactic word: a row of CoNLL-U.
struct Word {
  std::string form;          // the word as written (after normalisation)
  uint32_t start = 0;        // byte offset of its first byte in Document::text
  uint32_t end = 0;          // byte offset one past its last byte
  bool space_after = true;   // false when the next word follows without a space
  // Filled by nlp:
  std::string lemma;
  std::string upos;          // Universal POS tag, e.g. "PROPN"
  std::string xpos;          // Penn Treebank tag, e.g. "NNP"
  std::string feats;         // UD features "Key=Value|Key=Value" or "" for none
  int head = -1;             // 1-based index of the head word, 0 for root, -1 unparsed
  std::string deprel;        // UD relation, e.g. "nsubj", "obl:tmod"
};

// A surface token written as one string but split into several words
// ("don't" -> "do" + "n't"). Indices are 0-based positions in Sentence::words.
struct MultiwordToken {
  int first = 0;             // first word of the token
  int last = 0;              // last word (inclusive)
  std::string form;          // the token as written
  uint32_t start = 0, end = 0;
  bool space_after = true;
};

struct Sentence {
  uint32_t start = 0, end = 0;        // byte span in Document::text
  std::vector<Word> words;
  std::vector<MultiwordToken> mwts;   // sorted by `first`
  std::string sent_id;                // optional id (CoNLL-U input)
  std::string gold_text;              // "# text" of CoNLL-U input, if any
};

// A problem found in the input that did not stop processing (for example
// invalid UTF-8 replaced by U+FFFD). `line` is 1-based in the input file.
struct InputWarning {
  std::string source;   // file name or "<stdin>"
  uint64_t line = 0;
  std::string message;
};

struct Document {
  std::string id;        // record id, or file name for plain text
  std::string date;      // YYYY-MM-DD article date, "" if unknown
  std::string title, url, source;
  std::string text;      // the text all offsets refer to (valid UTF-8)
  std::vector<Sentence> sentences;
  std::string origin;    // where it came from, "file.jsonl:12", for messages
};

}  // namespace dyad
