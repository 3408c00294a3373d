#include "layout/page_maker.h"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace layout {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// White at the foot of a page that goes on: a hole a layout editor sends back.
constexpr double kMidWhiteRowCost = 30;
// White under a document's last block: allowed, but filling it is better
// when photos and air can do so cheaply.
constexpr double kEndWhiteRowCost = 10;
// A layout of a fixed number of pages wants every page full.
constexpr double kUndersetRowCost = 30;
// Material beyond a layout's pages: avoided at almost any price.
constexpr double kOversetCost = 1e5;
// An article continued on the next page with only a few rows left there.
constexpr double kShortTailCost = 10;
// How many of an article's column photos make-up tries setting across the block.
constexpr std::size_t kMaxWidenable = 3;
// How many ways to end a page the planner keeps (the cheapest for each place
// the next page starts from), and how many page starts it carries on to the
// next page: a beam over the document, so that a page can give or take a few
// lines to spare a later page a hole.
constexpr std::size_t kOptionsPerPage = 16;
constexpr std::size_t kBeamWidth = 16;

struct ArticleState {
  FlowPos pos;
  bool started = false;
  std::vector<char> absent;
  bool operator==(const ArticleState&) const = default;
};

struct Fit {
  double cost = kInf;
  BlockPlan plan;
  ArticleState after;
};

struct Choice {
  double cost = kInf;
  std::vector<BlockPlan> blocks;
  std::size_t next_article = 0;
  ArticleState next_state;
};

// The cheapest ways to end a page, one for each place the next page starts.
using Options = std::vector<Choice>;

// The pages that led to a page start, shared by the starts that follow
// them: a path the beam drops is freed with it, so memory stays with the
// beam, not with every page tried.
struct PageLink {
  std::vector<BlockPlan> blocks;
  std::shared_ptr<const PageLink> before;
};

// A page start the planner reached.
struct Node {
  double cost = 0;  // of the pages up to here
  double rank = 0;  // the cost with an estimate of the white a tail leaves
  std::shared_ptr<const PageLink> path;
  std::size_t a = 0;
  ArticleState st;
};


class PageMaker {
 public:
  PageMaker(const std::vector<ArticleCopy>& articles, const MakeupSpec& spec, core::Diagnostics& diags)
      : arts_(articles), spec_(spec), diags_(diags), R_(spec.rows), C_(spec.columns) {}

  std::vector<PagePlan> run() {
    if (!validate()) return {};
    std::vector<Node> frontier{Node{0, 0, nullptr, 0, fresh(0)}};
    std::optional<Node> done;
    for (int page = 0; !frontier.empty(); ++page) {
      memo_.clear();
      forget_fits_before(frontier);
      std::map<std::string, Node> next;
      for (const Node& at : frontier) {
        for (Choice& c : best_page(page, at.a, at.st, 0)) {
          if (c.cost == kInf || !progresses(at, c)) continue;
          Node n{at.cost + c.cost, 0, std::make_shared<const PageLink>(PageLink{std::move(c.blocks), at.path}),
                 c.next_article, std::move(c.next_state)};
          if (n.a >= arts_.size()) {
            if (!done || n.cost < done->cost) done = std::move(n);
            continue;
          }
          n.rank = n.cost + tail_white_cost(n.a, n.st);
          auto [it, added] = next.try_emplace(state_key(n.a, n.st), n);
          if (!added && n.cost < it->second.cost) it->second = std::move(n);
        }
      }
      std::vector<Node> kept;
      for (auto& [key, n] : next)
        if (!done || n.cost < done->cost) kept.push_back(std::move(n));
      std::sort(kept.begin(), kept.end(), [](const Node& x, const Node& y) { return x.rank < y.rank; });
      if (kept.size() > kBeamWidth) kept.resize(kBeamWidth);
      if (kept.empty() && !done) {
        diags_.error(arts_[std::min(frontier.front().a, arts_.size() - 1)].source,
                     "page make-up cannot place this article's material on a page");
        done = frontier.front();
      }
      frontier = std::move(kept);
    }
    std::vector<PagePlan> pages;
    for (const PageLink* l = done ? done->path.get() : nullptr; l; l = l->before.get()) pages.push_back({l->blocks});
    std::reverse(pages.begin(), pages.end());
    if (done) release(std::move(done->path));
    report(pages);
    return pages;
  }

 private:
  ArticleState fresh(std::size_t a) const {
    ArticleState s;
    if (a < arts_.size()) s.absent.assign(arts_[a].column.size(), 0);
    return s;
  }

  // Items taller than any column are errors at their source, found before
  // any planning: make-up never loops on them.
  bool validate() {
    bool ok = true;
    if (R_ < 2) return false;  // the caller reports the grid
    for (const auto& art : arts_) {
      if (!art.head.empty() && art.head.front().rows + 2 > R_) {
        diags_.error(art.head_source.file.empty() ? art.source : art.head_source, "the headline group needs " + std::to_string(art.head.front().rows) +
                                     " rows; a page holds " + std::to_string(R_) + " (shorten the kicker, headline or subheadline)");
        ok = false;
      }
      auto check = [&](const CopyUnit& u, const char* what) {
        if (u.variants.empty() || u.min_rows() > R_ || (u.kind == UnitKind::Banner && u.min_rows() + 2 > R_)) {
          diags_.error(u.source, std::string(what) + " is taller than a column of " + std::to_string(R_) +
                                     " rows" + (u.kind == UnitKind::Figure ? " (shorten the caption or credit)" : ""));
          ok = false;
        }
      };
      for (const auto& u : art.wide) check(u, "the photo with its caption");
      for (const auto& u : art.column) {
        if (u.kind == UnitKind::Figure) check(u, "the photo with its caption (at most half a column)");
        else if (u.kind == UnitKind::Banner) check(u, "the section heading");
        else if (u.kind == UnitKind::Box) check(u, "the key figures box");
        else if (u.kind == UnitKind::Byline) check(u, "the byline");
      }
    }
    return ok;
  }

  double mid_white(int rows) const { return rows <= 1 ? 2.0 * rows : kMidWhiteRowCost * rows; }
  double end_white(int rows) const {
    if (rows <= 1) return 2.0 * rows;
    return (spec_.max_pages > 0 ? kUndersetRowCost : kEndWhiteRowCost) * rows;
  }
  double overset(int page) const {
    return spec_.max_pages > 0 && page == spec_.max_pages - 1 ? kOversetCost : 0;
  }

  // Column material from `pos` on: the fewest and most rows it can take.
  std::pair<int, int> column_range(const ArticleCopy& art, const ArticleState& st) const {
    int lo = 0, hi = 0;
    for (std::size_t u = st.pos.unit; u < art.column.size(); ++u) {
      if (st.absent[u] || art.column[u].variants.empty()) continue;
      const CopyUnit& unit = art.column[u];
      if (u == st.pos.unit && st.pos.line > 0) {
        const int left = unit.variants[st.pos.variant].rows - st.pos.line;
        lo += left;
        hi += left;
        continue;
      }
      lo += unit.min_rows();
      hi += unit.max_rows();
    }
    return {lo, hi};
  }

  // A fill of the article's columns from where it stands, `rows` high.
  FillRequest request(const ArticleCopy& art, const ArticleState& st, int rows, FillGoal goal) const {
    FillRequest q;
    q.units = &art.column;
    q.absent = &st.absent;
    q.from = st.pos;
    q.columns = C_;
    q.rows = rows;
    q.goal = goal;
    return q;
  }

  using WideBest = std::map<int, std::pair<double, std::vector<int>>>;

  // Fills the column part for every height the material can take and
  // records, by the block's total rows, the cheapest head and wide photos.
  void add_fits(std::size_t a, const ArticleState& st, const ArticleState& s, const std::vector<int>& tops,
                const BlockPlan::SpanPhoto& photo, const std::vector<WidePhoto>& wide_units,
                const WideBest& wide_best, std::map<int, Fit>& table, double extra_cost = 0, bool relaxed = false) {
    const ArticleCopy& art = arts_[a];
    auto [lo_rows, hi_rows] = column_range(art, s);
    int top_rows = 0;
    for (int t : tops) top_rows += t;
    lo_rows += top_rows;
    hi_rows += top_rows;
    const int lo = std::max(1, (lo_rows - 1) / C_);
    const int hi = std::min(R_, (hi_rows + C_ - 1) / C_ + 1);
    for (int hc = lo; hc <= hi; ++hc) {
      if (!tops.empty() && *std::max_element(tops.begin(), tops.end()) + 2 > hc) continue;
      FillRequest q = request(art, s, hc, FillGoal::All);
      q.slack = 1;
      q.column_tops = tops;
      q.relaxed = relaxed;
      auto fill = fill_block(q);
      if (!fill) continue;
      const auto heads = st.started ? std::vector<int>{-1} : head_indices(art);
      for (int h : heads) {
        const int head_rows = h < 0 ? 0 : art.head[h].rows;
        const double head_cost = h < 0 ? 0 : art.head[h].cost;
        for (const auto& [w_rows, w] : wide_best) {
          const int total = head_rows + w_rows + hc;
          if (total > R_) continue;
          const double cost = head_cost + w.first + fill->cost + extra_cost;
          auto it = table.find(total);
          if (it != table.end() && it->second.cost <= cost) continue;
          Fit f;
          f.cost = cost;
          f.plan.article = a;
          f.plan.head_variant = h;
          f.plan.wide = wide_units;
          for (std::size_t k = 0; k < wide_units.size(); ++k) f.plan.wide[k].variant = w.second[k];
          f.plan.span_photo = photo;
          f.plan.column_top = head_rows + w_rows;
          f.plan.column_rows = hc;
          f.plan.absent = s.absent;
          f.plan.fill = *fill;
          f.after = s;
          f.after.pos = fill->end;
          f.after.started = true;
          table[total] = std::move(f);
        }
      }
    }
  }

  // Every way to end the article in one block, by the block's total rows.
  std::map<int, Fit> all_fits(std::size_t a, const ArticleState& st) {
    std::map<int, Fit> table;
    const ArticleCopy& art = arts_[a];
    std::vector<std::size_t> widenable;
    if (!st.started) {
      for (std::size_t u = 0; u < art.column.size() && widenable.size() < kMaxWidenable; ++u)
        if (art.column[u].kind == UnitKind::Figure && !art.column[u].wide.empty()) widenable.push_back(u);
    }
    for (unsigned mask = 0; mask < (1u << widenable.size()); ++mask) add_mask_fits(a, st, widenable, mask, false, table);
    // Material too little to fill the columns level (a brief of a line or
    // two) is set at the height it takes, its columns ending short: a
    // relaxed fill, priced for its white, rather than no block at all.
    if (table.empty()) add_mask_fits(a, st, widenable, 0, true, table);
    return table;
  }

  // The fits with the column photos of `mask` (bits over `widenable`) set
  // across the block, and with no photo widened, a photo across some of the
  // columns at their top.
  void add_mask_fits(std::size_t a, const ArticleState& st, const std::vector<std::size_t>& widenable, unsigned mask,
                     bool relaxed, std::map<int, Fit>& table) {
    const ArticleCopy& art = arts_[a];
    ArticleState s = st;
    std::vector<WidePhoto> wide_units;
    std::vector<const std::vector<Variant>*> wide_variants;
    if (!st.started) {
      for (std::size_t w = 0; w < art.wide.size(); ++w) {
        wide_units.push_back({false, w, 0});
        wide_variants.push_back(&art.wide[w].variants);
      }
      for (std::size_t k = 0; k < widenable.size(); ++k) {
        if (!(mask & (1u << k))) continue;
        s.absent[widenable[k]] = 1;
        wide_units.push_back({true, widenable[k], 0});
        wide_variants.push_back(&art.column[widenable[k]].wide);
      }
    }
    // Cheapest setting of the wide photos for each total height (a knapsack).
    WideBest wide_best{{0, {0.0, {}}}};
    for (const auto* variants : wide_variants) {
      std::map<int, std::pair<double, std::vector<int>>> next;
      for (const auto& [rows, entry] : wide_best)
        for (std::size_t v = 0; v < variants->size(); ++v) {
          const int r = rows + (*variants)[v].rows;
          if (r > R_) continue;
          const double c = entry.first + (*variants)[v].cost;
          auto it = next.find(r);
          if (it == next.end() || c < it->second.first) {
            auto choice = entry.second;
            choice.push_back(static_cast<int>(v));
            next[r] = {c, choice};
          }
        }
      wide_best = std::move(next);
    }
    add_fits(a, st, s, {}, BlockPlan::SpanPhoto{}, wide_units, wide_best, table, 0, relaxed);
    if (mask != 0 || C_ < 3 || relaxed) return;
    // A photo across some of the columns, at their top: the lever of a
    // page with many narrow columns.
    for (std::size_t f : widenable) {
      const auto& spans = art.column[f].spans;
      for (std::size_t k = 0; k < spans.size(); ++k) {
        for (std::size_t v = 0; v < spans[k].variants.size(); ++v) {
          ArticleState sp = s;
          sp.absent[f] = 1;
          std::vector<int> tops(C_, 0);
          for (int c = C_ - spans[k].columns; c < C_; ++c) tops[c] = spans[k].variants[v].rows;
          BlockPlan::SpanPhoto photo{f, spans[k].columns, static_cast<int>(k), static_cast<int>(v)};
          add_fits(a, st, sp, tops, photo, wide_units, wide_best, table, spans[k].variants[v].cost);
        }
      }
    }
  }

  std::vector<int> head_indices(const ArticleCopy& art) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < art.head.size(); ++i) out.push_back(static_cast<int>(i));
    return out;
  }

  const std::map<int, Fit>& cached_fits(std::size_t a, const ArticleState& st) {
    std::string shape(1, st.started ? 'S' : 'F');
    shape.append(st.absent.begin(), st.absent.end());
    const auto key = std::make_tuple(a, std::move(shape), st.pos.unit, st.pos.line, st.pos.variant);
    auto it = fits_.find(key);
    if (it == fits_.end()) it = fits_.emplace(key, all_fits(a, st)).first;
    return it->second;
  }

  // The least an article takes above its columns: its head and the photos
  // across the page under it.
  static int opening_rows(const ArticleCopy& art) {
    int rows = art.head.front().rows;
    for (const auto& w : art.wide) rows += w.min_rows();
    return rows;
  }

  // Every way to fill `avail` rows exactly with as much of the article as
  // fits; it goes on later. The cheapest for the page come first.
  std::vector<Fit> prefix_fits(std::size_t a, const ArticleState& st, int avail) {
    const ArticleCopy& art = arts_[a];
    BlockPlan plan;
    plan.article = a;
    int top = 0;
    if (!st.started) {
      plan.head_variant = 0;
      top += art.head.front().rows;
      for (std::size_t w = 0; w < art.wide.size(); ++w) {
        plan.wide.push_back({false, w, 0});
        top += art.wide[w].variants.front().rows;
      }
    }
    const int hc = avail - top;
    // An article that starts below another takes six rows of text under its
    // head and photos, or waits for the next page.
    if (hc < 2 || (!st.started && avail < R_ && hc < kMinRowsUnderHead)) return {};
    FillRequest q = request(art, st, hc, FillGoal::Prefix);
    std::vector<BlockFill> fills = prefix_fills(q);
    if (fills.empty()) {
      q.relaxed = true;
      if (auto relaxed = fill_block(q)) fills.push_back(*relaxed);
    }
    plan.column_top = top;
    plan.column_rows = hc;
    plan.absent = st.absent;
    std::vector<Fit> out;
    for (auto& fill : fills) {
      Fit f;
      f.after = st;
      f.after.pos = fill.end;
      f.after.started = true;
      f.cost = fill.cost + short_tail_cost(a, f.after);
      f.plan = plan;
      f.plan.fill = std::move(fill);
      out.push_back(std::move(f));
    }
    keep_cheapest(out, [&](const Fit& f) { return f.cost + tail_white_cost(a, f.after); });
    return out;
  }

  // The rest of an article left for the next page reads badly when it is
  // only a few rows.
  double short_tail_cost(std::size_t a, const ArticleState& after) const {
    const int left = column_range(arts_[a], after).first;
    return left > 0 && left < kMinRowsUnderHead * C_ ? kShortTailCost : 0;
  }

  // An estimate of the hole the rest of an article leaves on its page when
  // it neither fills the page nor leaves room for the next article's head:
  // it ranks the page starts the planner carries on.
  double tail_white_cost(std::size_t a, const ArticleState& after) const {
    if (!after.started) return 0;
    const auto [left, most] = column_range(arts_[a], after);
    if (left == 0) return 0;
    const int height = (left + C_ - 1) / C_;
    const int most_height = (most + C_ - 1) / C_;
    if (height >= R_ || a + 1 >= arts_.size()) return 0;
    const int room = R_ - height - 1;
    if (room >= arts_[a + 1].head.front().rows + kMinRowsUnderHead) return 0;
    return kMidWhiteRowCost * std::max(0, R_ - most_height - 1);
  }

  Choice page_ends_here(int page, std::size_t a, const ArticleState& st, int t) const {
    Choice c;
    c.cost = mid_white(R_ - t) + overset(page);
    c.next_article = a;
    c.next_state = st;
    return c;
  }

  std::string state_key(std::size_t a, const ArticleState& st) const {
    return std::to_string(a) + (st.started ? "S" : "F") + std::to_string(st.pos.unit) + "." +
           std::to_string(st.pos.line) + "." + std::to_string(st.pos.variant) + std::string(st.absent.begin(), st.absent.end());
  }

  // Frees a long chain of pages one link at a time (a recursive release
  // could run out of stack on a very long document).
  static void release(std::shared_ptr<const PageLink> link) {
    while (link && link.use_count() == 1) link = link->before;
  }

  // The fits of articles every page start has passed are never asked again.
  void forget_fits_before(const std::vector<Node>& frontier) {
    std::size_t first = arts_.size();
    for (const Node& n : frontier) first = std::min(first, n.a);
    fits_.erase(fits_.begin(), fits_.lower_bound(std::make_tuple(first, std::string(), std::size_t(0), 0, 0)));
  }

  static bool progresses(const Node& at, const Choice& c) {
    return c.next_article != at.a || c.next_state.pos != at.st.pos || c.next_state.started != at.st.started;
  }

  // The cheapest ways to fill rows [t, R) of page `page`, starting with
  // article `a`: one per place the next page would start from.
  Options best_page(int page, std::size_t a, const ArticleState& st, int t) {
    if (a >= arts_.size()) {
      Choice c;
      c.cost = end_white(R_ - t);
      c.next_article = arts_.size();
      return {c};
    }
    const auto memo_key = std::make_pair(a, t);
    const bool memoable = !st.started;
    if (memoable) {
      if (auto it = memo_.find(memo_key); it != memo_.end()) return it->second;
    }
    const bool is_fresh = !st.started;
    const int sep = is_fresh && t > 0 ? 1 : 0;
    const int top = t + sep;
    const int avail = R_ - top;
    Options opts;
    if (is_fresh && t > 0 && avail < opening_rows(arts_[a]) + kMinRowsUnderHead) {
      opts.push_back(page_ends_here(page, a, st, t));
    } else {
      // The article ends in this block.
      for (const auto& [total, fit] : cached_fits(a, st)) {
        if (total > avail) break;
        // White at the block's foot: the page's rest plus a column ending short.
        int shortfall = 0;
        for (int r : fit.plan.fill.column_rows) shortfall = std::max(shortfall, fit.plan.column_rows - r);
        const int rest = R_ - top - total;
        const int foot = rest + shortfall;
        BlockPlan plan = fit.plan;
        plan.top = top;
        plan.separator = sep == 1;
        if (a + 1 == arts_.size()) {
          offer(opts, fit.cost + end_white(foot), {plan}, arts_.size(), {});
          continue;
        }
        offer(opts, fit.cost + mid_white(foot) + overset(page), {plan}, a + 1, fresh(a + 1));
        for (const Choice& below : best_page(page, a + 1, fresh(a + 1), top + total)) {
          std::vector<BlockPlan> blocks{plan};
          blocks.insert(blocks.end(), below.blocks.begin(), below.blocks.end());
          // A short column above the separator row opens a band of white.
          offer(opts, fit.cost + below.cost + (shortfall > 0 ? 3 * kMidWhiteRowCost : 0), std::move(blocks),
                below.next_article, below.next_state);
        }
      }
      // The article goes on to the next page.
      for (Fit& pf : prefix_fits(a, st, avail)) {
        BlockPlan plan = std::move(pf.plan);
        plan.top = top;
        plan.separator = sep == 1;
        if (pf.after.pos.unit >= arts_[a].column.size()) {
          // The prefix took everything and filled the page: the article ends here.
          offer(opts, pf.cost, {plan}, a + 1, fresh(a + 1));
        } else {
          offer(opts, pf.cost + overset(page), {plan}, a, pf.after);
        }
      }
      if (opts.empty() && t > 0) opts.push_back(page_ends_here(page, a, st, t));
    }
    keep_cheapest(opts, [&](const Choice& c) { return c.cost + tail_white_cost(c.next_article, c.next_state); });
    if (memoable) memo_[memo_key] = opts;
    return opts;
  }

  // Adds a way to end the page, or replaces a dearer one that leaves the
  // next page at the same start.
  void offer(Options& opts, double cost, std::vector<BlockPlan> blocks, std::size_t next, ArticleState state) const {
    for (Choice& c : opts) {
      if (c.next_article != next || c.next_state != state) continue;
      if (cost < c.cost) c = Choice{cost, std::move(blocks), next, std::move(state)};
      return;
    }
    opts.push_back(Choice{cost, std::move(blocks), next, std::move(state)});
  }

  // The kOptionsPerPage lowest by `rank`, cheapest first; each rank is
  // computed once (it walks the rest of an article).
  template <class T, class Rank>
  static void keep_cheapest(std::vector<T>& items, Rank rank) {
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < items.size(); ++i) order.push_back({rank(items[i]), i});
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    if (order.size() > kOptionsPerPage) order.resize(kOptionsPerPage);
    std::vector<T> kept;
    for (const auto& [r, i] : order) kept.push_back(std::move(items[i]));
    items = std::move(kept);
  }

  // Overset and underset, per article, where a layout editor looks for them.
  void report(const std::vector<PagePlan>& pages) {
    const int limit = spec_.max_pages;
    std::vector<int> over(arts_.size(), 0), under(arts_.size(), 0);
    for (std::size_t p = 0; p < pages.size(); ++p) {
      for (const auto& b : pages[p].blocks) {
        if (limit > 0 && static_cast<int>(p) >= limit) {
          for (const auto& pl : b.fill.placements) over[b.article] += pl.count;
          if (b.head_variant >= 0) over[b.article] += arts_[b.article].head[b.head_variant].rows;
        }
        int short_rows = 0;
        for (int r : b.fill.column_rows) short_rows += std::max(0, b.column_rows - r);
        if (short_rows > 1 && limit > 0) under[b.article] += short_rows;
      }
    }
    if (limit > 0 && static_cast<int>(pages.size()) == limit && !pages.empty()) {
      const auto& last = pages.back().blocks;
      if (!last.empty()) {
        const int white = R_ - (last.back().top + last.back().rows());
        if (white > 1) under[last.back().article] += white * C_;
      }
    }
    for (std::size_t a = 0; a < arts_.size(); ++a) {
      if (over[a] > 0) {
        diags_.warning(arts_[a].source,
                       "overset: " + std::to_string(over[a]) + " lines too many for the layout's " +
                           std::to_string(limit) + (limit == 1 ? " page" : " pages") + "; they continue on page " +
                           std::to_string(limit + 1) + " (shorten the text or choose a layout with more room)");
      }
      if (under[a] > 0) {
        diags_.warning(arts_[a].source, "underset: the article is " + std::to_string(under[a]) +
                                            " rows short of filling its space (add text or a photo)");
      }
    }
  }

  const std::vector<ArticleCopy>& arts_;
  MakeupSpec spec_;
  core::Diagnostics& diags_;
  int R_, C_;
  std::map<std::pair<std::size_t, int>, Options> memo_;
  std::map<std::tuple<std::size_t, std::string, std::size_t, int, int>, std::map<int, Fit>> fits_;
};

}  // namespace

std::vector<PagePlan> make_up(const std::vector<ArticleCopy>& articles, const MakeupSpec& spec,
                              core::Diagnostics& diags) {
  return PageMaker(articles, spec, diags).run();
}

}  // namespace layout
