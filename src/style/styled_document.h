#pragma once
// The style stage's result: the document's content with the layout file's
// styles applied — every piece of text is a core::Span with font role, size
// and colour — grouped the way a page is composed: an article's head (spans
// all columns), its page-wide photos, and the blocks that flow in columns.
#include <string>
#include <vector>

#include "core/text_style.h"
#include "model/document.h"
#include "style/theme.h"

namespace style {

enum class BlockKind { Union, Kicker, Headline, Subheadline, Paragraph, Banner, Highlights, Photo, Byline };

struct HighlightItem {
  std::vector<core::Span> figure;  // value + unit
  std::vector<core::Span> label;
};

struct StyledBlock {
  BlockKind kind = BlockKind::Paragraph;
  Role role = Role::Body;
  // Text of the block; a banner has one entry per heading line, every other
  // block exactly one.
  std::vector<std::vector<core::Span>> lines;
  std::string image_path;            // Photo
  image::ImageInfo image;            // Photo: what the loader's probe found
  model::PhotoFocus focus = model::PhotoFocus::Center;  // Photo: what cropping keeps
  std::vector<core::Span> caption;   // Photo: ■ caption
  std::vector<core::Span> credit;    // Photo: who took it
  std::vector<HighlightItem> highlights;
  double leading = 0;  // pt between baselines when it differs from the role's (ranked headlines)
  core::SourceSpan source;
};

struct StyledArticle {
  std::vector<StyledBlock> head;         // union, kicker, headline, subheadline
  std::vector<StyledBlock> wide_photos;  // photos with span: page
  std::vector<StyledBlock> flow;         // lead, banners, paragraphs, photos, highlights, byline
  std::string title;                     // for the bookmark
  core::SourceSpan source;
};

struct Folio {
  std::vector<core::Span> paper;    // masthead text
  std::vector<core::Span> edition;
  std::string date_text;            // 2024年12月18日 星期三
  int first_page = 1;
};

struct StyledDocument {
  std::vector<StyledArticle> articles;
  Folio folio;
  std::string title;  // PDF title
  std::string subject;  // PDF subject
  std::string date;   // YYYY-MM-DD or ""
};

// Applies the theme to the document. Splits `**emphasis**` into emphasis
// spans (unmatched markers stay as text: nothing is ever dropped).
StyledDocument style_document(const model::Document& doc, const Theme& theme);

// `**a**b` → spans [a (emphasis), b (base)], each with its source position.
std::vector<core::Span> split_emphasis(const model::Text& text, const core::TextStyle& base,
                                       const core::TextStyle& emphasis);

core::TextStyle text_style(const RoleStyle& r);

// "2024-12-18" → "2024年12月18日 星期三"; "" when the date is malformed.
std::string chinese_date(const std::string& iso_date);

}  // namespace style
