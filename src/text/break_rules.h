#pragma once
// Stage 2: where a line may end. ICU's line BreakIterator (UAX #14, zh)
// gives the opportunities; the Chinese rules are applied on top:
// no closing mark starts a line, no opening mark ends one, words, numbers,
// percentages, dates and URLs stay whole (unless wider than the column), and
// —— and …… are never split.
#include <cstdint>
#include <vector>

#include "text/paragraph.h"
#include "text/shape_text.h"

struct UBreakIterator;  // ICU's (unicode/ubrk.h)

namespace text {

enum class Break : std::uint8_t {
  Never,
  Allowed,
  Emergency,   // inside a word wider than the column, where ICU would break (after / or -)
  LastResort,  // inside such a word, anywhere else
};

struct BreakPoint {
  Break kind = Break::Never;
  bool after_space = false;  // the break replaces a space
};

// One entry per junction: entry i is the break between cluster i and i+1.
// `narrowest` is the shortest line's measure (the first line's, after its
// indent): a word wider than that may be broken.
// `icu`, when given, is a line break iterator for "zh" to use instead of
// opening one (LineBreakerPool, text/line_breakers.h); it is left pointing at `st`.
std::vector<BreakPoint> find_breaks(const ShapedText& st, double narrowest,
                                    const core::CompositionRules& rules, UBreakIterator* icu = nullptr);

}  // namespace text
