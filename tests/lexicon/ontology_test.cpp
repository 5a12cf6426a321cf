// The CAMEO table and the CAMEO -> PLOVER mapping shipped in dict/, and the
// quad-class schemes.
#include "dyad/lexicon/ontology.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

using ::testing::HasSubstr;

const std::string kDict = std::string(DYAD_SOURCE_DIR) + "/dict";

class ShippedOntology : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Ontology::Load(kDict, &o_);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  std::unique_ptr<Ontology> o_;
};

TEST_F(ShippedOntology, Has312Codes) {
  EXPECT_EQ(o_->codes().size(), 312u);
  const CameoCode* c = o_->Find("0332");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Express intent to provide military aid");
  EXPECT_DOUBLE_EQ(c->goldstein, 5.2);
  EXPECT_EQ(c->root, "03");
  EXPECT_EQ(c->level, 3);
  // "010" and "10" are different codes.
  ASSERT_NE(o_->Find("010"), nullptr);
  ASSERT_NE(o_->Find("10"), nullptr);
  EXPECT_NE(o_->Find("010")->name, o_->Find("10")->name);
  EXPECT_EQ(o_->Find("10")->level, 1);
  EXPECT_DOUBLE_EQ(o_->Find("195")->goldstein, -10);
  EXPECT_EQ(o_->Find("999"), nullptr);
  EXPECT_EQ(o_->FindOrParent("0339")->code, "033");
  EXPECT_EQ(o_->FindOrParent("9"), nullptr);
}

TEST_F(ShippedOntology, PloverMappingWithFallback) {
  Plover p = o_->ToPlover("0332");
  EXPECT_EQ(p.event, "AGREE");
  EXPECT_EQ(p.context, "military");
  p = o_->ToPlover("0841");
  EXPECT_EQ(p.event, "RETREAT");
  EXPECT_EQ(p.mode, "release");
  EXPECT_EQ(p.context, "legal");
  p = o_->ToPlover("1124");
  EXPECT_EQ(p.context, "military;legal");
  p = o_->ToPlover("175");  // listed twice: the first wins
  EXPECT_EQ(p.event, "ASSAULT");
  EXPECT_EQ(p.mode, "pro_autocracy");
  p = o_->ToPlover("0357");  // not listed: falls back to 035
  EXPECT_EQ(p.event, "AGREE");
  EXPECT_EQ(o_->ToPlover("010").event, "");  // PLOVER drops 01x and 02x
  EXPECT_EQ(o_->ToPlover("0233").event, "");
  EXPECT_EQ(o_->ToPlover("163").event, "COERCE");
  EXPECT_EQ(o_->ToPlover("193").mode, "firearms");
}

TEST(QuadClass, IcewsAndPhoenixSchemes) {
  EXPECT_EQ(Ontology::QuadClass("010"), 1);
  EXPECT_EQ(Ontology::QuadClass("057"), 1);
  EXPECT_EQ(Ontology::QuadClass("0841"), 2);
  EXPECT_EQ(Ontology::QuadClass("090"), 2);
  EXPECT_EQ(Ontology::QuadClass("112"), 3);
  EXPECT_EQ(Ontology::QuadClass("145"), 3);
  EXPECT_EQ(Ontology::QuadClass("150"), 4);
  EXPECT_EQ(Ontology::QuadClass("190"), 4);
  const auto P = QuadScheme::kPhoenix5;
  EXPECT_EQ(Ontology::QuadClass("010", P), 0);
  EXPECT_EQ(Ontology::QuadClass("020", P), 0);
  EXPECT_EQ(Ontology::QuadClass("036", P), 1);
  EXPECT_EQ(Ontology::QuadClass("084", P), 2);
  EXPECT_EQ(Ontology::QuadClass("090", P), 3);
  EXPECT_EQ(Ontology::QuadClass("130", P), 3);
  EXPECT_EQ(Ontology::QuadClass("140", P), 4);
  EXPECT_EQ(Ontology::QuadClass("150", P), 4);
  EXPECT_EQ(Ontology::QuadClass("160", P), 3);  // Phoenix: reduce relations is verbal conflict
  EXPECT_EQ(Ontology::QuadClass("2042", P), 4);
  EXPECT_EQ(Ontology::QuadClass("21"), -1);
  EXPECT_EQ(Ontology::QuadClass("00"), -1);
  EXPECT_EQ(Ontology::QuadClass("1"), -1);
  EXPECT_EQ(Ontology::QuadClass("abc"), -1);
  QuadScheme s;
  EXPECT_TRUE(Ontology::ParseQuadScheme("phoenix5", &s));
  EXPECT_EQ(s, QuadScheme::kPhoenix5);
  EXPECT_FALSE(Ontology::ParseQuadScheme("seven", &s));
}

TEST(Ontology, BadTablesNameFileAndLine) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_ontology_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "cameo.tsv") << "# header\n01\t0\tMAKE PUBLIC STATEMENT\n010\tzero\tMake statement\n";
    std::ofstream(dir / "plover.tsv") << "03\tAGREE\t-\t-\n";
  }
  std::unique_ptr<Ontology> o;
  Status s = Ontology::Load(dir.string(), &o);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("cameo.tsv:3"));
  EXPECT_THAT(s.message(), HasSubstr("Goldstein"));
  {
    std::ofstream(dir / "cameo.tsv") << "01\t0\tMAKE PUBLIC STATEMENT\n";
    std::ofstream(dir / "plover.tsv") << "03\tAGREE\t-\n";
  }
  s = Ontology::Load(dir.string(), &o);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("plover.tsv:1"));
  std::filesystem::remove_all(dir);
  s = Ontology::Load(dir.string(), &o);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace dyad
