#include "text/line_break.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace text {
namespace {

// Demerits follow TeX's (line penalty + badness)² so that one very loose line
// costs more than several slightly loose ones.
constexpr double kLinePenalty = 10;
// Badness is capped so that demerits stay below the penalties that follow.
constexpr double kMaxBadness = 1e5;
// Squeezing punctuation is ordinary Chinese practice, stretching a line is
// not: at equal ratios a squeezed line costs half a stretched one.
constexpr double kShrinkWeight = 50;
constexpr double kStretchWeight = 100;
// One character alone on the last line (孤字) costs about as much as a line
// stretched by 0.35 em per gap: worth avoiding, not at any price.
constexpr double kOrphan = 1e5;
// In ragged text a break at a space reads best.
constexpr double kSpaceBonus = 900;
// Breaking inside a word happens only when the word is wider than the
// column; then at a point ICU allows (after / - .) rather than anywhere.
constexpr double kEmergency = 3e10;
constexpr double kLastResort = 6e10;
// A line that must reach the right edge but has no gap that may stretch:
// its letters must be spaced out (a line of one word), or, with a single
// character, it cannot reach the edge at all.
constexpr double kLetterspaced = 1e11;
constexpr double kRagged = 2e11;
constexpr double kOverfull = 1e12;
constexpr double kEps = 1e-6;

// Running sums over clusters and junctions, so any line is measured in O(1).
struct Sums {
  std::vector<double> box, junction, stretch, shrink;
  std::vector<int> chars;
  explicit Sums(const LineItems& it) {
    const std::size_t n = it.box.size();
    box.assign(n + 1, 0);
    chars.assign(n + 1, 0);
    junction.assign(n, 0);
    stretch.assign(n, 0);
    shrink.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      box[i + 1] = box[i] + it.box[i];
      chars[i + 1] = chars[i] + it.counts[i];
    }
    for (std::size_t j = 0; j + 1 < n; ++j) {
      const Junction& jn = it.junctions[j];
      junction[j + 1] = junction[j] + jn.glue - jn.pair;
      stretch[j + 1] = stretch[j] + jn.stretch;
      shrink[j + 1] = shrink[j] + jn.glue_shrink + jn.mark_shrink;
    }
  }
  LineFit fit(const LineItems& it, int s, int e, double indent) const {
    LineFit f;
    f.natural = indent + box[e + 1] - box[s] + junction[e] - junction[s] - it.end_trim[e];
    f.stretch = stretch[e] - stretch[s];
    f.shrink = shrink[e] - shrink[s] + it.end_shrink[e] - (e > s ? it.start_keep[s] : 0);
    f.chars = chars[e + 1] - chars[s];
    return f;
  }
};

double badness(const LineFit& f, double width, bool needs_fill) {
  const double avail = width - f.natural;
  if (avail >= -kEps) {
    if (!needs_fill || avail <= kEps || f.stretch <= 0) return 0;  // f.stretch 0: see unfillable()
    const double r = avail / f.stretch;
    return std::min(kMaxBadness, kStretchWeight * r * r * r);
  }
  const double r = f.shrink > 0 ? -avail / f.shrink : 1;
  return kShrinkWeight * r * r * r;
}

// Extra demerits for a line that must be filled but has nothing to stretch.
double unfillable(const LineFit& f, double width, bool needs_fill, bool single) {
  if (!needs_fill || f.stretch > 0 || width - f.natural <= kEps) return 0;
  return single ? kRagged : kLetterspaced;
}

}  // namespace

LineFit measure_line(const LineItems& items, int first, int last, double indent) {
  return Sums(items).fit(items, first, last, indent);
}

std::vector<int> break_lines(const LineItems& it, const LineShape& shape) {
  const int n = static_cast<int>(it.box.size());
  if (n == 0) return {};
  const Sums sums(it);
  // A later break can only make a line longer, give or take a mark's blank
  // at its end: once a line is this far over, stop looking further.
  double margin = 0;
  for (double b : it.box) margin = std::max(margin, b);

  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best(n + 1, kInf);
  std::vector<int> from(n + 1, -1);
  best[0] = 0;
  for (int s = 0; s < n; ++s) {
    if (best[s] == kInf) continue;
    const double indent = s == 0 ? shape.first_indent : 0;
    bool found = false;
    for (int e = s; e < n; ++e) {
      const bool last = e == n - 1;
      const LineFit f = sums.fit(it, s, e, indent);
      const double min_width = f.natural - f.shrink;
      if (found && min_width > shape.width + margin) break;
      const BreakPoint bp = last ? BreakPoint{Break::Allowed, false} : it.junctions[e].brk;
      if (bp.kind == Break::Never) continue;

      double d;
      if (min_width > shape.width + kEps) {
        // Overfull: only acceptable as the one way on from here (a glyph
        // wider than the column); the least overfull such path wins.
        if (found) continue;
        d = kOverfull + (min_width - shape.width) * 1e6;
      } else {
        const double b = badness(f, shape.width, !last);
        d = (kLinePenalty + b) * (kLinePenalty + b) + unfillable(f, shape.width, !last, e == s);
        if (bp.kind == Break::Emergency) d += kEmergency;
        if (bp.kind == Break::LastResort) d += kLastResort;
        if (bp.after_space && shape.align != core::Align::Justify) d -= kSpaceBonus;
        // 孤字, or a last line of marks alone (……。 or ——).
        if (last && s > 0 && f.chars <= 1) d += kOrphan;
      }
      found = true;
      // On a tie the later start wins: earlier lines stay full, as a
      // greedy breaker would set them.
      if (best[s] + d <= best[e + 1]) {
        best[e + 1] = best[s] + d;
        from[e + 1] = s;
      }
    }
  }

  std::vector<int> ends;
  for (int k = n; k > 0; k = from[k]) ends.push_back(k - 1);
  std::reverse(ends.begin(), ends.end());
  return ends;
}

std::vector<int> break_lines_exactly(const LineItems& it, const LineShape& shape, int lines) {
  const int n = static_cast<int>(it.box.size());
  if (n == 0 || lines <= 0) return {};
  const Sums sums(it);
  double margin = 0;
  for (double b : it.box) margin = std::max(margin, b);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // best[k][e]: demerits of k lines covering clusters [0, e).
  std::vector<std::vector<double>> best(lines + 1, std::vector<double>(n + 1, kInf));
  std::vector<std::vector<int>> from(lines + 1, std::vector<int>(n + 1, -1));
  best[0][0] = 0;
  for (int k = 0; k < lines; ++k) {
    for (int s = 0; s < n; ++s) {
      if (best[k][s] == kInf) continue;
      const double indent = s == 0 ? shape.first_indent : 0;
      for (int e = s; e < n; ++e) {
        const bool last = e == n - 1;
        const LineFit f = sums.fit(it, s, e, indent);
        const double min_width = f.natural - f.shrink;
        if (min_width > shape.width + margin) break;
        if (min_width > shape.width + kEps) continue;
        if (last != (k + 1 == lines)) continue;
        const BreakPoint bp = last ? BreakPoint{Break::Allowed, false} : it.junctions[e].brk;
        if (bp.kind != Break::Allowed) continue;
        if (!last) {
          const double avail = shape.width - f.natural;
          if (avail > kEps && (f.stretch <= 0 || avail / f.stretch > kMaxLooseRatio)) continue;
        } else if (s > 0 && f.chars < 2) {
          continue;  // 孤字
        }
        const double b = badness(f, shape.width, !last);
        const double d = best[k][s] + (kLinePenalty + b) * (kLinePenalty + b);
        if (d <= best[k + 1][e + 1]) {
          best[k + 1][e + 1] = d;
          from[k + 1][e + 1] = s;
        }
      }
    }
  }
  if (best[lines][n] == kInf) return {};
  std::vector<int> ends;
  for (int k = lines, e = n; k > 0; e = from[k][e], --k) ends.push_back(e - 1);
  std::reverse(ends.begin(), ends.end());
  return ends;
}

}  // namespace text
