// The closed word lists the tokenizer and sentence splitter consult:
// abbreviations that keep their period, prefixes whose hyphen EWT keeps,
// units split off numbers, domain suffixes, contractions written without an
// apostrophe, and words that typically begin a sentence. They encode English
// orthography and UD English (EWT) conventions, checked against the EWT and
// GUM training treebanks.
#pragma once

#include <string_view>

namespace dyad {

// Whether `word` (without its final period) followed by '.' is an
// abbreviation: a listed one (Mr, Gen, Jan, Inc, etc, vs), a letter-dot
// acronym (U.S, e.g, p.m, D.C), a single capital initial (J), or one of the
// number abbreviations (No, Vol, p, Fig) when a digit follows.
bool IsAbbreviation(std::string_view word, bool next_is_digit);

// Abbreviations that stand before a name and so never end a sentence
// (Mr., Dr., Gen., St., Sen.). `token` includes the period.
bool IsTitleAbbreviation(std::string_view token);

// "e", "non", "anti", "pre", "post", "mid", "re", "co", ... (case-insensitive):
// EWT keeps "e-mail", "non-violence", "anti-American" as one token.
bool IsKeptPrefix(std::string_view piece);

// "com", "org", "gov", "pdf", "xls", ...: "cnn.com" and "report.pdf" stay whole.
bool IsDomainSuffix(std::string_view piece);

// "doc", "pdf", "xls", "url", ...: file extensions (a subset of the above
// without web domains).
bool IsFileExtension(std::string_view piece);

// Units and clock suffixes split off a number: 5kg -> 5 kg, 10am -> 10 am.
bool IsUnit(std::string_view suffix);
// st nd rd th s: 75th, 1990s stay whole.
bool IsOrdinalOrDecadeSuffix(std::string_view suffix);

// For a contraction written without apostrophe ("dont", "cannot", "gonna",
// "im"), the byte where EWT splits it into two words; 0 otherwise.
int NoApostropheContractionCut(std::string_view token);

// Capitalised words that usually start a sentence (The, He, But, In ...);
// used to decide whether an abbreviation or initial ends a sentence.
bool IsSentenceStarter(std::string_view word);

}  // namespace dyad
