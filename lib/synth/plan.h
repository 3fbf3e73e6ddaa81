// Why: generation has two steps. The plan decides *what happens* (who signs
// in to what, when, with which code; audit events; tickets) as compact
// events; writers then render the plan in each export shape. Counts for
// EXPECTED.json come from the plan, not from re-reading the output.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/scenario.h"
#include "synth/world.h"
#include "util/time.h"

namespace idt::synth {

enum class SigninKind : std::uint8_t { interactive, non_interactive, service_principal, managed_identity };

inline constexpr std::uint8_t kNoPolicy = 0xff;

struct SigninEv {
  Micros t = 0;
  std::uint32_t seq = 0;  // creation order: the tie-break that makes sorting total
  std::uint32_t who = 0;  // user index, or service principal index
  std::uint32_t ip = 0;   // World::ips index
  std::int32_t code = 0;
  std::uint16_t app = 0;  // catalog app index (user sign-ins)
  SigninKind kind = SigninKind::interactive;
  std::uint8_t mfa_detail = 0;         // mfa_denial_details index (500121)
  std::int8_t client = -1;             // other_clients index (-1 = the user's own device)
  std::uint8_t ca_policy = kNoPolicy;  // catalog CA policy that decided a block
  std::uint64_t corr = 0;              // correlation seed shared by one flow (0 = own)
};

enum class AuditType : std::uint8_t {
  reg_started,
  reg_registered,
  reg_registered_all,
  reg_cancelled,
  background,
  change,
};

// How Entra logs each registration step (service "Authentication Methods"):
// the writer and the expected classes read the same names.
inline constexpr std::string_view kAuthMethodsService = "Authentication Methods";
constexpr std::string_view registration_activity(AuditType t) {
  switch (t) {
    case AuditType::reg_started:
      return "User started security info registration";
    case AuditType::reg_registered:
      return "User registered security info";
    case AuditType::reg_registered_all:
      return "User registered all required security info";
    default:
      return "User canceled security info registration";
  }
}

struct AuditEv {
  Micros t = 0;
  std::uint32_t seq = 0;
  AuditType type = AuditType::background;
  std::uint32_t user = 0;  // the user acting / targeted
  std::uint32_t ip = 0;
  std::uint16_t detail = 0;  // method index (registration) or background_audit index
  const AuditChange* change = nullptr;
  std::uint64_t corr = 0;
};

struct TicketEv {
  Micros t = 0;
  std::uint32_t seq = 0;
  const TicketTemplate* tpl = nullptr;
  std::uint32_t user = 0;
  std::uint8_t state = 0;  // ticket_states index
};

// What one episode (burst, override, wave, change, ticket wave) produced.
struct EpisodeCount {
  std::string part, kind, label;
  Window window;
  std::uint64_t signins = 0, audit = 0, tickets = 0;
};

struct CaEnforced {
  std::uint8_t policy = kNoPolicy;
  Micros from = 0, to = 0;
};

struct Plan {
  Micros day_start = 0;
  std::vector<SigninEv> signins;  // sorted by (t, seq)
  std::vector<AuditEv> audits;    // sorted by (t, seq)
  std::vector<TicketEv> tickets;  // sorted by (t, seq)
  std::vector<const HealthSpec*> health;
  std::vector<EpisodeCount> episodes;
  std::vector<CaEnforced> ca_enforced;
  std::uint32_t victim = 0;
  std::vector<std::uint32_t> accounts;  // break-glass accounts (World indexes), Scenario::breakglass order
  int days = 1;
};

Plan make_plan(const Scenario& sc, World& world, std::uint64_t seed, Micros day_start);

inline Micros at_minute(Micros day_start, int minute) {
  return day_start + static_cast<Micros>(minute) * 60 * kMicrosPerSecond;
}

}  // namespace idt::synth
