#pragma once
// One batch at a time per output folder (and shard): a second run started
// on the same OUTDIR waits for the first, then finds its PDFs up to date
// instead of rendering everything again beside it. Shards of one job array
// lock different files and run side by side.
#include <functional>
#include <string>

namespace app {

class OutDirLock {
 public:
  // Locks OUTDIR/`name`.lock, waiting while another process holds it;
  // `waiting` is called once if it must wait, and `give_up` is asked every
  // tenth of a second whether to stop waiting (a signal). locked() is false
  // when it could not lock (message in error()) or gave up.
  OutDirLock(const std::string& out_dir, const std::string& name, const std::function<void()>& waiting,
             const std::function<bool()>& give_up);
  ~OutDirLock();
  OutDirLock(const OutDirLock&) = delete;
  OutDirLock& operator=(const OutDirLock&) = delete;

  bool locked() const { return locked_; }
  const std::string& error() const { return error_; }

 private:
  int fd_ = -1;
  bool locked_ = false;
  std::string error_;
};

}  // namespace app
