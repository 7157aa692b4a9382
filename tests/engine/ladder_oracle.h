#pragma once
// The contract's ladder and the states of an answer, restated for the
// safety tests' oracles (DESIGN.md, "Triage"): written here from the
// contract, never read from the rule set, so that a drift of either shows.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace backtriage::safety {

// The ladder, most urgent first; "incomplete" is not on it.
inline const std::vector<std::string> kLadder{"ambulance", "emergency", "urgent",
                                              "soon",      "doctor",    "self_care"};
enum Step { kAmbulance, kEmergency, kUrgent, kSoon, kDoctor, kSelfCare, kIncomplete };
inline bool gives_routine(int step) {
  return step == kDoctor || step == kSelfCare;
}
inline std::string step_name(int step) {
  return step == kIncomplete ? "incomplete" : kLadder[step];
}

// How a yes/no/unsure question was answered, or not.
enum class Said : std::uint8_t { Unanswered, No, Yes, Unsure };
inline constexpr std::array<Said, 4> kSaid{Said::Unanswered, Said::No, Said::Yes, Said::Unsure};

}  // namespace backtriage::safety
