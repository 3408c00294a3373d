#pragma once
// OUTDIR/.broadsheet-batch*.json: for every PDF a batch wrote, the stamps of
// the files it was made from, so that a rerun skips documents whose inputs
// have not changed since (unless --force).
//
// A file is JSON Lines: a header, then one record per document finished
// (or forgotten), appended as it happens, the last record of a name
// winning. So a batch keeps no growing record in memory, a SIGKILL loses at
// most the line being written, and the cost per document stays constant.
// At the start of a run the file is rewritten with only the records still
// worth keeping.
//
// Each process writes only its own file — `.broadsheet-batch.json`, or
// `.broadsheet-batch.shard-I-of-N.json` under --shard — so the processes of
// a job array never race on one file, and reads them all. An entry counts
// only while the PDF beside it still has the size and mtime recorded when it
// was written, so a stale entry from an old run or another shard layout can
// never cause a wrong skip: at worst a document is rendered again.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_options.h"
#include "app/batch/batch_stamp.h"

namespace app {

struct ManifestEntry {
  std::string source;       // the YAML, absolute
  std::string environment;  // environment_fingerprint() when written
  FileStamp pdf;            // the PDF right after it was written
  int pages = 0;
  std::vector<std::string> warnings;  // formatted, for the report of a skipped document
  std::vector<StampedFile> inputs;
};

// A file opened for appending, closed when dropped.
class AppendFile {
 public:
  AppendFile() = default;
  explicit AppendFile(int fd) : fd_(fd) {}
  AppendFile(AppendFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  AppendFile& operator=(AppendFile&& other) noexcept;
  ~AppendFile() { close(); }
  bool is_open() const { return fd_ >= 0; }
  // Appends the bytes; false (errno set) when they could not all be written.
  bool write(const std::string& bytes);
  // False (errno set) when closing reported an error.
  bool close();

 private:
  int fd_ = -1;
};

class BatchManifest {
 public:
  // Reads every manifest in `out_dir`; a file that cannot be parsed is
  // ignored (its documents are rendered again) with a message in `notes`.
  static BatchManifest load(const std::string& out_dir, const ShardSpec& shard, std::vector<std::string>& notes);

  // An entry proving doc's PDF is up to date, or nullptr. Under --strict a
  // document that had warnings is never up to date: it must fail now.
  const ManifestEntry* fresh_entry(const BatchDocument& doc, const std::string& environment, bool strict) const;

  // Before start_appending: changes what it will write. After: appends
  // the record to the file at once.
  void record(const std::string& output_name, ManifestEntry entry);
  void forget(const std::string& output_name);

  // Rewrites this process's file atomically with its records so far and
  // keeps it open for appending; the records read by load() are let go
  // (fresh_entry knows nothing after this). "" on success, else a message.
  std::string start_appending();
  // Closes the file. "" when every record reached it, else the first problem.
  std::string finish();

  const std::string& own_file() const { return own_file_; }

 private:
  void append(const std::string& line);

  std::string own_file_;
  std::map<std::string, ManifestEntry> own_;         // this process's file, as it will be written
  std::multimap<std::string, ManifestEntry> others_;  // other processes' files, only read
  AppendFile appending_;                              // open after start_appending
  std::string append_error_;                          // the first record that could not be written
};

// The manifest file name for a shard layout (no folder).
std::string manifest_file_name(const ShardSpec& shard);

}  // namespace app
