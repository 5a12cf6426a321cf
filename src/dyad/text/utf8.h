// UTF-8 validation and normalisation of input text, and the small
// code-point helpers the tokenizer uses. Normalisation is what makes two
// spellings of the same text match later (dictionaries, patterns); every
// byte offset in dyad refers to the *normalised* text (Document::text).
//
// What NormalizeText does, in one pass:
//   - invalid UTF-8 (bad lead/continuation bytes, overlongs, surrogates,
//     code points > U+10FFFF) -> U+FFFD, counted with the first line seen;
//   - CR LF and lone CR -> LF; U+2028/U+2029/U+0085 (NEL) and form feed -> LF;
//   - odd spaces (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000, U+1680,
//     vertical tab) -> ' ';
//   - invisible characters (BOM/U+FEFF, U+200B zero-width space, U+00AD
//     soft hyphen, U+2060 word joiner) removed;
//   - C1 controls that are really Windows-1252 punctuation (U+0091..U+0097,
//     U+0085 in running text is treated as NEL above) -> the intended
//     character (‘ ’ “ ” – — …); other C0/C1 controls and NUL -> ' ', counted
//     (binary data stays processable and is reported);
//   - Unicode NFC (utf8proc), applied only to runs that can change.
// Curly quotes and dashes are kept as written; the tokenizer treats ’ like '.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/document.h"

namespace dyad {

struct NormalizeStats {
  uint64_t invalid_sequences = 0;   // replaced by U+FFFD
  uint64_t first_invalid_line = 0;  // 1-based line (relative to the input) of the first one
  uint64_t control_chars = 0;       // NUL and other control characters replaced by ' '
  uint64_t first_control_line = 0;
};

// Validates and normalises `in`, writing the result to *out (replacing its
// contents). Never fails; problems are counted in *stats when given.
void NormalizeText(std::string_view in, std::string* out, NormalizeStats* stats = nullptr);

// Turns the counts in `stats` into warnings naming `source` and the input
// line (`base_line` is the 1-based line of the text's first byte).
void ReportNormalization(const NormalizeStats& stats, const std::string& source,
                         uint64_t base_line, std::vector<InputWarning>* warnings);

// Decodes the code point at p (text must be valid UTF-8, p < end); sets *len
// to its byte length.
inline int32_t DecodeUtf8(const char* p, const char* end, int* len) {
  auto b = static_cast<unsigned char>(p[0]);
  if (b < 0x80) { *len = 1; return b; }
  auto c = [&](int i) -> int32_t {
    return p + i < end ? (static_cast<unsigned char>(p[i]) & 0x3F) : 0;
  };
  if (b < 0xE0) { *len = 2; return ((b & 0x1F) << 6) | c(1); }
  if (b < 0xF0) { *len = 3; return ((b & 0x0F) << 12) | (c(1) << 6) | c(2); }
  *len = 4;
  return ((b & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
}

// Appends the UTF-8 encoding of cp.
void AppendUtf8(int32_t cp, std::string* out);

// Character classes the tokenizer needs (Unicode-aware).
bool IsLetterCp(int32_t cp);   // L* categories, and combining marks (they attach to letters)
bool IsDigitCp(int32_t cp);    // Nd, and other numbers (N*)
bool IsUpperCp(int32_t cp);    // Lu / Lt
bool IsLowerCp(int32_t cp);    // Ll

// Lower-cases ASCII letters only (the rules compare against ASCII word lists).
std::string AsciiLower(std::string_view s);

}  // namespace dyad
