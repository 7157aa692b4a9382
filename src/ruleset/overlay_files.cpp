#include "ruleset/overlay_files.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "ruleset/loader.h"

namespace backtriage::ruleset {

namespace {

// The most a command reads of any input (cli/input_file.h's kMaxInputBytes):
// an overlay past it is refused in the words read_input uses.
constexpr std::size_t kMaxOverlayBytes = 64 * 1024 * 1024;

// The whole of the file at `path`, or none with `why` as the system says it.
std::optional<std::string> read_file(const std::string& path, std::string& why) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    if (text.size() + n > kMaxOverlayBytes) {
      why = fmt::format("input is larger than {} MiB", kMaxOverlayBytes / (1024 * 1024));
      return std::nullopt;
    }
    text.append(buffer, n);
  }
  if (std::ferror(file.get())) {  // e.g. a directory: EISDIR
    why = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

}  // namespace

LocaleRequest overlays_beside(const std::filesystem::path& rule_file,
                              std::optional<LocaleTag> wanted, OverlayNames names) {
  LocaleRequest request;
  request.wanted = std::move(wanted);
  const std::filesystem::path dir = rule_file.parent_path();
  request.read = [dir, names](const std::string& file, std::string& name,
                              std::string& why) -> std::optional<std::string> {
    std::string path = (dir / file).string();
    if (path == "-") path = "./-";  // as a command must open a file named -
    name = names == OverlayNames::Embedded ? "<embedded>/" + file : path;
    return read_file(path, why);
  };
  return request;
}

LocaleRequest embedded_overlays(std::optional<LocaleTag> wanted) {
  LocaleRequest request;
  request.wanted = std::move(wanted);
  request.read = [](const std::string& file, std::string& name,
                    std::string& why) -> std::optional<std::string> {
    name = "<embedded>/" + file;
    const auto text = embedded_overlay_text(file);
    if (!text) why = "no overlay of that name is built in";
    return text ? std::optional<std::string>(*text) : std::nullopt;
  };
  return request;
}

LocaleRequest overlays_of(const std::string& path, std::optional<LocaleTag> wanted) {
  return path.empty() ? embedded_overlays(std::move(wanted))
                      : overlays_beside(path, std::move(wanted));
}

}  // namespace backtriage::ruleset
