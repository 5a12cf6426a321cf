#include <gtest/gtest.h>

#include "dyad/text/utf8.h"

namespace dyad {
namespace {

TEST(Normalize, InvalidUtf8IsReplacedAndCounted) {
  std::string out;
  NormalizeStats st;
  NormalizeText("ok\nbad \xC3\x28 and \xFF\xFE end\n", &out, &st);
  EXPECT_EQ(out, "ok\nbad \xEF\xBF\xBD( and \xEF\xBF\xBD\xEF\xBF\xBD end\n");
  EXPECT_EQ(st.invalid_sequences, 3u);
  EXPECT_EQ(st.first_invalid_line, 2u);
  std::vector<InputWarning> w;
  ReportNormalization(st, "f.txt", 10, &w);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].source, "f.txt");
  EXPECT_EQ(w[0].line, 11u);
  EXPECT_NE(w[0].message.find("U+FFFD"), std::string::npos);
}

TEST(Normalize, TruncatedSequencesAndSurrogatesAreInvalid) {
  std::string out;
  NormalizeStats st;
  NormalizeText("a\xE2\x80", &out, &st);    // cut in the middle of a 3-byte sequence
  EXPECT_EQ(out, "a\xEF\xBF\xBD");
  NormalizeText("\xED\xA0\x80", &out, &st);  // UTF-16 surrogate encoded in UTF-8
  EXPECT_EQ(st.invalid_sequences, 4u);
  NormalizeText("\xC0\xAF", &out, &st);      // overlong '/'
  EXPECT_EQ(out.find('/'), std::string::npos);
}

TEST(Normalize, SpacesLineEndsAndInvisibles) {
  std::string out;
  NormalizeText("a\xC2\xA0" "b\r\nc\rd\xE2\x80\x8B" "e\xEF\xBB\xBF" "f\xE2\x80\x83g", &out);
  EXPECT_EQ(out, "a b\nc\nde" "f g");
}

TEST(Normalize, ControlCharactersBecomeSpacesAndAreReported) {
  std::string out;
  NormalizeStats st;
  NormalizeText(std::string("a\0b\x01" "c", 5), &out, &st);
  EXPECT_EQ(out, "a b c");
  EXPECT_EQ(st.control_chars, 2u);
}

TEST(Normalize, Nfc) {
  std::string out;
  NormalizeText("Cafe\xCC\x81 ok", &out);   // e + combining acute
  EXPECT_EQ(out, "Caf\xC3\xA9 ok");
  NormalizeText("\xE2\x80\x9Cquoted\xE2\x80\x9D it\xE2\x80\x99s", &out);  // curly quotes kept
  EXPECT_EQ(out, "\xE2\x80\x9Cquoted\xE2\x80\x9D it\xE2\x80\x99s");
}

TEST(Normalize, Windows1252PunctuationInC1Range) {
  std::string out;
  NormalizeText("it\xC2\x92s", &out);   // U+0092, a cp1252 apostrophe decoded as Latin-1
  EXPECT_EQ(out, "it\xE2\x80\x99s");
}

}  // namespace
}  // namespace dyad
