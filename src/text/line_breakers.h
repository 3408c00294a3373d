#pragma once
// ICU line break iterators for Chinese (find_breaks, text/break_rules.h),
// lent to one paragraph at a time and kept for the next: making one costs
// ~55k instructions, a sixth of setting an average paragraph.
#include <mutex>
#include <vector>

struct UBreakIterator;  // ICU's (unicode/ubrk.h)

namespace text {

// Any thread may borrow; each lease holds an iterator of its own until it
// is destroyed, and the pool closes the idle ones when it goes.
class LineBreakerPool {
 public:
  class Lease {
   public:
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    UBreakIterator* get() const { return iterator_; }  // null when ICU cannot make one

   private:
    friend class LineBreakerPool;
    Lease(const LineBreakerPool& pool, UBreakIterator* iterator) : pool_(pool), iterator_(iterator) {}
    const LineBreakerPool& pool_;
    UBreakIterator* iterator_;
  };

  LineBreakerPool() = default;
  LineBreakerPool(const LineBreakerPool&) = delete;
  LineBreakerPool& operator=(const LineBreakerPool&) = delete;
  ~LineBreakerPool();

  Lease borrow() const;

 private:
  mutable std::mutex mutex_;
  mutable std::vector<UBreakIterator*> idle_;  // owned: closed by the destructor
};

}  // namespace text
