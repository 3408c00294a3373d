#include "app/cli/starter_document.h"

namespace app {
namespace {

// Every key of the format, each with a comment in plain words; photos are
// commented out because they need a real file beside the document.
constexpr const char* kBody = R"(# A broadsheet document: what a trade union has achieved, set as a newspaper
# page. Every key is explained in docs/format.md; your editor completes keys
# and explains them through the schema named on the first line.
#   check it:   broadsheet check FILE
#   render it:  broadsheet render FILE        (writes FILE.pdf next to it)
# Type keys, colons, dashes and indentation with the input method set to
# English: a full-width colon (：) or full-width spaces are not YAML.

layout: LAYOUT           # the page layout; `broadsheet layouts` lists them

meta:                    # the folio: the line at the top of every page
  paper: 工会周刊         # the paper's name
  edition: 产改进行时     # the edition or section
  date: 2024-12-18       # YYYY-MM-DD, two digits for month and day
  page: 1                # the number of the first page

articles:                # the reports, in reading order; at least one
  - union: 某某县总工会                  # required: who the report is about
    kicker: 坚持党建引领 激发创新活力     # optional line above the headline (引题)
    headline: 推进产改走深走实 赋能产业工人成才成匠   # required (主标题)
    subheadline: 三年培养技能人才两万余名  # optional line below the headline (副题)
    lead:                                 # optional paragraphs before the first section
      - 今年以来，某某县总工会坚持把产业工人队伍建设改革作为工会工作的重要任务，聚焦思想引领、建功立业、素质提升、权益维护，推动改革举措落地见效，一支知识型、技能型、创新型的产业工人队伍正在成长。
    sections:                             # optional parts, each under a banner
      - heading: 突出党建引领 推进精准施策  # the banner (小标题); a list gives two lines
        paragraphs:
          # **…** sets a paragraph's lead sentence in bold; such a paragraph
          # needs quotes because it starts with *.
          - "**坚持高位推动。**县委、县政府把产改工作纳入全县经济社会发展总体布局，成立工作领导小组，定期研究解决重点难点问题，形成党委领导、政府主导、工会牵头、各方协同的工作格局。"
          - 县总工会建立“一企一策”工作台账，深入重点企业调研走访，摸清产业工人队伍现状和需求，推动各项改革举措精准落地。
      - heading: 搭建成长平台 激发创新活力
        paragraphs:
          - "**深化技能竞赛。**每年举办职工职业技能大赛，覆盖制造、建筑、服务等行业，以赛促学、以赛促练，一批技术能手脱颖而出。"
          - 依托劳模和工匠人才创新工作室，组织技术攻关和师带徒活动，职工创新成果转化应用成效明显。
    highlights:                           # optional key figures box (数说)
      - {value: "276", unit: 名, label: 三年培养骨干人才}
      - {value: "1.2", unit: 万人次, label: 职工参加技能培训}
      - {value: "38", unit: 项, label: 职工创新成果获奖}
    # photos:                             # optional; each needs a JPEG or PNG file
    #   - src: photos/example.jpg         # the file, relative to this document
    #     caption: 县总工会举办职工职业技能大赛。   # the caption under the photo
    #     credit: 单位供图                 # who took it
    #     span: column                    # column (default) or page: across all columns
    byline: 记者 某某 通讯员 某某          # optional: the reporters' names (署名)
)";

}  // namespace

std::string starter_document(const std::string& layout, const std::string& schema) {
  std::string body = kBody;
  const std::string placeholder = "LAYOUT";
  body.replace(body.find(placeholder), placeholder.size(), layout);
  return "# yaml-language-server: $schema=" + schema + "\n" + body;
}

}  // namespace app
