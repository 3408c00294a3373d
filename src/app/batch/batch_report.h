#pragma once
// --report FILE: the batch as JSON, for dashboards and for merging the
// reports of a job array's shards.
//
//   {"format": "broadsheet-batch-report 1",
//    "shard": "0/1", "jobs": 2, "out_dir": "out",
//    "summary": {"documents": 12, "rendered": 11, "unchanged": 0, "failed": 1,
//                "not_run": 0, "interrupted_by": null, "seconds": 0.41,
//                "documents_per_second": 26.8},
//    "documents": [{"source": "in/anji.yaml", "output": "out/anji.pdf",
//                   "status": "rendered" | "unchanged" | "failed" | "not_run",
//                   "pages": 1, "bytes": 88213, "milliseconds": 63.2,
//                   "warnings": ["in/anji.yaml:12:9: warning: …"], "errors": []}, …]}
#include <string>
#include <vector>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_options.h"
#include "app/batch/batch_runner.h"

namespace app {

struct BatchTotals {
  std::size_t rendered = 0, unchanged = 0, failed = 0, not_run = 0;
  int interrupted_by = 0;  // signal number, 0 = ran to the end
  double seconds = 0;      // wall time of rendering
};

const char* status_name(DocStatus s);

// The report of the documents `selected` (this shard's). Written atomically;
// returns "" on success, else a message.
std::string write_batch_report(const std::string& file, const BatchOptions& options, int jobs,
                               const std::vector<BatchDocument>& docs, const std::vector<std::size_t>& selected,
                               const std::vector<DocumentOutcome>& outcomes, const BatchTotals& totals);

}  // namespace app
