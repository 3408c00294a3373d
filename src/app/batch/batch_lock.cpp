#include "app/batch/batch_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace app {

OutDirLock::OutDirLock(const std::string& out_dir, const std::string& name, const std::function<void()>& waiting,
                       const std::function<bool()>& give_up) {
  const std::string path = out_dir + "/" + name + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) {
    error_ = "cannot create " + path + ": " + std::strerror(errno);
    return;
  }
  // flock goes with the open file: a process killed with SIGKILL lets go.
  bool told = false;
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      error_ = "cannot lock " + path + ": " + std::strerror(errno);
      return;
    }
    if (!told) waiting();
    told = true;
    if (give_up()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  locked_ = true;
}

OutDirLock::~OutDirLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock; the file stays for the next run
}

}  // namespace app
