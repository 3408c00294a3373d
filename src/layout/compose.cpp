#include "layout/compose.h"

#include <algorithm>

#include "layout/block_setter.h"
#include "layout/column_flow.h"
#include "layout/line_runs.h"
#include "layout/page_grid.h"

namespace layout {
namespace {

constexpr frame::Color kGuide{0.1, 0.6, 0.9};
constexpr frame::Color kGrid{0.85, 0.85, 0.95};

frame::Box outline(const frame::Rect& r, frame::Color c, double w = 0.3) {
  frame::Box b;
  b.rect = r;
  b.stroke = true;
  b.stroke_color = c;
  b.stroke_width = w;
  return b;
}

class Composer {
 public:
  Composer(const style::StyledDocument& doc, const style::Theme& theme, const text::FontBook& fonts,
           source::Diagnostics& diags)
      : doc_(doc), theme_(theme), fonts_(fonts), diags_(diags), grid_(make_page_grid(theme)),
        setter_(grid_, theme, fonts, diags) {}

  frame::Publication run() {
    pub_.faces = fonts_.faces();
    pub_.meta.title = doc_.title;
    pub_.meta.subject = doc_.subject;
    pub_.meta.date = doc_.date;
    new_page();
    for (std::size_t a = 0; a < doc_.articles.size(); ++a) compose_article(doc_.articles[a], a > 0);
    for (std::size_t p = 0; p < pub_.pages.size(); ++p) add_folio(pub_.pages[p]);
    return std::move(pub_);
  }

 private:
  frame::Page& page() { return pub_.pages.back(); }

  void new_page() {
    frame::Page p;
    p.size = grid_.page;
    p.bleed = theme_.page.bleed;
    p.crop_marks = theme_.page.crop_marks;
    p.number = doc_.folio.first_page + static_cast<int>(pub_.pages.size());
    for (int c = 0; c < grid_.columns; ++c) {
      for (int r = 0; r < grid_.rows; ++r) {
        const double y = grid_.baseline(r);
        p.debug_items.push_back(frame::Rule{{grid_.column_x(c), y},
                                            {grid_.column_x(c) + grid_.column_width, y}, 0.2, kGrid});
      }
      p.debug_items.push_back(outline({grid_.column_x(c), grid_.body_top, grid_.column_width,
                                       grid_.rows * grid_.pitch},
                                      kGuide, 0.4));
    }
    pub_.pages.push_back(std::move(p));
    row_ = 0;
  }

  // Draws `item` with its top-left at (x, row `row`); `width` is what it
  // spans (a column, or all columns), for its debug box.
  void place(const FlowItem& item, double x, int row, double width) {
    const double y = grid_.row_top(row);
    for (const auto& it : item.items) page().items.push_back(translated(it, x, y));
    page().debug_items.push_back(outline({x, y, width, item.rows * grid_.pitch}, {0.9, 0.3, 0.3}, 0.2));
  }

  void place_columns(const std::vector<FlowItem>& items, const std::vector<ColumnFill>& fills) {
    int deepest = 0;
    // Photos are drawn after the columns' text, so that a paragraph running
    // on past a photo at a column's top reads on unbroken (copy, search,
    // screen readers follow the drawing order); their captions follow.
    struct Placement {
      const FlowItem* item;
      double x;
      int row;
    };
    std::vector<Placement> figures;
    for (std::size_t c = 0; c < fills.size(); ++c) {
      int r = row_;
      for (std::size_t k = 0; k < fills[c].items.size(); ++k) {
        const std::size_t idx = fills[c].items[k];
        if (k < fills[c].extra.size()) r += fills[c].extra[k];
        const double x = grid_.column_x(static_cast<int>(c));
        if (items[idx].kind == FlowKind::Figure) figures.push_back({&items[idx], x, r});
        else place(items[idx], x, r, grid_.column_width);
        r += items[idx].rows;
      }
      deepest = std::max(deepest, fills[c].rows);
    }
    for (const auto& f : figures) place(*f.item, f.x, f.row, grid_.column_width);
    if (theme_.columns.rule && deepest > 0) {
      for (std::size_t c = 1; c < fills.size(); ++c) {
        if (fills[c].rows == 0) continue;
        const double x = grid_.column_x(static_cast<int>(c)) - grid_.gutter / 2;
        page().items.push_back(frame::Rule{{x, grid_.row_top(row_) + 0.2 * grid_.pitch},
                                           {x, grid_.row_top(row_ + deepest) - 0.2 * grid_.pitch},
                                           0.3, {0.4, 0.4, 0.4}});
      }
    }
    row_ += deepest;
  }

  void compose_article(const style::StyledArticle& article, bool after_another) {
    const FlowItem head = setter_.set_head(article.head, grid_.full_width());
    std::vector<FlowItem> wide;
    for (const auto& p : article.wide_photos)
      wide.push_back(setter_.set_photo(p, grid_.full_width(), grid_.rows * 2 / 5));
    std::vector<FlowItem> items;
    int paragraph = 0;
    for (const auto& block : article.flow) setter_.set_column_block(block, paragraph++, items);

    int need = head.rows + 3 + (after_another ? 1 : 0);
    for (const auto& w : wide) need += w.rows;
    if (row_ > 0 && row_ + need > grid_.rows) new_page();
    if (after_another && row_ > 0) {
      // A rule across the page separates two reports.
      const double y = grid_.row_top(row_) + grid_.pitch / 2;
      page().items.push_back(frame::Rule{{grid_.content.x, y}, {grid_.content.right(), y}, 1.2,
                                         theme_.style(style::Role::Union).color});
      row_ += 1;
    }
    pub_.bookmarks.push_back({article.title, static_cast<int>(pub_.pages.size()) - 1,
                              grid_.row_top(row_)});
    place(head, grid_.content.x, row_, grid_.full_width());
    row_ += head.rows;
    for (const auto& w : wide) {
      place(w, grid_.content.x, row_, grid_.full_width());
      row_ += w.rows;
    }

    FlowCursor cursor;
    while (!cursor.done(items.size())) {
      const int capacity = grid_.rows - row_;
      if (capacity < 2) {
        new_page();
        continue;
      }
      auto balanced = balance_columns(items, cursor, grid_.columns, capacity);
      if (!balanced.empty()) {
        place_columns(items, balanced);
        break;
      }
      auto fills = fill_columns(items, cursor, grid_.columns, capacity, true);
      place_columns(items, fills);
      new_page();
    }
  }

  void add_folio(frame::Page& p) {
    const auto& folio_style = theme_.style(style::Role::Folio);
    const double size = std::max(folio_style.size, theme_.style(style::Role::Masthead).size);
    const double baseline = grid_.content.y + 0.3 * size + kEmAscent * size;
    auto line = [&](const std::vector<text::Span>& spans) {
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
    text::Span span;
    span.text = right;
    span.style = style::text_style(folio_style);
    auto l = line({span});
    append_line(l, grid_.content.right() - l.width, baseline, items);
    // Folio text first, so a reader's text starts with the page's own label.
    p.items.insert(p.items.begin(), items.begin(), items.end());
    const double y = grid_.body_top - 0.45 * grid_.pitch;
    const frame::Color ink = theme_.style(style::Role::Masthead).color;
    p.items.push_back(frame::Rule{{grid_.content.x, y - 2}, {grid_.content.right(), y - 2}, 1.0, ink});
    p.items.push_back(frame::Rule{{grid_.content.x, y}, {grid_.content.right(), y}, 0.3, ink});
  }

  const style::StyledDocument& doc_;
  const style::Theme& theme_;
  const text::FontBook& fonts_;
  source::Diagnostics& diags_;
  PageGrid grid_;
  BlockSetter setter_;
  frame::Publication pub_;
  int row_ = 0;
};

}  // namespace

frame::Publication compose(const style::StyledDocument& doc, const style::Theme& theme,
                           const text::FontBook& fonts, source::Diagnostics& diags) {
  return Composer(doc, theme, fonts, diags).run();
}

}  // namespace layout
