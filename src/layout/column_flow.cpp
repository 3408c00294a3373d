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
    const bool deferred = it.floating && std::find(cur.defer.begin(), cur.defer.end(), i) != cur.defer.end();
    if (deferred || fill.rows + it.rows > capacity) {
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

namespace {

// Lets the shorter columns take blank rows above their stretchable items
// (banners), so that all bottoms come within reach of the longest.
void even_out(const std::vector<FlowItem>& items, std::vector<ColumnFill>& fills) {
  int target = 0;
  for (const auto& f : fills) target = std::max(target, f.rows);
  for (auto& f : fills) {
    f.extra.assign(f.items.size(), 0);
    for (std::size_t k = 0; k < f.items.size() && f.rows < target; ++k) {
      // A column never starts with blank rows.
      if (k == 0) continue;
      const int grow = std::min(items[f.items[k]].stretch, target - f.rows);
      f.extra[k] = grow;
      f.rows += grow;
    }
  }
}

}  // namespace

std::vector<ColumnFill> balance_columns(const std::vector<FlowItem>& items, const FlowCursor& cursor,
                                        int columns, int capacity) {
  int total = 0;
  for (std::size_t i = cursor.next; i < items.size(); ++i) total += items[i].rows;
  for (std::size_t f : cursor.pending) total += items[f].rows;
  const int lowest = std::max(1, (total + columns - 1) / columns);

  // Photos may also move to the next column's top: try each choice for the
  // first few floats of what is left (2^k fills per height; k is small).
  std::vector<std::size_t> floats;
  for (std::size_t i = cursor.next; i < items.size() && floats.size() < 4; ++i)
    if (items[i].floating) floats.push_back(i);

  std::vector<ColumnFill> best;
  int best_spread = 1 << 30;
  int best_height = 1 << 30;
  for (unsigned mask = 0; mask < (1u << floats.size()); ++mask) {
    FlowCursor start = cursor;
    for (std::size_t k = 0; k < floats.size(); ++k)
      if (mask & (1u << k)) start.defer.push_back(floats[k]);
    int first_fit = -1;
    for (int h = lowest; h <= capacity; ++h) {
      // Beyond a few rows past the first height that fits, nothing gets more even.
      if (first_fit >= 0 && h > first_fit + 3) break;
      FlowCursor cur = start;
      auto fills = fill_columns(items, cur, columns, h, false);
      if (!cur.done(items.size())) continue;
      if (first_fit < 0) first_fit = h;
      even_out(items, fills);
      int hi = 0, lo = 1 << 30;
      for (const auto& f : fills) hi = std::max(hi, f.rows), lo = std::min(lo, f.rows);
      const int spread = hi - lo;
      if (spread < best_spread || (spread == best_spread && hi < best_height)) {
        best = fills;
        best_spread = spread;
        best_height = hi;
      }
    }
  }
  return best;
}

}  // namespace layout
