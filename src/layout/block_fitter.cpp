#include "layout/block_fitter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>
#include <array>
#include <deque>

namespace layout {
namespace {

constexpr double kAloneLineCost = 30;  // relaxed: a line alone at a column's top or bottom
constexpr double kDeferCost = 0.2;     // a photo moved to the next column's top
constexpr double kBylineTopCost = 30;  // relaxed: a byline at a column's top
constexpr double kClashCost = 1000;     // two banners side by side (撞题)
constexpr int kMaxClashSolves = 24;     // solves tried to part banners side by side
constexpr double kStaircaseCost = 5;    // two banners' bars apart by less than a row
constexpr double kShortColumnCost = 6;  // a column ending one row above its block's last row
constexpr double kInf = std::numeric_limits<double>::infinity();

// Where the fill stands: column, rows used in it, and the rows of a photo
// waiting for the next column's top (0: none).
struct State {
  int c = 0, r = 0, pend = 0;
};

constexpr int kDropPending = -4;  // a step that drops the waiting photo in

struct Node {
  double cost = kInf;
  int prev = -1;          // node of the previous step
  int variant = -1;       // the unit's setting; -1: this step ended a column short (relaxed)
  bool defer = false;     // the unit (a photo) waits for the next column
  std::size_t pend_unit = 0;
  int pend_variant = 0;
  State s;
};

// A banner's rows, per column, to find two side by side.
struct Banned {
  std::size_t unit;
  int column;
  std::pair<int, int> rows;  // the unit may not start at these rows of this column (inclusive)
};

constexpr double kMarkEpsilon = 1e-6;  // bars that only touch do not meet

// The nodes of one step of the search, by state: a flat table (a state is
// a small number) cleared in constant time, handing its nodes out in the
// order they were made so that ties break the same way on every run.
class Layer {
 public:
  explicit Layer(int states) : slot_(states, -1), stamp_(states, 0) {}
  void clear() {
    ++generation_;
    keys_.clear();
  }
  int find(int key) const { return stamp_[key] == generation_ ? slot_[key] : -1; }
  void set(int key, int node) {
    if (stamp_[key] != generation_) {
      stamp_[key] = generation_;
      keys_.push_back(key);
    }
    slot_[key] = node;
  }
  bool empty() const { return keys_.empty(); }
  // Node indices, oldest first.
  const std::vector<int>& nodes() {
    order_.clear();
    for (int k : keys_) order_.push_back(slot_[k]);
    std::sort(order_.begin(), order_.end());
    return order_;
  }

 private:
  std::vector<int> slot_;
  std::vector<unsigned> stamp_;
  unsigned generation_ = 1;
  std::vector<int> keys_, order_;
};

class Fitter {
 public:
  explicit Fitter(const FillRequest& q) : q_(q), units_(*q.units), H_(q.rows), C_(q.columns) {
    tops_ = q.column_tops;
    tops_.resize(C_, 0);
  }

  // Solves, and when two banners end up side by side, solves again with
  // one or the other kept away from the other's rows (a breadth-first
  // search over such bans); the cheapest fill without a clash wins. Bars
  // that are apart but less than a row so read as a staircase: a second
  // search asks for a row between them, and takes its fill when that costs
  // less than the staircase.
  std::optional<BlockFill> run() {
    auto fill = search(0);
    if (!fill || clashes(*fill) || !side_by_side(*fill, 1)) return fill;
    auto all = all_;
    fill->cost += kStaircaseCost;
    auto apart = search(1);
    if (apart && !side_by_side(*apart, 1) && apart->cost < fill->cost) return apart;
    all_ = std::move(all);
    return fill;
  }

 private:
  // The breadth-first search over bans, banners kept `margin` rows apart.
  std::optional<BlockFill> search(int margin) {
    std::optional<BlockFill> first, best;
    std::deque<std::vector<Banned>> todo{{}};
    for (int attempt = 0; attempt < kMaxClashSolves && !todo.empty(); ++attempt) {
      banned_ = std::move(todo.front());
      todo.pop_front();
      auto fill = solve();
      if (!fill) continue;
      const auto clash = side_by_side(*fill, margin);
      if (!clash) {
        if (!best || fill->cost < best->cost) {
          best = std::move(fill);
          if (collect_) all_best_ = all_;
        }
        continue;
      }
      if (!first) first = fill;
      for (const Banned& ban : *clash) {
        auto bans = banned_;
        bans.push_back(ban);
        todo.push_back(std::move(bans));
      }
    }
    if (best) {
      if (collect_) all_ = std::move(all_best_);
      return best;
    }
    // Banners side by side could not be avoided here: the planner may still
    // prefer another block height, so the clash is priced, not forbidden.
    if (first && clashes(*first)) first->cost += kClashCost;
    return first;
  }

  bool clashes(const BlockFill& fill) const { return side_by_side(fill, 0).has_value(); }

  struct Step {
    bool ok = false;
    double cost = 0;
    State s;
    bool stopped = false;  // the block filled up inside a paragraph
    int end_line = 0;
  };

  bool absent(std::size_t u) const { return q_.absent && u < q_.absent->size() && (*q_.absent)[u]; }

  // Moves to the next column when this one is full; a waiting photo takes its top.
  bool next_column(State& s, const Node* pending_from, std::vector<Placement>* out) const {
    if (s.c + 1 >= C_) return false;
    ++s.c;
    s.r = tops_[s.c];
    if (s.pend > 0) {
      if (s.r + s.pend > H_) return false;
      if (out && pending_from) out->push_back({pending_from->pend_unit, pending_from->pend_variant, s.c, s.r, 0, s.pend});
      s.r += s.pend;
      s.pend = 0;
    }
    return true;
  }

  static bool has_column_top(const CopyUnit& unit) {
    return std::any_of(unit.variants.begin(), unit.variants.end(), [](const Variant& v) { return v.column_top; });
  }

  bool is_banned(std::size_t u, int c, int r) const {
    return std::any_of(banned_.begin(), banned_.end(),
                       [&](const Banned& b) { return b.unit == u && b.column == c && r >= b.rows.first && r <= b.rows.second; });
  }

  // Places unit `u` in setting `v` from `from` (the node it follows).
  Step apply(const Node& from, std::size_t u, int v, bool defer, int first_line,
             std::vector<Placement>* out) const {
    Step st;
    State s = from.s;
    const CopyUnit& unit = units_[u];
    const Variant& var = unit.variants[v];
    if (unit.kind == UnitKind::Paragraph) {
      const int L = var.rows;
      int idx = first_line;
      while (idx < L) {
        if (s.r >= H_) {
          if (s.c + 1 >= C_) {
            // The block is full inside this paragraph: an end for a prefix.
            if (idx == first_line) return st;
            const bool legal = idx >= 2 && L - idx >= 2;
            if (!legal && !q_.relaxed) return st;
            st.cost += legal ? 0 : kAloneLineCost;
            st.stopped = true;
            st.end_line = idx;
            st.s = s;
            st.ok = true;
            return st;
          }
          if (!next_column(s, &from, out)) return st;
          continue;
        }
        int take = std::min(H_ - s.r, L - idx);
        bool short_end = false;
        if (idx + take < L) {
          // The column ends inside the paragraph: not after its first line, not before its last.
          auto legal = [&](int t) { return t > 0 && idx + t >= 2 && L - (idx + t) >= 2; };
          if (!legal(take)) {
            if (s.c + 1 < C_ && legal(take - 1)) {
              // One line less here: the column ends a row short.
              --take;
              short_end = true;
              st.cost += kShortColumnCost;
            } else if (q_.relaxed) {
              st.cost += kAloneLineCost;
            } else {
              return st;
            }
          }
        }
        if (out) out->push_back({u, v, s.c, s.r, idx, take});
        s.r += take;
        idx += take;
        if (short_end) s.r = H_;
      }
      st.ok = true;
      st.s = s;
      return st;
    }
    if (defer) {
      // A photo waits for the next column's top while the text runs on.
      if (unit.kind != UnitKind::Figure || s.pend > 0 || s.c + 1 >= C_ || s.r == tops_[s.c] || s.r >= H_ ||
          var.rows > H_)
        return st;
      s.pend = var.rows;
      st.cost += kDeferCost;
      st.ok = true;
      st.s = s;
      return st;
    }
    if (s.r >= H_) {
      if (unit.kind == UnitKind::Byline && !q_.relaxed) return st;
      if (!next_column(s, &from, out)) return st;
      if (unit.kind == UnitKind::Byline) st.cost += kBylineTopCost;
    }
    const bool top = s.r == tops_[s.c];
    if (unit.kind == UnitKind::Banner) {
      // Two body lines under it in its column; air above it only below something.
      if (s.r + var.rows + 2 > H_) return st;
      if (top && v != 0 && var.rows > unit.variants[0].rows) return st;
      if (var.column_top != (top && has_column_top(unit))) return st;
      if (is_banned(u, s.c, s.r)) return st;
    }
    if (unit.kind == UnitKind::Byline && top && !q_.relaxed) return st;
    if (s.r + var.rows > H_) return st;
    if (out) out->push_back({u, v, s.c, s.r, 0, var.rows});
    s.r += var.rows;
    st.ok = true;
    st.s = s;
    return st;
  }

  int key(const State& s) const { return (s.c * (H_ + 1) + s.r) * (H_ + 1) + s.pend; }

  // Relaxes `n` into `layer`.
  void relax(std::vector<Node>& nodes, Layer& layer, const Node& n) const {
    const int k = key(n.s);
    const int at = layer.find(k);
    if (at < 0) {
      nodes.push_back(n);
      layer.set(k, static_cast<int>(nodes.size()) - 1);
    } else if (n.cost < nodes[at].cost) {
      nodes[at] = n;
    }
  }

  struct End {
    double cost = kInf;
    int node = -1;
    // A prefix that stops inside a paragraph: that paragraph's step.
    bool partial = false;
    std::size_t unit = 0;
    int variant = 0;
    int end_line = 0;
  };

  std::optional<BlockFill> solve() {
    ends_.clear();
    if (H_ <= 0 || C_ <= 0) return std::nullopt;
    std::vector<Node> nodes;
    const int states = C_ * (H_ + 1) * (H_ + 1);
    Layer layer(states), next(states);
    Node start;
    start.cost = 0;
    start.s.r = tops_[0];
    nodes.push_back(start);
    layer.set(key(start.s), 0);
    End best;
    const std::size_t n = units_.size();

    auto consider_end = [&](const End& e) {
      if (e.cost < best.cost) best = e;
      if (collect_) {
        const auto key = e.partial ? std::make_pair(e.unit, e.end_line) : std::make_pair(std::size_t(-1), e.node);
        auto it = ends_.find(key);
        if (it == ends_.end() || e.cost < it->second.cost) ends_[key] = e;
      }
    };
    // Empty rows left in the block from state `s` (relaxed ends pay for them).
    auto empty_rows = [&](const State& s) {
      int e = H_ - s.r;
      for (int c = s.c + 1; c < C_; ++c) e += H_ - tops_[c];
      return e;
    };

    for (std::size_t u = q_.from.unit; u <= n; ++u) {
      // A waiting photo may drop in here, between two units.
      for (int i : layer.nodes()) {
        const Node nd = nodes[i];
        if (nd.s.pend == 0 || nd.s.r >= H_ || nd.s.r + nd.s.pend > H_) continue;
        if (u > 0 && units_[u - 1].kind == UnitKind::Banner) continue;  // a banner heads text, not a photo
        Node m = nd;
        m.prev = i;
        m.variant = kDropPending;
        m.defer = false;
        m.s.r += nd.s.pend;
        m.s.pend = 0;
        relax(nodes, layer, m);
      }
      // A column may end one row short, at a price; a relaxed fill may end
      // it shorter still.
      {
        for (int i : layer.nodes()) {
          const Node& nd = nodes[i];
          if (nd.s.r >= H_ || nd.s.c + 1 >= C_) continue;
          const int gap = H_ - nd.s.r;
          if (gap > 1 && !q_.relaxed) continue;
          if (nd.s.r == tops_[nd.s.c]) continue;  // never an empty column
          Node m = nd;
          m.prev = i;
          m.variant = -1;
          m.defer = false;
          m.cost = nd.cost + (gap == 1 ? kShortColumnCost : kEmptyRowCost * gap);
          m.s.r = H_;
          relax(nodes, layer, m);
        }
      }
      // Ends at this unit boundary.
      for (int i : layer.nodes()) {
        const Node& nd = nodes[i];
        if (nd.s.pend > 0) continue;
        const int empty = empty_rows(nd.s);
        if (q_.goal == FillGoal::Prefix) {
          if (u == q_.from.unit && q_.from.line == 0 && !q_.relaxed) continue;  // no progress
          if (u < n && units_[u].kind == UnitKind::Byline) continue;  // a byline stays with its text
          if (empty == 0) consider_end({nd.cost, i});
          else if (q_.relaxed) consider_end({nd.cost + kEmptyRowCost * empty, i});
        } else if (u == n) {
          const bool level = nd.s.c == C_ - 1 && empty <= q_.slack;
          if (level) consider_end({nd.cost, i});
          else if (q_.relaxed) consider_end({nd.cost + kEmptyRowCost * std::max(0, empty - q_.slack), i});
        }
      }
      if (u == n) break;

      next.clear();
      const CopyUnit& unit = units_[u];
      const bool continuing = u == q_.from.unit && q_.from.line > 0;
      for (int i : layer.nodes()) {
        const Node nd = nodes[i];
        if (absent(u) || unit.variants.empty()) {
          Node m = nd;
          m.prev = i;
          m.variant = absent(u) ? -2 : -3;
          relax(nodes, next, m);
          continue;
        }
        const int v_first = continuing ? q_.from.variant : 0;
        const int v_last = continuing ? q_.from.variant : static_cast<int>(unit.variants.size()) - 1;
        for (int v = v_first; v <= v_last; ++v) {
          for (int d = 0; d < (unit.kind == UnitKind::Figure ? 2 : 1); ++d) {
            const Step st = apply(nd, u, v, d == 1, continuing ? q_.from.line : 0, nullptr);
            if (!st.ok) continue;
            const double cost = nd.cost + unit.variants[v].cost + st.cost;
            if (st.stopped) {
              if (q_.goal == FillGoal::Prefix && st.s.pend == 0) {
                End e{cost, i, true, u, v, st.end_line};
                consider_end(e);
              }
              continue;
            }
            Node m;
            m.cost = cost;
            m.prev = i;
            m.variant = v;
            m.defer = d == 1;
            m.s = st.s;
            m.pend_unit = nd.pend_unit;
            m.pend_variant = nd.pend_variant;
            if (d == 1) {
              m.pend_unit = u;
              m.pend_variant = v;
            }
            relax(nodes, next, m);
          }
        }
      }
      std::swap(layer, next);
      if (layer.empty()) break;
    }
    if (best.node < 0) return std::nullopt;
    if (collect_) {
      all_.clear();
      for (const auto& [k, e] : ends_) all_.push_back(rebuild(nodes, e));
    }
    return rebuild(nodes, best);
  }

 public:
  // Every place a prefix can stop; those with banners side by side only
  // when nothing else is possible, and then at the clash's price (a
  // staircase of bars at its own).
  std::vector<BlockFill> all_prefixes() {
    collect_ = true;
    if (!run()) return {};
    std::vector<BlockFill> clear, clashing;
    for (auto& fill : all_) {
      if (clashes(fill)) {
        fill.cost += kClashCost;
        clashing.push_back(std::move(fill));
      } else {
        if (side_by_side(fill, 1)) fill.cost += kStaircaseCost;
        clear.push_back(std::move(fill));
      }
    }
    return clear.empty() ? clashing : clear;
  }

 private:

  // Replays the chosen steps to record where everything goes.
  BlockFill rebuild(const std::vector<Node>& nodes, const End& end) const {
    std::vector<int> chain;
    for (int i = end.node; i >= 0; i = nodes[i].prev) chain.push_back(i);
    std::reverse(chain.begin(), chain.end());
    BlockFill fill;
    fill.cost = end.cost;
    std::size_t u = q_.from.unit;
    for (std::size_t k = 1; k < chain.size(); ++k) {
      const Node& prev = nodes[chain[k - 1]];
      const Node& nd = nodes[chain[k]];
      if (nd.variant == -1) continue;  // a column closed short
      if (nd.variant == kDropPending) {
        fill.placements.push_back({prev.pend_unit, prev.pend_variant, prev.s.c, prev.s.r, 0, prev.s.pend});
        continue;
      }
      if (nd.variant >= 0) {
        const bool continuing = u == q_.from.unit && q_.from.line > 0;
        apply(prev, u, nd.variant, nd.defer, continuing ? q_.from.line : 0, &fill.placements);
      }
      ++u;
    }
    if (end.partial) {
      const Node& last = nodes[end.node];
      const bool continuing = end.unit == q_.from.unit && q_.from.line > 0;
      apply(last, end.unit, end.variant, false, continuing ? q_.from.line : 0, &fill.placements);
      fill.end = {end.unit, end.end_line, end.variant};
    } else {
      fill.end = {u, 0, 0};
    }
    fill.column_rows = tops_;
    for (const auto& p : fill.placements)
      fill.column_rows[p.column] = std::max(fill.column_rows[p.column], p.row + p.count);
    return fill;
  }

  // Two banners side by side whose bars overlap in height: the two ways to
  // part them (the later one kept off the rows where it would meet the
  // earlier one, or the reverse).
  std::optional<std::array<Banned, 2>> side_by_side(const BlockFill& fill, int margin) const {
    std::vector<const Placement*> banners;
    for (const auto& p : fill.placements)
      if (units_[p.unit].kind == UnitKind::Banner) banners.push_back(&p);
    for (const auto* a : banners)
      for (const auto* b : banners)
        if (b->column == a->column + 1 && marks_meet(*a, *b, margin))
          return std::array<Banned, 2>{Banned{b->unit, b->column, meeting_rows(*a, *b, margin)},
                                       Banned{a->unit, a->column, meeting_rows(*b, *a, margin)}};
    return std::nullopt;
  }

  const Variant& variant_of(const Placement& p) const { return units_[p.unit].variants[p.variant]; }

  // Whether the bars of `a` and `b` come closer than `margin` rows.
  bool marks_meet(const Placement& a, const Placement& b, int margin) const {
    const Variant& va = variant_of(a);
    const Variant& vb = variant_of(b);
    return a.row + va.mark_top < b.row + vb.mark_bottom + margin - kMarkEpsilon &&
           b.row + vb.mark_top < a.row + va.mark_bottom + margin - kMarkEpsilon;
  }

  // The rows at which `b`, set as it is, would come within `margin` rows of `a` where it is.
  std::pair<int, int> meeting_rows(const Placement& a, const Placement& b, int margin) const {
    const Variant& va = variant_of(a);
    const Variant& vb = variant_of(b);
    const int lo = static_cast<int>(std::floor(a.row + va.mark_top - vb.mark_bottom - margin + kMarkEpsilon)) + 1;
    const int hi = static_cast<int>(std::ceil(a.row + va.mark_bottom - vb.mark_top + margin - kMarkEpsilon)) - 1;
    return {lo, hi};
  }

  const FillRequest& q_;
  const std::vector<CopyUnit>& units_;
  int H_, C_;
  std::vector<Banned> banned_;
  std::vector<int> tops_;
  bool collect_ = false;
  std::map<std::pair<std::size_t, int>, End> ends_;
  std::vector<BlockFill> all_, all_best_;
};

}  // namespace

std::optional<BlockFill> fill_block(const FillRequest& request) { return Fitter(request).run(); }

std::vector<BlockFill> prefix_fills(const FillRequest& request) { return Fitter(request).all_prefixes(); }

}  // namespace layout
