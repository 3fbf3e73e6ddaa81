// Why: the detector functions the rule table (rules.cpp) points to, one per
// finding kind (break-glass: one for both of its kinds). Each reads its
// numbers from the rule it is called with.
#pragma once
#include "correlate/rules.h"

namespace idt {

void detect_portal_outage(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_auth_outage(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_tenant_block(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_registration_blocked(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_password_spray(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_mfa_fatigue(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_lockout_wave(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_outage_phishing(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_campaign_overload(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_breakglass_used(const DetectorRule&, const DetectContext&, TriageReport&);
void detect_breakglass_stale(const DetectorRule&, const DetectContext&, TriageReport&);

// Whether an IP's credential failures look like a spray under the rule.
struct IpFailures;
bool is_spray_ip(const DetectorRule& spray, const IpFailures& f);

}  // namespace idt
