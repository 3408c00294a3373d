#pragma once
// Sets styled blocks into FlowItems of whole grid rows: body paragraphs line
// by line (so the column flow can break between lines), banners, photos with
// their captions, highlights boxes, bylines, and an article's head across
// all columns.
#include <vector>

#include "core/diagnostics.h"
#include "layout/copy_unit.h"
#include "layout/flow_item.h"
#include "layout/page_grid.h"
#include "style/styled_document.h"
#include "text/font_book.h"
#include "text/paragraph.h"

namespace layout {

// A photo's caption set across a width, and its credit: right-aligned at
// the end of the caption's last line when it fits there, else on a line of
// its own, right-aligned.
struct CaptionLines {
  std::vector<text::Line> caption;
  std::vector<text::Line> credit;
  bool credit_on_last = false;  // the first credit line shares the caption's last line
  int count() const {
    return static_cast<int>(caption.size() + credit.size()) - (credit_on_last ? 1 : 0);
  }
};

class BlockSetter {
 public:
  BlockSetter(const PageGrid& grid, const style::Theme& theme, const text::FontBook& fonts,
              core::Diagnostics& diags)
      : grid_(grid), theme_(theme), fonts_(fonts), diags_(diags) {}

  // An article's material as copy-fit units, for a block of `columns`
  // columns: each unit with the settings make-up may choose among.
  ArticleCopy set_article(const style::StyledArticle& article, int columns);
  // Plan every setting of a paragraph by its line count, the natural one
  // too, and set the chosen one when it is drawn: for long documents, so
  // that memory does not grow with the pages (each paragraph is then set
  // twice). Short ones keep their natural settings, which is faster.
  void plan_paragraphs_by_count(bool on) { count_natural_ = on; }
  // Union line, kicker, headline and subheadline across `width`;
  // `tallest`, when given, receives the source of the part taking most rows.
  FlowItem set_head(const std::vector<style::StyledBlock>& head, double width,
                    core::SourceSpan* tallest = nullptr);

  // The lines of a paragraph setting planned by its count only
  // (Variant::unset()), set now that make-up has chosen it. What setting it
  // reports was reported when it was counted.
  std::vector<FlowItem> set_chosen_paragraph(const style::StyledBlock& block, int looseness);

  // Lines of `spans` set flush left (no justification) within `width`.
  std::vector<text::Line> set_ragged(const std::vector<core::Span>& spans, double width);

 private:
  // A body paragraph one item per line, for each of `loosenesses` (lines
  // more or fewer than the best breaking; no items where that is
  // impossible). Entries whose `count_only` is true get one empty item per
  // line: their line count, for planning.
  std::vector<std::vector<FlowItem>> set_paragraph_lines(const style::StyledBlock& block,
                                                         const std::vector<int>& loosenesses,
                                                         const std::vector<bool>& count_only,
                                                         core::Diagnostics& diags);
  std::vector<text::Line> phrase_lines(const std::vector<core::Span>& spans, double width,
                                       std::vector<text::Line> fallback);
  // Draws lines one under another from `top`, aligned within [x, x+width).
  // Returns the height used (lines × leading).
  double stack(const std::vector<text::Line>& lines, double x, double top, double width,
               double leading, core::Align align, std::vector<frame::Item>& out);
  CaptionLines set_caption(const style::StyledBlock& block, double width);
  // Draws `lines` from `top` within [x, x+width); returns the height used.
  double draw_caption(const CaptionLines& lines, double x, double top, double width, double leading,
                      std::vector<frame::Item>& out);
  FlowItem set_banner(const style::StyledBlock& block);
  // Key figures `per_row` to a row.
  FlowItem set_highlights(const style::StyledBlock& block, int per_row);
  CopyUnit column_unit(const style::StyledBlock& block, double block_width);
  std::vector<Variant> head_variants(const std::vector<style::StyledBlock>& head, double width,
                                     core::SourceSpan* tallest);
  std::vector<Variant> banner_variants(const style::StyledBlock& block);
  std::vector<Variant> highlights_variants(const style::StyledBlock& block);
  // A photo with its caption across `width`, in every height of whole rows
  // that cropping allows, up to `max_rows`.
  std::vector<Variant> photo_variants(const style::StyledBlock& block, double width, int max_rows);
  // A column photo's settings across `width` instead, each costing `cost` more and noted as `what`.
  std::vector<Variant> widened(const style::StyledBlock& block, double width, double cost, const std::string& what);
  // The most rows a photo in one column, or across several, may take (the layout's makeup).
  int photo_rows() const { return share_of_rows(theme_.makeup.photo_depth); }
  int wide_photo_rows() const { return share_of_rows(theme_.makeup.wide_photo_depth); }
  int share_of_rows(double share) const;
  FlowItem set_byline(const style::StyledBlock& block);
  double leading_of(style::Role role) const;
  int rows_for(double height) const;

  bool count_natural_ = false;
  const PageGrid& grid_;
  const style::Theme& theme_;
  const text::FontBook& fonts_;
  core::Diagnostics& diags_;
};

}  // namespace layout
