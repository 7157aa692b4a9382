#include "report/render_cds_hooks.h"

#include <fmt/format.h>

#include <cstdint>

#include "report/render_json.h"

namespace backtriage::report {

namespace {

// The spec asks for a summary of fewer than 140 characters.
constexpr std::size_t kMaxSummary = 139;

std::string indicator(const std::string& level) {
  if (level == "emergency") return "critical";
  if (level == "self_care") return "info";
  return "warning";  // doctor, incomplete, and any level a rule set adds
}

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

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string summary(const Report& r) {
  if (r.level == "emergency") {
    std::vector<std::string> labels;
    for (const auto& f : r.red_flags) labels.push_back(f.label);
    std::string full = r.level_label + ": " + joined(labels, "; ");
    if (code_points(full) <= kMaxSummary) return full;
    return shortened(fmt::format("{}: {} warning signs", r.level_label, r.red_flags.size()));
  }
  if (r.level == "incomplete")
    return shortened(fmt::format("{}: {} question{} still to answer", r.level_label,
                                 r.unanswered.size(), r.unanswered.size() == 1 ? "" : "s"));
  std::vector<std::string> pain;
  if (r.duration) pain.push_back(*r.duration);
  if (r.pain_type) pain.push_back(*r.pain_type);
  std::string text = r.level_label;
  if (!pain.empty()) text += ": " + joined(pain, " ") + " back pain";
  if (r.region) text += ", region " + *r.region;
  if (r.has_routine()) text += fmt::format("; home routine of {} exercises", r.routine.size());
  return shortened(text);
}

// Rule-file text is prose, not Markdown: keep its characters literal.
std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string care_text(const std::string& care) {
  if (care == "emergency_department") return "go to an emergency department (A&E) now";
  if (care == "same_day") return "see a doctor today";
  return escaped(care);
}

std::string detail(const Report& r) {
  std::string md = escaped(r.level_advice) + "\n\n";
  if (!r.red_flags.empty()) {
    md += "**Red flags**\n\n";
    for (const auto& f : r.red_flags)
      md += fmt::format("- **{}**: {}\n", escaped(f.label), care_text(f.care));
    md += "\n";
  }
  if (r.level == "incomplete" || (r.red_flags.empty() && !r.unanswered.empty())) {
    std::vector<std::string> ids;
    for (const auto& id : r.unanswered) ids.push_back("`" + id + "`");
    md += "**Still to answer:** " + joined(ids, ", ") + "\n\n";
  }
  if (r.has_routine()) {
    md += "**Home routine**";
    if (r.frequency) md += " (" + escaped(r.frequency->text) + ")";
    md += "\n\n";
    for (const auto& item : r.routine)
      md += fmt::format("- {} ({} back): {}\n", escaped(item.name), escaped(item.region),
                        escaped(item.purpose));
    md += "\n**Avoid**\n\n";
    for (const auto& item : r.avoid)
      md += fmt::format("- {}: {}\n", escaped(item.name), escaped(item.reason));
    md += "\n";
    if (r.expected_course) md += escaped(r.expected_course->text) + "\n\n";
  }
  return md + "*" + escaped(r.disclaimer) + "*";
}

// FNV-1a, 64 bits, from a chosen offset basis.
std::uint64_t fnv1a(const std::string& text, std::uint64_t hash) {
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

// The same report always gets the same card id (RFC 9562 version 8, the
// custom layout), so repeated runs and tests compare equal.
std::string card_uuid(const Report& r) {
  const std::string content = render_json(r, -1);
  std::uint64_t high = fnv1a(content, 0xcbf29ce484222325ULL);
  std::uint64_t low = fnv1a(content, 0x84222325cbf29ce4ULL);
  high = (high & ~0xF000ULL) | 0x8000ULL;            // version 8
  low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // variant 10
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                     high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
}

}  // namespace

nlohmann::ordered_json to_cds_hooks(const Report& r) {
  nlohmann::ordered_json card{
      {"uuid", card_uuid(r)},
      {"summary", summary(r)},
      {"indicator", indicator(r.level)},
      {"detail", detail(r)},
      {"source",
       {{"label", fmt::format("backtriage ({} rules {})", r.ruleset_id, r.ruleset_version)}}}};
  return {{"cards", nlohmann::ordered_json::array({std::move(card)})}};
}

std::string render_cds_hooks(const Report& report, int indent) {
  return to_cds_hooks(report).dump(indent, ' ', false,
                                   nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace backtriage::report
