#include "report/render_cds_hooks.h"

#include <fmt/format.h>

#include <cstdint>

#include "report/escaped.h"

namespace backtriage::report {

namespace {

using ruleset::Item;
using W = ruleset::Word;

// The spec asks for a summary of fewer than 140 characters.
constexpr std::size_t kMaxSummary = 139;

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cuts at a code point boundary and marks the cut, so the JSON stays UTF-8.
std::string shortened(const std::string& s) {
  if (code_points(s) <= kMaxSummary) return s;
  std::size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && kept++ == kMaxSummary - 1) break;
  }
  return s.substr(0, i) + "\u2026";
}

std::string summary(const Report& r) {
  if (!r.red_flags.empty()) {
    std::vector<std::string> labels;
    for (const auto& f : r.red_flags) labels.push_back(f.item->as<ruleset::RedFlag>().label);
    std::string full = fmt::format("{}: {}", r.label(), fmt::join(labels, "; "));
    if (code_points(full) <= kMaxSummary) return full;
    return shortened(r.rules->format_word(W::CardWarningSigns, fmt::arg("level", r.label()),
                                          fmt::arg("count", r.red_flags.size())));
  }
  if (!r.decided())
    return shortened(
        r.rules->format_word(r.unanswered.size() == 1 ? W::CardQuestionLeft : W::CardQuestionsLeft,
                             fmt::arg("level", r.label()), fmt::arg("count", r.unanswered.size())));
  std::vector<std::string> parts;
  for (const Item* value : r.classification)
    if (value) parts.push_back(ruleset::label_or_id(*value));
  std::string text = r.label();
  if (!parts.empty()) text += fmt::format(": {}", fmt::join(parts, ", "));
  if (!r.routine.empty())
    text += "; " + r.rules->format_word(W::CardRoutine, fmt::arg("count", r.routine.size()));
  return shortened(text);
}

// Rule-file text is prose, not Markdown: each byte Markdown reads as
// markup is escaped with a backslash, so its characters stay literal.
constexpr EscapeTable kMarkdownMarkup = [] {
  EscapeTable markup{};
  markup['\\'] = "\\\\";
  markup['`'] = "\\`";
  markup['*'] = "\\*";
  markup['_'] = "\\_";
  markup['['] = "\\[";
  markup[']'] = "\\]";
  markup['<'] = "\\<";
  markup['>'] = "\\>";
  markup['#'] = "\\#";
  markup['|'] = "\\|";
  return markup;
}();

std::string markdown_escaped(std::string_view text) {
  return escaped(text, kMarkdownMarkup);
}

std::string detail(const Report& r) {
  const auto& rules = *r.rules;
  std::string md = markdown_escaped(r.advice()) + "\n\n";
  if (!r.red_flags.empty()) {
    md += "**" + markdown_escaped(rules.word(W::CardRedFlags)) + "**\n\n";
    for (const auto& f : r.red_flags) {
      const auto& flag = f.item->as<ruleset::RedFlag>();
      md += fmt::format("- **{}**{}: {}. {}\n", markdown_escaped(flag.label),
                        f.unsure ? " " + markdown_escaped(rules.word(W::CardUnsure)) : "",
                        markdown_escaped(f.sends_to()), markdown_escaped(flag.why));
    }
    md += "\n";
  }
  if (!r.reasons.empty()) {
    md += "**" + markdown_escaped(rules.word(W::CardWhy)) + "**\n\n";
    for (const Item* reason : r.reasons)
      md += fmt::format("- {}\n", markdown_escaped(reason->as<ruleset::Reason>().text));
    md += "\n";
  }
  if (!r.unanswered.empty()) {
    md += "**" + markdown_escaped(rules.word(W::CardUnanswered)) + "**\n\n";
    for (engine::FactId q : r.unanswered)
      md += fmt::format("- {} (`{}`)\n", markdown_escaped(rules.questions[q].prompt),
                        rules.questions[q].id);
    md += "\n";
  }
  if (!r.routine.empty()) {
    md += "**" + markdown_escaped(rules.word(W::CardRoutineHeading)) + "**";
    if (rules.advice.frequency) md += " (" + markdown_escaped(rules.advice.frequency->text) + ")";
    md += "\n\n";
    for (const Item* item : r.routine) {
      const auto& exercise = item->as<ruleset::Exercise>();
      md += fmt::format("- {}: {}\n", markdown_escaped(exercise.name),
                        markdown_escaped(exercise.purpose));
    }
    md += "\n";
  }
  if (!r.avoid.empty()) {
    md += "**" + markdown_escaped(rules.word(W::CardAvoid)) + "**\n\n";
    for (const Item* item : r.avoid) {
      const auto& avoid = item->as<ruleset::Avoid>();
      md += fmt::format("- {}: {}\n", markdown_escaped(avoid.name), markdown_escaped(avoid.reason));
    }
    md += "\n";
  }
  if (r.with_routine() && rules.advice.expected_course)
    md += markdown_escaped(rules.advice.expected_course->text) + "\n\n";
  if (!r.watch_for.empty()) {
    md += "**" + markdown_escaped(rules.derived_fact(rules.roles.watch_for).title) + "**\n\n";
    for (const Item* item : r.watch_for) {
      const auto& entry = item->as<ruleset::WatchFor>();
      std::vector<std::string> signs;
      for (const auto& sign : entry.signs) signs.push_back(markdown_escaped(sign));
      md += fmt::format("- **{}**{}: {}\n", markdown_escaped(entry.label),
                        entry.when.empty() ? "" : " (" + markdown_escaped(entry.when) + ")",
                        fmt::join(signs, "; "));
    }
    md += "\n";
  }
  return md + "*" + markdown_escaped(rules.disclaimer) + "*";
}

// The same report always gets the same card id (RFC 9562 version 8, the
// custom layout), so repeated runs and tests compare equal: two FNV-1a
// hashes of the report, 64 bits each from its own offset basis. Worked out
// in one pass: each hash waits on its own multiplication a byte, and the
// two, side by side, take the time of one (the report is 12 KB).
std::string card_uuid(std::string_view content) {
  std::uint64_t high = 0xcbf29ce484222325ULL, low = 0x84222325cbf29ce4ULL;
  for (unsigned char c : content) {
    high = (high ^ c) * 0x100000001b3ULL;
    low = (low ^ c) * 0x100000001b3ULL;
  }
  high = (high & ~0xF000ULL) | 0x8000ULL;            // version 8
  low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // variant 10
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                     high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
}

}  // namespace

void write_cds_hooks(const Report& r, const JsonReportWriter& json, JsonOut& out,
                     std::string_view id) {
  std::string content;
  JsonOut compact(content, -1);
  json.write(r, compact);
  out.begin_object();
  if (!id.empty()) out.key("id"), out.raw(id);
  out.key("cards");
  out.begin_array();
  out.begin_object();
  out.key("uuid"), out.string(card_uuid(content));
  out.key("summary"), out.string(summary(r));
  out.key("indicator"), out.string(r.level->as<ruleset::Level>().cds);
  out.key("detail"), out.string(detail(r));
  out.key("source");
  out.begin_object();
  out.key("label"), out.string(r.rules->format_word(W::CardSource, fmt::arg("id", r.rules->id),
                                                    fmt::arg("version", r.rules->version)));
  out.end_object();
  out.end_object();
  out.end_array();
  out.end_object();
}

std::string render_cds_hooks(const Report& report, int indent) {
  std::string text;
  JsonOut out(text, indent);
  write_cds_hooks(report, JsonReportWriter(*report.rules, JsonReportWriter::Uses::Once), out);
  return text;
}

}  // namespace backtriage::report
