#pragma once
// --shard I/N: which process of a job array renders which document.
//
// A document belongs to shard hash(output name) mod N. The output name
// (OUTDIR/NAME.pdf) is unique in the batch and depends neither on the order
// of the operands nor on where the tree is mounted, so every process of a
// job array — on any machine, listing the inputs in any order — puts each
// document in exactly one shard, and no two processes ever write the same
// PDF. Unlike "i-th document in sorted order mod N", a document's shard
// does not move when other documents are added or removed, so processes
// that list the folder a moment apart still agree. The price is balance:
// shards are equal only on average (for 10,000 documents in 8 shards, within
// a few percent).
#include <cstdint>
#include <string_view>

#include "app/batch/batch_options.h"
#include "app/common/input_stamp.h"  // stable_hash

namespace app {

int shard_of(std::string_view output_name, int count);

inline bool in_shard(std::string_view output_name, const ShardSpec& shard) {
  return !shard.sharded() || shard_of(output_name, shard.count) == shard.index;
}

}  // namespace app
