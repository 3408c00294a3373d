#pragma once
// The worker pool of a batch: `jobs` threads take documents from a shared
// counter, render them (sharing the read-only Resources and one
// LayoutCache) and write each PDF atomically. Everything else — printing,
// the manifest, signals — happens on the calling thread, which hears about
// each finished document through a locked queue, so nothing mutable is
// shared without a lock and output lines never interleave.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_signals.h"
#include "app/batch/batch_stamp.h"
#include "app/common/pipeline.h"

namespace app {

enum class DocStatus { NotRun, Rendered, Unchanged, Failed };
// Why a document failed, for the exit code (1 input, 3 output, 4 internal).
enum class Failure { None, Input, Output, Refused, Internal };  // Refused: output would replace an input

struct DocumentOutcome {
  DocStatus status = DocStatus::NotRun;
  Failure failure = Failure::None;
  int pages = 0;
  std::int64_t bytes = 0;
  double milliseconds = 0;
  std::vector<std::string> warnings;  // formatted `FILE:LINE:COL: warning: …`
  std::vector<std::string> errors;
  std::vector<StampedFile> inputs;    // Rendered: what it was made from
  std::optional<FileStamp> pdf;       // Rendered: the PDF just written
};

struct RunHooks {
  std::function<void(std::size_t doc)> finished;  // outcomes[doc] is ready
  std::function<void()> tick;                     // every ~50 ms
  std::function<void(int sig)> interrupted;       // first SIGINT/SIGTERM
};

// Renders docs[i] for every i in `todo` into outcomes[i]. Returns the
// signal that stopped it early, or 0. A second signal kills the process.
int run_documents(const std::vector<BatchDocument>& docs, const std::vector<std::size_t>& todo, int jobs,
                  const Resources& res, const RenderOptions& options, std::vector<DocumentOutcome>& outcomes,
                  InterruptWatch& interrupts, const RunHooks& hooks);

}  // namespace app
