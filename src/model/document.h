#pragma once
// The document model: what a YAML file says, with the source position of every
// value so later stages can report problems where they are (the format: docs/format.md).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/source_span.h"
#include "image/image_info.h"

namespace model {

// A string from the YAML with its position. `span` points at the first
// character of the value's content (after an opening quote) when the scalar
// sits on one line, so `char_span(i)` can point at the i-th character.
struct Text {
  std::string value;
  core::SourceSpan span;
  bool one_line = false;

  bool empty() const { return value.empty(); }
  // Span of the i-th code point of `value` (the scalar's start when the
  // scalar spans several lines and columns cannot be trusted).
  core::SourceSpan char_span(int codepoint_index) const {
    return one_line ? span.shifted(codepoint_index) : span;
  }
};

// 数说: one key figure of a highlights box.
struct Highlight {
  Text value;  // "276"
  Text unit;   // 名
  Text label;  // 三年培养骨干人才
  core::SourceSpan span;
};

enum class PhotoSpan { Column, Page };
// Which part of a photo to keep when page make-up crops it.
enum class PhotoFocus { Center, Top, Bottom, Left, Right };

struct Photo {
  Text src;                 // as written in the YAML
  std::string path;         // resolved against the document's folder
  image::ImageInfo image;   // what the file is, probed once at load (not probed: it has an error)
  Text caption;
  Text credit;
  PhotoSpan span = PhotoSpan::Column;
  PhotoFocus focus = PhotoFocus::Center;
  core::SourceSpan where;
};

// 小标题 and the paragraphs under it. A heading may be several lines.
struct Section {
  std::vector<Text> heading;
  std::vector<Text> paragraphs;
  core::SourceSpan span;
};

// One part of an article's head and what it is called in the YAML.
struct HeadPart {
  const Text* text;
  const char* key;  // as written in the YAML: "kicker"
};

struct Article {
  Text union_name;   // 县总工会: who the report is about
  Text kicker;       // 引题 (optional)
  Text headline;     // 主标题
  Text subheadline;  // 副题 (optional)
  std::vector<Text> lead;
  std::vector<Section> sections;
  std::vector<Highlight> highlights;
  std::vector<Photo> photos;
  Text byline;
  core::SourceSpan span;

  // The head's parts top to bottom: the one list that for_each_text (the
  // fonts report) and the preview's source map read, so a new head element
  // is added here.
  std::array<HeadPart, 4> head_parts() const {
    return {{{&union_name, "union"}, {&kicker, "kicker"}, {&headline, "headline"}, {&subheadline, "subheadline"}}};
  }
};

struct Meta {
  Text paper;    // masthead / folio text
  Text edition;  // section or edition name
  Text date;     // YYYY-MM-DD as written
  int page = 1;  // number of the first page
  Text title;    // PDF title; empty = first headline
  Text subject;  // PDF subject; empty = the paper's name
};

struct Document {
  std::string path;     // the YAML file
  std::string dir;      // its folder, for relative paths
  Text layout;          // a name in layouts/ or a path; empty = default
  Meta meta;
  std::vector<Article> articles;
};

}  // namespace model
