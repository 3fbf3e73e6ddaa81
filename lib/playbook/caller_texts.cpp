// Why: see caller_texts.h. Edit the texts here; `idtriage user` and
// docs/user-json.md follow.
#include "playbook/caller_texts.h"

#include <fmt/format.h>

#include "playbook/playbook.h"

namespace idt {
namespace {

constexpr CallerPlaceholder kPlaceholders[] = {
    {"incident", "identity health issue id covering them, else the finding's, else 'no provider notice yet'",
     "MO1329260"},
    {"finding", "id of the finding that covers them", "F1"},
    {"window", "that finding's episode", "05:45-09:45 UTC"},
    {"count", "their failed sign-ins in the inputs", "7"},
    {"bad_passwords", "their wrong-password sign-ins", "12"},
    {"app", "app of their latest failure (else latest sign-in)", "My Signins"},
    {"time", "time of that sign-in", "2026-06-01T07:42:10Z"},
    {"code", "its error code", "50053"},
    {"reason", "its classification reason", "locked"},
    {"last_ok", "their latest successful sign-in", "2026-06-01T07:30:02Z (Microsoft Teams)"},
    {"ip", "the IP most of their failures came from", "203.0.113.9"},
    {"ip_note", "whether that is the IP their successful sign-ins come from", "not their usual IP 198.51.100.7"},
    {"signins", "their sign-ins in the inputs", "23"},
    {"reg_last", "their latest registration event and its time", "registration_started at 2026-06-01T08:48:00Z"},
};

// One row per situation, in CallerSituation order (checked below).
constexpr CallerText kTexts[] = {
    {CallerSituation::provider_portal_outage,
     "registration failed because the security-info portal is down at the provider ({incident}, finding {finding}, "
     "{window}): do not reset their methods; tell them to keep Authenticator and retry after the incident is resolved",
     "This is a problem at Microsoft with the page for setting up sign-in methods, not with your account. Keep "
     "Microsoft Authenticator and your current methods as they are, don't delete anything, and try again after we "
     "tell you it is fixed.",
     "do not reset or re-register their methods, do not change Conditional Access for them"},
    {CallerSituation::provider_auth_outage,
     "their sign-ins fail with service errors during a provider-side authentication incident ({incident}, finding "
     "{finding}, {window}): nothing is wrong with the account; attach the ticket to the incident",
     "Microsoft's sign-in service is having a problem right now; your account and password are fine. Please try "
     "again later; we will let you know when it is fixed.",
     "do not reset their password or methods"},
    {CallerSituation::tenant_policy_block,
     "a Conditional Access change in our tenant blocks them (finding {finding}, {window}, last at {time} on {app}): "
     "escalate to the identity admins who own the change, do not exclude the user by hand",
     "Your sign-in is blocked by a recent change on our side. We have passed it to the team that made it; you don't "
     "need to do anything, and we will call you back.",
     "do not add the user to a policy exclusion as a workaround"},
    {CallerSituation::registration_blocked,
     "their MFA registration is blocked by policy (finding {finding}, {window}; last {code} on {app}): check the "
     "registration policy and trusted locations before anything else",
     "Setting up your sign-in methods is being blocked by a setting on our side. We are looking at it; please don't "
     "retry until we call you back.",
     "do not reset their methods"},
    {CallerSituation::password_spray,
     "their account is among those targeted by a password spray from {ip} (finding {finding}): verify identity, "
     "check their recent successful sign-ins, do not just unlock",
     "Someone has been trying to guess passwords for accounts here, including yours. Before we go on I need to check "
     "your identity; never give your password or a code to anyone who calls or mails you.",
     "do not unlock or reset before verifying identity"},
    {CallerSituation::mfa_fatigue,
     "they received repeated MFA prompts they may not have started (finding {finding}): treat as a possible "
     "compromise, verify identity and escalate to security",
     "If you get a sign-in approval request you did not start, deny it and tell us. Don't approve anything you "
     "didn't start, even to make the prompts stop.",
     "do not tell them to approve prompts to make them stop"},
    {CallerSituation::lockout_wave,
     "their account is locked ({bad_passwords} wrong passwords, last from {ip}, {ip_note}) during a lockout wave "
     "(finding {finding}): verify identity; have them update saved passwords on every device before unlocking",
     "Your account was locked after too many wrong passwords, often from an old password saved on a phone or second "
     "device. Please update or remove the saved password on each device; the lock lifts by itself after a few "
     "minutes.",
     "do not unlock before verifying identity"},
    {CallerSituation::outage_phishing,
     "they reported a message during outage-themed phishing (finding {finding}): hand over to security; check they "
     "did not enter credentials",
     "Thank you for reporting it. Please don't click the link or reply; if you entered your password or a code, tell "
     "me now so we can secure your account.",
     "do not tell them the message is harmless before security has looked"},
    {CallerSituation::campaign_overload,
     "their registration failed while a registration campaign overloads the service (finding {finding}, {window}): "
     "put them on the follow-up list for after the campaign pause",
     "The setup page is busy because many people are registering at once. Please stop for now; we will tell you "
     "when to try again.",
     "do not reset their methods"},
    {CallerSituation::breakglass_stale,
     "this is an emergency-access account that has not signed in recently (finding {finding}): the identity team "
     "must test it under the break-glass procedure",
     "This account is an emergency-access account; it is handled by the identity team under a separate procedure.",
     "do not reset or change it over the phone"},
    {CallerSituation::breakglass_used,
     "this emergency-access account was used (finding {finding}, last at {time}): alert the security team now",
     "This account is an emergency-access account; I am passing your call to the security team right away.",
     "do not reset or change it over the phone"},
    {CallerSituation::locked,
     "their account is locked after {bad_passwords} wrong passwords from {ip} ({ip_note}): verify identity before "
     "unlocking",
     "Your account is locked after several wrong passwords. Once I have verified who you are we will unlock it; "
     "then update the password saved on your phone and other devices.",
     "do not unlock before verifying identity"},
    {CallerSituation::disabled,
     "their account is disabled in the directory (last {code} at {time} on {app}): check with their manager or HR "
     "before enabling",
     "Your account is currently disabled. I need to check with your manager before we can enable it again.",
     "do not enable the account without approval"},
    {CallerSituation::mfa_failed,
     "their MFA step failed ({reason}, last at {time} on {app}): check the phone and Authenticator with them; if they "
     "did not start the sign-ins, treat as possible compromise",
     "Your second sign-in step didn't go through. Let's check your phone and the Authenticator app together; if you "
     "got a request you didn't start, deny it.",
     "do not delete their methods to 'start fresh'"},
    {CallerSituation::registration_failed,
     "their security-info registration did not complete (last event: {reg_last}): have them retry once while you "
     "watch; escalate with the time and correlation id if it fails again",
     "Setting up your sign-in method didn't finish. Let's try once more together; if it fails again I'll pass it to "
     "the identity team with the details.",
     "do not reset their existing methods"},
    {CallerSituation::ca_blocked,
     "a Conditional Access policy blocks them (last {code} at {time} on {app}, from {ip}): check location, device "
     "and app against the policy; not a password problem",
     "Your sign-in is blocked by a security rule, usually because of the device, network or app you are using. "
     "Please tell me which device and network you are on.",
     "do not exclude them from the policy by hand"},
    {CallerSituation::bad_password,
     "{bad_passwords} wrong passwords, last from {ip} ({ip_note}) at {time}: verify identity, then a password "
     "reset if they forgot it",
     "The password entered doesn't match. After I verify who you are, we can reset it; remember to update it on "
     "your phone afterwards.",
     "do not reset before verifying identity"},
    {CallerSituation::service_error,
     "{count} of their sign-ins failed with service errors (last {code} at {time} on {app}) but no provider finding "
     "covers it: note the time and correlation id, retry later, escalate if it persists",
     "Microsoft's service returned an error when you signed in; your account looks fine. Please try again in a few "
     "minutes and call back if it keeps failing.",
     "do not reset their password or methods"},
    {CallerSituation::other_failure,
     "{count} failed sign-ins (last {code}, {reason}, at {time} on {app}): look the code up with `idtriage explain "
     "{code}`",
     "I can see your sign-in failing; let me look at the exact error and get back to you.",
     "do not reset anything until the error is understood"},
    {CallerSituation::all_ok,
     "their {signins} sign-ins in these inputs show no failure (last success {last_ok}): ask what they see now and "
     "when; the problem may be outside these logs",
     "Your sign-ins look fine on our side. Can you tell me exactly what you see and when it happened?",
     "do not reset anything on a working account"},
    {CallerSituation::no_records,
     "no sign-ins or registration events for them in these inputs: check the name and the time range, or the "
     "source of the logs; this is not an all-clear",
     "I can't see your sign-in attempts yet; let me check a few details with you.",
     "do not conclude the account is fine"},
};
static_assert(std::size(kTexts) == kCallerSituationCount, "one caller text per CallerSituation");
constexpr bool in_order() {
  for (std::size_t i = 0; i < std::size(kTexts); ++i)
    if (static_cast<std::size_t>(kTexts[i].situation) != i) return false;
  return true;
}
static_assert(in_order(), "caller texts in CallerSituation order");

std::vector<std::pair<std::string, std::string>> sample_values() {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& p : kPlaceholders) v.emplace_back(p.name, p.sample);
  return v;
}

}  // namespace

std::span<const CallerText> caller_texts() { return kTexts; }
const CallerText& caller_text(CallerSituation s) { return kTexts[static_cast<std::size_t>(s)]; }
std::span<const CallerPlaceholder> caller_placeholders() { return kPlaceholders; }

std::vector<std::string> caller_text_errors() {
  std::vector<std::string> errs;
  const auto samples = sample_values();
  for (const auto& t : kTexts) {
    for (std::string_view text : {t.diagnosis, t.say, t.do_not}) {
      if (text.empty()) errs.push_back(fmt::format("{}: empty text", name(t.situation)));
      for (const auto& p : template_placeholders(text)) {
        bool known = false;
        for (const auto& k : kPlaceholders) known |= k.name == p;
        if (!known) errs.push_back(fmt::format("{}: unknown placeholder {{{}}}", name(t.situation), p));
      }
      std::string filled = fill_template(text, samples);
      if (filled.find('{') != std::string::npos)
        errs.push_back(fmt::format("{}: '{}' keeps a placeholder", name(t.situation), filled));
    }
  }
  return errs;
}

void write_caller_texts(CallerCase& c) {
  const CallerText& t = caller_text(c.situation);
  c.diagnosis = fill_template(t.diagnosis, c.values);
  c.say = fill_template(t.say, c.values);
  c.do_not.clear();
  c.do_not.emplace_back(t.do_not);
  if (static_cast<std::size_t>(c.situation) < kFindingKindCount)
    if (const Playbook* pb = find_playbook(static_cast<FindingKind>(c.situation)))
      for (std::size_t i = 0; i < pb->do_not.size() && i < 2; ++i) c.do_not.push_back(pb->do_not[i]);
}

}  // namespace idt
