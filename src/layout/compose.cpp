#include "layout/compose.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "layout/block_setter.h"
#include "layout/line_runs.h"
#include "layout/page_grid.h"
#include "layout/page_maker.h"
#include "layout/preflight.h"
#include "layout/print_marks.h"

namespace layout {
namespace {

constexpr core::Color kGuide{0.1, 0.6, 0.9};
constexpr core::Color kGrid{0.85, 0.85, 0.95};
constexpr core::Color kBlockColor{0.85, 0.1, 0.6};
constexpr core::Color kItemColor{0.9, 0.3, 0.3};
constexpr double kNoteSize = 5.5;

frame::Box outline(const core::Rect& r, core::Color c, double w = 0.3) {
  frame::Box b;
  b.rect = r;
  b.stroke = true;
  b.stroke_color = c;
  b.stroke_width = w;
  return b;
}

std::size_t paragraph_bytes(const style::StyledDocument& doc) {
  std::size_t bytes = 0;
  for (const auto& article : doc.articles)
    for (const auto& block : article.flow)
      if (block.kind == style::BlockKind::Paragraph)
        for (const auto& line : block.lines)
          for (const auto& span : line) bytes += span.text.size();
  return bytes;
}

class Composer {
 public:
  Composer(const style::StyledDocument& doc, const style::Theme& theme, const text::FontBook& fonts,
           core::Diagnostics& diags, const ComposeOptions& options)
      : doc_(doc),
        theme_(theme),
        fonts_(fonts),
        options_(options),
        diags_(diags),
        grid_(make_page_grid(theme)),
        setter_(grid_, theme, fonts, diags) {}

  frame::Publication run() {
    pub_.meta.title = doc_.title;
    pub_.meta.subject = doc_.subject;
    pub_.meta.date = doc_.date;
    if (grid_.rows < 2) {
      diags_.error(theme_.grid_span.file.empty() ? core::SourceSpan{theme_.path} : theme_.grid_span,
                   "the page holds " + std::to_string(grid_.rows) + " rows of body text at a leading of " +
                       std::to_string(static_cast<int>(std::lround(grid_.pitch))) +
                       " pt; make-up needs at least 2 (check the page size, margins and body leading)");
      return std::move(pub_);
    }
    setter_.plan_paragraphs_by_count(paragraph_bytes(doc_) > options_.held_paragraph_bytes);
    for (const auto& article : doc_.articles) copies_.push_back(setter_.set_article(article, grid_.columns));
    MakeupSpec spec;
    spec.columns = grid_.columns;
    spec.rows = grid_.rows;
    spec.max_pages = theme_.makeup.pages;
    spec.pages_span = theme_.makeup.pages_span;
    const auto plans = make_up(copies_, spec, diags_);
    // Drawing moves the chosen settings onto the pages; an article's other
    // settings (most of them) are let go after the last page it is on.
    std::vector<std::size_t> last_page(copies_.size(), 0);
    for (std::size_t p = 0; p < plans.size(); ++p) {
      for (const auto& b : plans[p].blocks) last_page[b.article] = p;
    }
    for (std::size_t p = 0; p < plans.size(); ++p) {
      draw_page(plans[p]);
      for (std::size_t a = 0; a < copies_.size(); ++a) {
        if (last_page[a] == p) copies_[a] = {};
      }
      finish_page();
    }
    pub_.faces = fonts_.faces();
    if (options_.plans) *options_.plans = plans;
    return std::move(pub_);
  }

 private:
  frame::Page& page() { return pub_.pages.back(); }

  void new_page() {
    frame::Page p;
    p.size = grid_.page;
    add_print_marks(p, theme_.page.bleed, theme_.page.crop_marks);
    p.number = doc_.folio.first_page + pages_made_++;
    for (int c = 0; c < grid_.columns && options_.debug_items; ++c) {
      for (int r = 0; r < grid_.rows; ++r) {
        const double y = grid_.baseline(r);
        p.debug_items.push_back(frame::Rule{{grid_.column_x(c), y}, {grid_.column_x(c) + grid_.column_width, y}, 0.2, kGrid});
      }
      p.debug_items.push_back(outline({grid_.column_x(c), grid_.body_top, grid_.column_width, grid_.rows * grid_.pitch},
                                      kGuide, 0.4));
    }
    pub_.pages.push_back(std::move(p));
  }

  // The page is complete: its folio, the preflight check, and out to the
  // sink when there is one.
  void finish_page() {
    add_folio(page());
    warn_low_resolution(page(), diags_);
    if (!options_.sink) return;
    pub_.faces = fonts_.faces();
    frame::Page done = std::move(pub_.pages.back());
    pub_.pages.pop_back();
    options_.sink(std::move(done), pub_);
  }

  // Moves `item` onto the page with its top-left at (x, row) (each setting
  // is drawn once); `width` is what it spans, for its debug box.
  void place(FlowItem& item, double x, int row, double width) {
    const double y = grid_.row_top(row);
    for (auto& it : item.items) {
      translate(it, x, y);
      page().items.push_back(std::move(it));
    }
    item.items.clear();
    if (options_.debug_items) page().debug_items.push_back(outline({x, y, width, item.rows * grid_.pitch}, kItemColor, 0.2));
  }

  // A small label on the debug overlay saying what copy-fit did.
  void note(const std::string& text, double x, int row) {
    if (text.empty() || !options_.debug_items) return;
    core::Span span;
    span.text = text;
    span.style.role = core::FontRole::Hei;
    span.style.size = kNoteSize;
    span.style.color = kBlockColor;
    auto lines = setter_.set_ragged({span}, grid_.full_width());
    if (lines.empty()) return;
    append_line(lines.front(), x + 1, grid_.row_top(row) + kNoteSize, page().debug_items);
  }

  void draw_page(const PagePlan& plan) {
    new_page();
    for (const auto& block : plan.blocks) draw_block(block);
  }

  void draw_block(const BlockPlan& b) {
    ArticleCopy& art = copies_[b.article];
    const double x = grid_.content.x;
    const double width = grid_.full_width();
    if (b.separator) {
      // A rule across the page separates two reports.
      const double y = grid_.row_top(b.top - 1) + grid_.pitch / 2;
      page().items.push_back(frame::Rule{{x, y}, {x + width, y}, 1.2, theme_.style(style::Role::Union).color});
    }
    int row = b.top;
    if (b.head_variant >= 0) {
      pub_.bookmarks.push_back({art.title, pages_made_ - 1, grid_.row_top(row)});
      Variant& head = art.head[b.head_variant];
      place(head.items.front(), x, row, width);
      note(head.note, x, row);
      row += head.rows;
    }
    for (const auto& w : b.wide) {
      Variant& v = w.from_column ? art.column[w.unit].wide[w.variant] : art.wide[w.unit].variants[w.variant];
      place(v.items.front(), x, row, width);
      note(v.note, x, row);
      row += v.rows;
    }
    draw_columns(art, b, row);
    if (options_.debug_items) {
      page().debug_items.push_back(outline({x - 1, grid_.row_top(b.top) - 1, width + 2, b.rows() * grid_.pitch + 2},
                                           kBlockColor, 1.0));
    }
  }

  void draw_columns(ArticleCopy& art, const BlockPlan& b, int top) {
    // Photos are drawn after the columns' text, so that a paragraph running
    // on past a photo reads on unbroken (copy, search and screen readers
    // follow the drawing order); their captions come with them.
    std::vector<const Placement*> figures;
    for (const auto& p : b.fill.placements) {
      CopyUnit& unit = art.column[p.unit];
      Variant& v = unit.variants[p.variant];
      const double x = grid_.column_x(p.column);
      if (unit.kind == UnitKind::Paragraph) {
        if (v.unset()) set_chosen(unit, v);
        for (int k = 0; k < p.count; ++k) place(v.items[p.first_line + k], x, top + p.row + k, grid_.column_width);
        continue;
      }
      if (unit.kind == UnitKind::Figure) {
        figures.push_back(&p);
        continue;
      }
      place(v.items.front(), x, top + p.row, grid_.column_width);
      note(v.note, x, top + p.row);
    }
    if (b.span_photo.columns > 0) {
      const auto& sp = b.span_photo;
      Variant& v = art.column[sp.unit].spans[sp.span].variants[sp.variant];
      const double x = grid_.column_x(grid_.columns - sp.columns);
      place(v.items.front(), x, top, grid_.span_width(sp.columns));
      note(v.note, x, top);
    }
    for (const auto* p : figures) {
      Variant& v = art.column[p->unit].variants[p->variant];
      place(v.items.front(), grid_.column_x(p->column), top + p->row, grid_.column_width);
      note(v.note, grid_.column_x(p->column), top + p->row);
    }
    if (!theme_.columns.rule) return;
    int deepest = 0;
    for (int r : b.fill.column_rows) deepest = std::max(deepest, r);
    for (int c = 1; c < grid_.columns; ++c) {
      if (c >= static_cast<int>(b.fill.column_rows.size()) || b.fill.column_rows[c] == 0) continue;
      const double x = grid_.column_x(c) - grid_.gutter / 2;
      page().items.push_back(frame::Rule{{x, grid_.row_top(top) + 0.2 * grid_.pitch},
                                         {x, grid_.row_top(top + deepest) - 0.2 * grid_.pitch}, 0.3,
                                         theme_.columns.rule_color});
    }
  }

  // Sets a paragraph setting make-up planned by its line count.
  void set_chosen(const CopyUnit& unit, Variant& v) {
    v.items = setter_.set_chosen_paragraph(*unit.paragraph, v.looseness);
    // The same paragraph and looseness break the same way every time.
    if (static_cast<int>(v.items.size()) != v.rows)
      throw std::logic_error("a paragraph set again came out " + std::to_string(v.items.size()) + " lines, not " +
                             std::to_string(v.rows));
  }

  void add_folio(frame::Page& p) {
    const auto& folio_style = theme_.style(style::Role::Folio);
    const double size = std::max(folio_style.size, theme_.style(style::Role::Masthead).size);
    const double baseline = grid_.content.y + 0.3 * size + kEmAscent * size;
    auto line = [&](const std::vector<core::Span>& spans) {
      auto lines = setter_.set_ragged(spans, grid_.full_width());
      return lines.empty() ? text::Line{} : lines.front();
    };
    std::vector<frame::Item> items;
    if (!doc_.folio.paper.empty()) append_line(line(doc_.folio.paper), grid_.content.x, baseline, items);
    if (!doc_.folio.edition.empty()) {
      auto l = line(doc_.folio.edition);
      append_line(l, grid_.content.x + (grid_.full_width() - l.width) / 2, baseline, items);
    }
    std::string right = doc_.folio.date_text;
    if (!right.empty()) right += "  ";
    right += "第" + std::to_string(p.number) + "版";
    core::Span span;
    span.text = right;
    span.style = style::text_style(folio_style);
    auto l = line({span});
    append_line(l, grid_.content.right() - l.width, baseline, items);
    // Folio text first, so a reader's text starts with the page's own label.
    p.items.insert(p.items.begin(), items.begin(), items.end());
    const double y = grid_.body_top - 0.45 * grid_.pitch;
    const core::Color ink = theme_.style(style::Role::Masthead).color;
    p.items.push_back(frame::Rule{{grid_.content.x, y - 2}, {grid_.content.right(), y - 2}, 1.0, ink});
    p.items.push_back(frame::Rule{{grid_.content.x, y}, {grid_.content.right(), y}, 0.3, ink});
  }

  const style::StyledDocument& doc_;
  const style::Theme& theme_;
  const text::FontBook& fonts_;
  const ComposeOptions& options_;
  core::Diagnostics& diags_;
  PageGrid grid_;
  BlockSetter setter_;
  std::vector<ArticleCopy> copies_;
  frame::Publication pub_;
  int pages_made_ = 0;
};

}  // namespace

frame::Publication compose(const style::StyledDocument& doc, const style::Theme& theme,
                           const text::FontBook& fonts, core::Diagnostics& diags, const ComposeOptions& options) {
  return Composer(doc, theme, fonts, diags, options).run();
}

}  // namespace layout
