// nlp/model_files — the file names of the nlp models inside a models
// directory (models/ in the source tree, or PipelineOptions::models_dir).
#pragma once

namespace dyad {

inline constexpr char kTaggerModelFile[] = "tagger.bin.zst";
inline constexpr char kLemmatizerModelFile[] = "lemmatizer.bin.zst";
inline constexpr char kClustersModelFile[] = "clusters.bin.zst";
inline constexpr char kParserModelFile[] = "parser.bin.zst";
// The right-to-left parser; when present, Pipeline combines it with the
// left-to-right one (nlp/parser.h).
inline constexpr char kParserReverseModelFile[] = "parser-rtl.bin.zst";

}  // namespace dyad
