// Tokenisation of normalised text into surface tokens, and the split of a
// surface token into syntactic words (UD multiword tokens), following UD
// English EWT v2.16:
//   - clitics are one token, several words: "don't" = do + n't, "Kim's" =
//     Kim + 's, "can't" = ca + n't, "won't" = wo + n't, "cannot" = can + not,
//     "gonna" = gon + na, "dont" = do + nt, "parents'" = parents + ';
//   - abbreviations keep their period (Mr. Gen. Jan. Inc. U.S. e.g. p.m.);
//   - hyphenated compounds are split ("China-DPRK" = China - DPRK, "1950-1953"
//     = 1950 - 1953) except after prefixes EWT keeps (e-mail, non-, anti-,
//     pre-, post-, mid-, re-, co- ...) and in phone/ZIP numbers;
//   - numbers keep their inner , . : / (1,000 3.5% -> 3.5 %, 9:30, 10/11/2004);
//     currency symbols and units split off ($8 billion -> $ 8 billion, 5kg ->
//     5 kg) but ordinals and decades stay (75th, 1990s);
//   - URLs, e-mail addresses, file names and emoticons stay whole;
//   - punctuation runs of one kind stay whole (... !!! -- '' ``).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad {

struct Token {
  uint32_t start = 0, end = 0;   // byte span in the text
  uint16_t newlines_before = 0;  // '\n' characters in the whitespace before it (capped)
  bool space_before = false;     // any whitespace before it
  bool abbreviation = false;     // ends with a period that belongs to it (Mr., U.S.)
};

// Splits `text` (normalised UTF-8) into surface tokens. Linear time.
void Tokenize(std::string_view text, std::vector<Token>* out);

// Where a surface token splits into syntactic words: fills `cuts` with byte
// positions inside `token` (ascending, strictly inside) and returns how many
// (0 = one word). At most 3 cuts.
int SplitIntoWords(std::string_view token, uint32_t cuts[3]);

}  // namespace dyad
