#include "dyad/util/serialize.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dyad {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dyad_test_" + name)).string();
}

TEST(Serialize, ModelFileRoundTrip) {
  BinaryWriter w;
  w.Put<int32_t>(-7);
  w.PutString("lemma");
  w.PutVector(std::vector<float>{1.5f, -2.0f});
  const std::string path = TempPath("model.zst");
  ASSERT_TRUE(WriteModelFile(path, "dyad-test", 3, w.data()).ok());

  std::string payload;
  ASSERT_TRUE(ReadModelFile(path, "dyad-test", 3, &payload).ok());
  BinaryReader r(payload);
  int32_t i;
  std::string s;
  std::vector<float> v;
  ASSERT_TRUE(r.Get(&i) && r.GetString(&s) && r.GetVector(&v));
  EXPECT_EQ(i, -7);
  EXPECT_EQ(s, "lemma");
  EXPECT_EQ(v, (std::vector<float>{1.5f, -2.0f}));
  EXPECT_TRUE(r.at_end());
}

TEST(Serialize, WrongMagicOrVersionIsRefusedWithPath) {
  const std::string path = TempPath("model2.zst");
  ASSERT_TRUE(WriteModelFile(path, "tagger", 1, "x").ok());
  std::string payload;
  Status s = ReadModelFile(path, "parser", 1, &payload);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path), std::string::npos);
  s = ReadModelFile(path, "tagger", 2, &payload);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
}

TEST(Serialize, GarbageFileIsCorruptNotCrash) {
  const std::string path = TempPath("garbage.zst");
  ASSERT_TRUE(WriteStringToFile(path, "not a model at all").ok());
  std::string payload;
  EXPECT_EQ(ReadModelFile(path, "tagger", 1, &payload).code(), Status::Code::kCorrupt);
}

TEST(Serialize, ReaderStopsAtTruncation) {
  BinaryWriter w;
  w.PutString("abcdef");
  std::string data = w.data().substr(0, 6);
  BinaryReader r(data);
  std::string s;
  EXPECT_FALSE(r.GetString(&s));
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace dyad
