#pragma once
// Where the loader finds a rule file's locale overlays: the files its
// `locales` names, beside the rule file (a name there is relative to the
// file, not to where the command runs), or, for the rules built into the
// binary, the overlays built in with them. A run, `check` and the build tool
// that compiles the embedded rules all read them here, so that each finds an
// overlay, and names it in a message, the same way.
#include <filesystem>
#include <optional>
#include <string>

#include "ruleset/locale.h"
#include "ruleset/localize.h"

namespace backtriage::ruleset {

// How messages name an overlay read from beside a rule file: by its path, or
// as a run names the embedded rules' overlays ("<embedded>/FILE"), for the
// build tool that compiles those from the files they are made from, so that
// every location comes out the same whichever way the rules were read.
enum class OverlayNames { Path, Embedded };

// The overlays beside `rule_file`. One that cannot be read says why as the
// system does ("No such file or directory"); one larger than a command's
// input may be is refused unread.
LocaleRequest overlays_beside(const std::filesystem::path& rule_file,
                              std::optional<LocaleTag> wanted,
                              OverlayNames names = OverlayNames::Path);

// The overlays built in with the embedded rules (embedded_overlay_text).
LocaleRequest embedded_overlays(std::optional<LocaleTag> wanted);

// The overlays of the rule file at `path`, or of the embedded rules when it
// is empty (as `--rules` is when not given).
LocaleRequest overlays_of(const std::string& path, std::optional<LocaleTag> wanted);

}  // namespace backtriage::ruleset
