#include "source/yaml_node_builder.h"

namespace source {
struct NodeFromBuilder {};
}  // namespace source

// yaml-cpp makes a Node from its internal node only for its friends, and
// every specialisation of `as_if` is one: this one only wraps the tree the
// builder made, exactly as yaml-cpp's own (uninstalled) builder does.
namespace YAML {
template <>
struct as_if<source::NodeFromBuilder, void> {
  static Node wrap(detail::node& node, detail::shared_memory_holder memory) { return Node(node, std::move(memory)); }
};
}  // namespace YAML

namespace source {

YamlNodeBuilder::YamlNodeBuilder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {
  anchored_.push_back(nullptr);
}

YAML::Node YamlNodeBuilder::root() const {
  if (!root_) return YAML::Node();
  return YAML::as_if<NodeFromBuilder, void>::wrap(*root_, memory_);
}

void YamlNodeBuilder::OnDocumentEnd() {
  if (root_) done_ = true;
}

void YamlNodeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (done_) return;
  make(mark, anchor).set_null();
  finish();
}

void YamlNodeBuilder::OnAlias(const YAML::Mark&, YAML::anchor_t anchor) {
  if (done_) return;
  // The parser refuses an undefined anchor; a missing one only means the
  // text is already being reported as wrong, so an empty value stands in.
  if (anchor >= anchored_.size() || !anchored_[anchor]) {
    make(YAML::Mark::null_mark(), 0).set_null();
  } else {
    enter(*anchored_[anchor]);
  }
  finish();
}

void YamlNodeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                               const std::string& value) {
  if (done_) return;
  YAML::detail::node& node = make(mark, anchor);
  node.set_scalar(value);
  node.set_tag(tag);
  finish();
}

void YamlNodeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                      YAML::EmitterStyle::value style) {
  if (done_) return;
  YAML::detail::node& node = make(mark, anchor);
  node.set_tag(tag);
  node.set_type(YAML::NodeType::Sequence);
  node.set_style(style);
}

void YamlNodeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                 YAML::EmitterStyle::value style) {
  if (done_) return;
  YAML::detail::node& node = make(mark, anchor);
  node.set_type(YAML::NodeType::Map);
  node.set_tag(tag);
  node.set_style(style);
  ++map_depth_;
}

void YamlNodeBuilder::OnMapEnd() {
  if (done_) return;
  if (map_depth_ > 0) --map_depth_;
  finish();
}

YAML::detail::node& YamlNodeBuilder::make(const YAML::Mark& mark, YAML::anchor_t anchor) {
  YAML::detail::node& node = memory_->create_node();
  node.set_mark(mark);
  if (anchor) {
    if (anchored_.size() <= anchor) anchored_.resize(anchor + 1, nullptr);
    anchored_[anchor] = &node;
  }
  enter(node);
  return node;
}

void YamlNodeBuilder::enter(YAML::detail::node& node) {
  // A value directly inside a mapping that has no pending key is that key.
  const bool is_key = !open_.empty() && open_.back()->type() == YAML::NodeType::Map && keys_.size() < map_depth_;
  open_.push_back(&node);
  if (is_key) keys_.emplace_back(&node, false);
}

// The innermost open node is complete: it becomes the root, an item of its
// sequence, or its mapping's key or value.
void YamlNodeBuilder::finish() {
  if (done_ || open_.empty()) return;
  YAML::detail::node& node = *open_.back();
  open_.pop_back();
  if (open_.empty()) {
    root_ = &node;
    return;
  }
  YAML::detail::node& parent = *open_.back();
  if (parent.type() == YAML::NodeType::Sequence) {
    parent.push_back(node, memory_);
  } else if (parent.type() == YAML::NodeType::Map && !keys_.empty()) {
    auto& [key, complete] = keys_.back();
    if (complete) {
      parent.insert(*key, node, memory_);
      keys_.pop_back();
    } else {
      complete = true;
    }
  }
}

}  // namespace source
