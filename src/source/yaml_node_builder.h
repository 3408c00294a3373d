#pragma once
// Builds yaml-cpp's node tree from the parser's events, so that the events
// which the checks in yaml_prescan.cpp read also make the tree: one parse of
// the text instead of a checking parse and then YAML::Load's own.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace source {

class YamlNodeBuilder : public YAML::EventHandler {
 public:
  YamlNodeBuilder();

  // The first document's root; a null node when there was none.
  YAML::Node root() const;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { finish(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  YAML::detail::node& make(const YAML::Mark& mark, YAML::anchor_t anchor);
  void enter(YAML::detail::node& node);
  void finish();

  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
  bool done_ = false;  // a document was completed: later ones are not built
  std::vector<YAML::detail::node*> open_;      // the node being built and its parents
  std::vector<YAML::detail::node*> anchored_;  // by anchor number (they start at 1)
  // Per mapping being built, its key once read (second: the key is complete).
  std::vector<std::pair<YAML::detail::node*, bool>> keys_;
  std::size_t map_depth_ = 0;
};

}  // namespace source
