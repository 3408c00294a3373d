#include "text/break_rules.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <mutex>

#include "core/handle.h"
#include "text/line_breakers.h"

namespace text {
namespace {

using TextHandle = core::Handle<UText, utext_close>;
using BreakIteratorHandle = core::Handle<UBreakIterator, ubrk_close>;

// For junction i: does ICU allow a break before cluster i+1? `type` is
// UBRK_LINE (line breaks) or UBRK_WORD (word boundaries, by dictionary for Han).
std::vector<char> icu_breaks(const ShapedText& st, UBreakIterator* lent, UBreakIteratorType type = UBRK_LINE) {
  const auto& cs = st.clusters;
  std::vector<char> out(cs.empty() ? 0 : cs.size() - 1, 0);
  if (out.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  TextHandle text(
      utext_openUTF8(nullptr, st.text.data(), static_cast<int64_t>(st.text.size()), &status));
  BreakIteratorHandle own;
  if (!lent) own.reset(ubrk_open(type, "zh", nullptr, 0, &status));
  UBreakIterator* it = lent ? lent : own.get();
  if (U_FAILURE(status)) return out;
  ubrk_setUText(it, text.get(), &status);
  if (U_FAILURE(status)) return out;
  // Boundaries come as byte offsets in increasing order, like the clusters.
  std::size_t j = 0;
  for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
    const auto pos = static_cast<std::uint32_t>(b);
    while (j < out.size() && cs[j + 1].begin < pos) ++j;
    if (j < out.size() && cs[j + 1].begin == pos) out[j] = 1;
  }
  return out;
}

int line_break_class(char32_t c) {
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
}

// Half-width punctuation follows the same prohibitions as its full-width
// kin: , . ; ! ? ) % never start a line; ( $ never end one, nor / (GB rule).
bool latin_no_start(const Cluster& c) {
  if (c.cls != core::CharClass::LatinPunct) return false;
  switch (line_break_class(c.cp)) {
    case U_LB_CLOSE_PUNCTUATION: case U_LB_CLOSE_PARENTHESIS: case U_LB_EXCLAMATION:
    case U_LB_INFIX_NUMERIC: case U_LB_NONSTARTER: case U_LB_POSTFIX_NUMERIC:
      return true;
    default:
      return false;
  }
}

bool latin_no_end(const Cluster& c) {
  if (c.cls != core::CharClass::LatinPunct) return false;
  switch (line_break_class(c.cp)) {
    case U_LB_OPEN_PUNCTUATION: case U_LB_PREFIX_NUMERIC: case U_LB_BREAK_SYMBOLS:
      return true;
    default:
      return false;
  }
}

bool is_full_width_mark(core::CharClass k) {
  return core::is_cjk_punct(k) || k == core::CharClass::Interpunct || k == core::CharClass::Dash || k == core::CharClass::Ellipsis;
}

bool unit_pair(core::CharClass a, core::CharClass b) {
  return (a == core::CharClass::Dash && b == core::CharClass::Dash) ||
         (a == core::CharClass::Ellipsis && b == core::CharClass::Ellipsis);
}

}  // namespace

std::vector<BreakPoint> find_breaks(const ShapedText& st, double narrowest,
                                    const core::CompositionRules& rules, UBreakIterator* lent) {
  const auto& cs = st.clusters;
  std::vector<BreakPoint> out(cs.empty() ? 0 : cs.size() - 1);
  if (out.empty()) return out;
  const std::vector<char> icu = icu_breaks(st, lent);
  const std::vector<char> words = rules.words_only ? icu_breaks(st, nullptr, UBRK_WORD) : std::vector<char>{};

  auto no_start = [&](const Cluster& c) {
    return core::no_line_start(c.cls) || latin_no_start(c) ||
           (rules.strict && (c.cls == core::CharClass::Dash || c.cls == core::CharClass::Ellipsis));
  };
  bool seen_visible = false;
  for (std::size_t i = 0; i + 1 < cs.size(); ++i) {
    const Cluster& a = cs[i];
    const Cluster& b = cs[i + 1];
    if (!core::is_space(a.cls) && !core::is_invisible(a.cls)) seen_visible = true;
    BreakPoint& bp = out[i];
    // Marks and joiners stay with what they follow; a break comes after a
    // space, never before it.
    if (core::is_invisible(b.cls) || core::is_space(b.cls)) continue;
    if (a.cls == core::CharClass::Format || a.cls == core::CharClass::NoBreakSpace) continue;
    if (a.cls == core::CharClass::Space || a.cls == core::CharClass::BreakHint) {
      if (seen_visible && !no_start(b)) bp = {Break::Allowed, a.cls == core::CharClass::Space};
      continue;
    }
    std::size_t base_i = i;
    while (base_i > 0 && cs[base_i].cls == core::CharClass::Mark) --base_i;
    const Cluster& base = cs[base_i];

    if (base.word >= 0 && base.word == b.word) {
      const WordRun& w = st.words[b.word];
      if (w.complex && icu[i]) bp.kind = Break::Allowed;
      else if (w.width > narrowest + 1e-6) bp.kind = icu[i] ? Break::Emergency : Break::LastResort;
      continue;
    }
    if (unit_pair(base.cls, b.cls)) continue;
    if (no_start(b)) {
      // Between two marks only when a run of them is longer than a line:
      // better a mark at a line start than a line running off the page.
      if (is_full_width_mark(base.cls) && is_full_width_mark(b.cls)) bp.kind = Break::LastResort;
      continue;
    }
    if (core::no_line_end(base.cls) || latin_no_end(base)) continue;
    // Chinese text breaks between any two characters the rules allow;
    // between two Western pieces ICU decides.
    if (!(core::is_cjk(base.cls) || core::is_cjk(b.cls) || icu[i])) continue;
    // Inside a word only when nothing else fits.
    bp.kind = rules.words_only && base.cls == core::CharClass::Han && b.cls == core::CharClass::Han && !words[i]
                  ? Break::Emergency
                  : Break::Allowed;
  }
  return out;
}

LineBreakerPool::~LineBreakerPool() {
  for (UBreakIterator* it : idle_) ubrk_close(it);
}

LineBreakerPool::Lease LineBreakerPool::borrow() const {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      UBreakIterator* it = idle_.back();
      idle_.pop_back();
      return Lease(*this, it);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  BreakIteratorHandle it(ubrk_open(UBRK_LINE, "zh", nullptr, 0, &status));
  return Lease(*this, U_SUCCESS(status) ? it.release() : nullptr);
}

LineBreakerPool::Lease::~Lease() {
  if (!iterator_) return;
  BreakIteratorHandle it(iterator_);  // closed if the pool cannot take it back
  const std::lock_guard<std::mutex> lock(pool_.mutex_);
  pool_.idle_.push_back(it.get());
  it.release();
}

}  // namespace text
