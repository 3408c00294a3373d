#include "layout/column_flow.h"

#include <algorithm>
#include <numeric>

namespace layout {

bool can_break_after(const std::vector<FlowItem>& items, std::size_t i) {
  if (i + 1 >= items.size()) return true;
  const FlowItem& a = items[i];
  const FlowItem& b = items[i + 1];
  // A banner heads text in the same column; never the last thing in one.
  if (a.kind == FlowKind::Banner) return false;
  if (a.kind == FlowKind::Line && b.kind == FlowKind::Line && a.paragraph == b.paragraph) {
    // No line of a paragraph alone at a column's bottom (first line) or top (last line).
    const int before = a.line + 1;
    const int after = a.lines - before;
    return before >= 2 && after >= 2;
  }
  // A byline stays with the paragraph it signs.
  if (b.kind == FlowKind::Byline) return false;
  return true;
}

namespace {

struct Candidate {
  FlowCursor cursor;
  ColumnFill fill;
};

}  // namespace

ColumnFill fill_column(const std::vector<FlowItem>& items, FlowCursor& cursor, int capacity,
                       bool must_progress) {
  ColumnFill fill;
  FlowCursor cur = cursor;
  // Photos that waited go first: a column top is where a float lands.
  std::vector<std::size_t> still_pending;
  for (std::size_t f : cur.pending) {
    if (still_pending.empty() && fill.rows + items[f].rows <= capacity) {
      fill.items.push_back(f);
      fill.rows += items[f].rows;
    } else {
      still_pending.push_back(f);
    }
  }
  cur.pending = still_pending;

  Candidate best{cur, fill};  // breaking before any flow item is always legal
  Candidate forced = best;
  bool placed_flow = false;
  while (cur.next < items.size()) {
    const std::size_t i = cur.next;
    const FlowItem& it = items[i];
    if (fill.rows + it.rows > capacity) {
      if (it.floating) {
        // Let the text run on; the photo waits for the next column's top.
        cur.pending.push_back(i);
        ++cur.next;
        continue;
      }
      break;
    }
    fill.items.push_back(i);
    fill.rows += it.rows;
    ++cur.next;
    placed_flow = true;
    forced = {cur, fill};
    if (can_break_after(items, i)) best = {cur, fill};
  }
  if (cur.next >= items.size()) best = {cur, fill};

  const bool nothing = best.fill.items.empty();
  if (nothing && must_progress && placed_flow) best = forced;
  if (best.fill.items.empty() && must_progress && !placed_flow && cur.next < items.size()) {
    // Even one item is taller than the column: place it anyway so the flow moves on.
    const std::size_t i = cursor.next;
    best.fill.items = {i};
    best.fill.rows = items[i].rows;
    best.cursor = cursor;
    best.cursor.next = i + 1;
  }
  cursor = best.cursor;
  return best.fill;
}

std::vector<ColumnFill> fill_columns(const std::vector<FlowItem>& items, FlowCursor& cursor,
                                     int columns, int capacity, bool must_progress) {
  std::vector<ColumnFill> out;
  for (int c = 0; c < columns; ++c) out.push_back(fill_column(items, cursor, capacity, must_progress && c == 0));
  return out;
}

std::vector<ColumnFill> balance_columns(const std::vector<FlowItem>& items, const FlowCursor& cursor,
                                        int columns, int capacity) {
  int total = 0;
  for (std::size_t i = cursor.next; i < items.size(); ++i) total += items[i].rows;
  for (std::size_t f : cursor.pending) total += items[f].rows;
  const int lowest = std::max(1, (total + columns - 1) / columns);

  std::vector<ColumnFill> best;
  int best_spread = 1 << 30;
  int best_height = 1 << 30;
  int first_fit = -1;
  for (int h = lowest; h <= capacity; ++h) {
    // Beyond a few rows past the first height that fits, nothing gets more even.
    if (first_fit >= 0 && h > first_fit + 3) break;
    FlowCursor cur = cursor;
    auto fills = fill_columns(items, cur, columns, h, false);
    if (!cur.done(items.size())) continue;
    if (first_fit < 0) first_fit = h;
    int hi = 0, lo = 1 << 30;
    for (const auto& f : fills) hi = std::max(hi, f.rows);
    // Trailing empty columns count as bottoms too, except when one column holds it all.
    for (const auto& f : fills) lo = std::min(lo, f.rows);
    const int spread = hi - lo;
    if (spread < best_spread || (spread == best_spread && hi < best_height)) {
      best = fills;
      best_spread = spread;
      best_height = hi;
    }
  }
  return best;
}

}  // namespace layout
