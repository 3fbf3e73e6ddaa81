// Why: renders planned sign-ins as Entra writes them — Event Hub records
// (top-level time/category/resultType… plus a Graph-like `properties`) or a
// Graph auditLogs/signIns response — with authentication details, MFA
// detail and Conditional Access results consistent with each error code.
#include <array>
#include <vector>

#include "synth/catalog.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace idt::synth {
namespace {

constexpr std::string_view kCategory[] = {"SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs",
                                          "ManagedIdentitySignInLogs"};
constexpr std::string_view kEventType[] = {"interactiveUser", "nonInteractiveUser", "servicePrincipal",
                                           "managedIdentity"};

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Pre-rendered fragments, built once per write.
struct Fragments {
  std::vector<std::string> location;  // per city: "location":{…}
  std::vector<std::string> device;    // per user: "deviceDetail":{…},"clientAppUsed":…,"userAgent":…
  std::vector<std::string> other_device;
  std::vector<std::string> app;       // per app: "appId":…,"appDisplayName":…
  std::vector<std::string> resource;  // per app: "resourceDisplayName":…,"resourceId":…
  std::vector<std::string> ip;        // per ip: quoted address
  std::vector<std::string> ca_head;   // per CA policy: {"id":…,"displayName":…,
};

void kv(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  append_jstr(out, value);
}

Fragments build_fragments(const World& world) {
  Fragments f;
  for (const auto& c : cities()) {
    std::string s = "\"location\":{";
    kv(s, "city", c.city);
    s += ',';
    kv(s, "state", c.state);
    s += ',';
    kv(s, "countryOrRegion", c.country);
    s += ",\"geoCoordinates\":{\"latitude\":";
    s += c.lat;
    s += ",\"longitude\":";
    s += c.lon;
    s += "}}";
    f.location.push_back(std::move(s));
  }
  auto device = [](std::string_view id, std::string_view name, const auto& d, bool managed) {
    std::string s = "\"deviceDetail\":{";
    kv(s, "deviceId", id);
    s += ',';
    kv(s, "displayName", name);
    s += ',';
    kv(s, "operatingSystem", d.os);
    s += ',';
    kv(s, "browser", d.browser);
    s += managed ? ",\"isCompliant\":true,\"isManaged\":true,\"trustType\":\"Azure AD joined\"}"
                 : ",\"isCompliant\":false,\"isManaged\":false,\"trustType\":\"\"}";
    s += ',';
    kv(s, "clientAppUsed", d.client_app);
    s += ',';
    kv(s, "userAgent", d.user_agent);
    return s;
  };
  f.device.reserve(world.users.size());
  for (const auto& u : world.users)
    f.device.push_back(device(u.device_id, u.device_name, devices()[u.device], u.managed));
  for (const auto& a : other_clients()) f.other_device.push_back(device("", "", a, false));
  for (const auto& a : apps()) {
    std::string s;
    kv(s, "appId", a.id);
    s += ',';
    kv(s, "appDisplayName", a.name);
    f.app.push_back(std::move(s));
    s.clear();
    kv(s, "resourceDisplayName", a.resource_name);
    s += ',';
    kv(s, "resourceId", a.resource_id);
    f.resource.push_back(std::move(s));
  }
  f.ip.reserve(world.ips.size());
  for (const auto& ip : world.ips) {
    std::string s;
    append_jstr(s, ip.addr);
    f.ip.push_back(std::move(s));
  }
  for (const auto& p : ca_policies()) {
    std::string s = "{";
    kv(s, "id", p.id);
    s += ',';
    kv(s, "displayName", p.name);
    s += ',';
    f.ca_head.push_back(std::move(s));
  }
  return f;
}

struct Step {
  std::string_view method, method_detail, result, requirement;
  bool ok;
};

constexpr std::string_view kPrimary = "Primary authentication", kMfa = "Multi-factor authentication";
constexpr Step kPrevFirst{"Previously satisfied", "", "First factor requirement satisfied by claim in the token",
                          kPrimary, true};
constexpr Step kPrevMfa{"Previously satisfied", "", "MFA requirement satisfied by claim in the token", kMfa, true};
constexpr Step kPwdOk{"Password", "Password in the cloud", "Correct password", kPrimary, true};
constexpr Step kPushOk{"Mobile app notification", "", "MFA successfully completed", kMfa, true};

struct Auth {
  std::array<Step, 2> steps{};
  int n = 0;
  bool push = false;   // mfaDetail = Mobile app notification
  bool multi = false;  // authenticationRequirement
};

Auth auth_for(std::int64_t code, bool interactive, int variant, std::string_view mfa_detail) {
  Auth a;
  auto add = [&](Step s) { a.steps[static_cast<std::size_t>(a.n++)] = s; };
  switch (code) {
    case 0:
      if (interactive && variant % 2 == 0) {
        add(kPwdOk);
        add(kPushOk);
        a.push = a.multi = true;
      } else {
        add(kPrevFirst);
        if (variant >= 2) {
          add(kPrevMfa);
          a.multi = true;
        }
      }
      break;
    case 50126:
      add({"Password", "Password in the cloud",
           "Invalid username or password or Invalid on-premise username or password.", kPrimary, false});
      break;
    case 50053:
      add({"Password", "Password in the cloud", "Account is locked", kPrimary, false});
      break;
    case 50140:
      add(kPwdOk);
      add(kPrevMfa);
      a.multi = true;
      break;
    case 50074:
    case 50076:
      add(variant % 2 ? kPrevFirst : kPwdOk);
      add({"Mobile app notification", "", "MFA required in Azure AD", kMfa, false});
      a.push = a.multi = true;
      break;
    case 500121:
      add(kPwdOk);
      add({"Mobile app notification", "", mfa_detail, kMfa, false});
      a.push = a.multi = true;
      break;
    case 50158:
      add(kPwdOk);
      add({"Redirected to external provider", "", "External security challenge not satisfied", kMfa, false});
      a.multi = true;
      break;
    case 50072:
    case 50079:
      add(kPwdOk);
      add({"", "", "User needs to perform multi-factor authentication registration", kMfa, false});
      a.multi = true;
      break;
    case 53004:
    case 53010:
      add(kPwdOk);
      a.multi = true;
      break;
    default:
      add(variant % 2 ? kPrevFirst : kPwdOk);
  }
  return a;
}

class SigninRenderer {
 public:
  SigninRenderer(const Plan& plan, const World& world, SigninShape shape, std::uint64_t seed)
      : plan_(plan), world_(world), shape_(shape), rng_(Rng(seed).fork(900)), f_(build_fragments(world)) {
    compliant_ = static_cast<std::uint8_t>(ca_policy_index("compliant_all"));
    mfa_all_ = static_cast<std::uint8_t>(ca_policy_index("mfa_all"));
    legacy_ = static_cast<std::uint8_t>(ca_policy_index("legacy"));
  }

  void write(std::string& out) {
    const auto& ev = plan_.signins;
    if (shape_ == SigninShape::eventhub) {
      out.reserve(out.size() + ev.size() * 3400);
      for (const auto& e : ev) {
        record(out, e);
        out += '\n';
      }
      return;
    }
    out.reserve(out.size() + ev.size() * 3400 + 200);
    out += "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[\n";
    // The Graph API lists newest first.
    for (std::size_t i = ev.size(); i-- > 0;) {
      record(out, ev[i]);
      if (i) out += ",\n";
    }
    out += "\n]}\n";
  }

 private:
  bool enforced(std::uint8_t policy, Micros t) const {
    for (const auto& c : plan_.ca_enforced)
      if (c.policy == policy && t >= c.from && t < c.to) return true;
    return false;
  }

  void policy(std::string& out, std::uint8_t p, std::string_view result, bool& first) {
    if (!first) out += ',';
    first = false;
    out += f_.ca_head[p];
    const bool enforced_result = result == "success" || result == "failure";
    out += "\"enforcedGrantControls\":";
    out += enforced_result ? ca_policies()[p].grant : "[]";
    out += ",\"enforcedSessionControls\":[],\"result\":\"";
    out += result;
    out += "\"}";
  }

  // appliedConditionalAccessPolicies; returns conditionalAccessStatus.
  std::string_view policies(std::string& out, const SigninEv& e, bool managed) {
    out += "\"appliedConditionalAccessPolicies\":[";
    bool first = true, any_fail = false, any_ok = false;
    auto note = [&](std::string_view r) {
      any_fail |= r == "failure";
      any_ok |= r == "success";
      return r;
    };
    const bool interactive = e.kind == SigninKind::interactive;
    std::string_view mfa = "notApplied";
    if (e.code == 0)
      mfa = "success";
    else if (interactive && (e.code == 50074 || e.code == 50076 || e.code == 500121 || e.code == 50158))
      mfa = "failure";
    // The policy that decided a block (e.ca_policy) fails; the others show
    // what they would do.
    const bool blocked = e.code == 53003 || e.code == 53010;
    auto decided = [&](std::uint8_t p) { return blocked && e.ca_policy == p; };
    policy(out, mfa_all_, note(decided(mfa_all_) ? "failure" : mfa), first);
    policy(out, legacy_, note(decided(legacy_) ? "failure" : "notApplied"), first);
    std::string_view comp;
    if (decided(compliant_))
      comp = "failure";
    else if (enforced(compliant_, e.t))
      comp = managed ? "success" : "notApplied";
    else
      comp = managed ? "reportOnlySuccess" : "reportOnlyFailure";
    policy(out, compliant_, note(comp), first);
    if (e.ca_policy != kNoPolicy && e.ca_policy != compliant_ && e.ca_policy != legacy_ && e.ca_policy != mfa_all_)
      policy(out, e.ca_policy, note("failure"), first);
    out += ']';
    return any_fail ? "failure" : any_ok ? "success" : "notApplied";
  }

  void status(std::string& out, const SigninEv& e) {
    const bool graph = shape_ == SigninShape::graph;
    out += "\"status\":{\"errorCode\":";
    append_int(out, e.code);
    if (e.code == 0) {
      out += graph ? ",\"failureReason\":\"Other.\",\"additionalDetails\":null}" : "}";
      return;
    }
    const CodeText* ct = code_text(e.code);
    out += ",\"failureReason\":";
    append_jstr(out, ct ? ct->failure_reason : std::string_view("Other."));
    std::string_view details = ct ? ct->additional_details : std::string_view();
    if (e.code == 500121) details = mfa_denial_details()[e.mfa_detail];
    if (!details.empty()) {
      out += ",\"additionalDetails\":";
      append_jstr(out, details);
    } else if (graph) {
      out += ",\"additionalDetails\":null";
    }
    out += '}';
  }

  void common_head(std::string& out, const std::string& id, std::string_view created_suffix, Micros t, int tick) {
    out += "{\"id\":\"";
    out += id;
    out += "\",\"createdDateTime\":\"";
    append_time7(out, t, tick, created_suffix);
    out += '"';
  }

  void token_id(std::string& out) {
    out += "\"uniqueTokenIdentifier\":\"";
    for (int i = 0; i < 22; ++i) out += kB64[rng_.below(64)];
    out += '"';
  }

  void user_props(std::string& out, const SigninEv& e, const std::string& id, const std::string& corr, int tick,
                  std::string_view suffix) {
    const User& u = world_.users[e.who];
    const IpAddr& ip = world_.ips[e.ip];
    const bool interactive = e.kind == SigninKind::interactive;
    const int variant = static_cast<int>(rng_.below(4));
    const std::string_view mfa_detail = mfa_denial_details()[e.mfa_detail];
    const Auth a = auth_for(e.code, interactive, variant, mfa_detail);
    const bool own_device = e.client < 0;

    common_head(out, id, suffix, e.t, tick);
    out += ",\"userDisplayName\":";
    out += u.display_json;
    out += ",\"userPrincipalName\":";
    out += u.upn_json;
    out += ",\"userId\":\"";
    out += u.id;
    out += "\",";
    out += f_.app[e.app];
    out += ",\"ipAddress\":";
    out += f_.ip[e.ip];
    out += ',';
    out += own_device ? f_.device[e.who] : f_.other_device[static_cast<std::size_t>(e.client)];
    out += ",\"correlationId\":\"";
    out += corr;
    out += "\",\"originalRequestId\":\"";
    out += id;
    out += "\",\"isInteractive\":";
    out += interactive ? "true" : "false";
    out += ",\"tokenIssuerName\":\"\",\"tokenIssuerType\":\"AzureAD\",\"processingTimeInMilliseconds\":";
    append_uint(out, 40 + rng_.below(interactive ? 900 : 250));
    const bool risky = e.code == 53004;
    out += risky ? ",\"riskDetail\":\"none\",\"riskLevelAggregated\":\"medium\",\"riskLevelDuringSignIn\":\"medium\","
                   "\"riskState\":\"atRisk\",\"riskEventTypes_v2\":[\"unfamiliarFeatures\"],"
                 : ",\"riskDetail\":\"none\",\"riskLevelAggregated\":\"none\",\"riskLevelDuringSignIn\":\"none\","
                   "\"riskState\":\"none\",\"riskEventTypes_v2\":[],";
    out += f_.resource[e.app];
    out += ",\"resourceTenantId\":\"";
    out += kTenantId;
    out += "\",\"homeTenantId\":\"";
    out += kTenantId;
    out += "\",\"userType\":\"Member\",\"authenticationRequirement\":\"";
    out += a.multi ? "multiFactorAuthentication" : "singleFactorAuthentication";
    out += "\",\"autonomousSystemNumber\":";
    append_int(out, ip.asn);
    out += ",\"incomingTokenType\":\"";
    out += interactive ? "none" : "refreshToken";
    out += "\",\"authenticationProtocol\":\"none\",";
    token_id(out);
    out += ',';
    status(out, e);
    out += ',';
    out += f_.location[static_cast<std::size_t>(ip.city)];
    out += ",\"mfaDetail\":";
    out += a.push ? "{\"authMethod\":\"Mobile app notification\",\"authDetail\":null}" : "{}";
    out += ',';
    std::string_view ca_status = policies(out, e, own_device && u.managed);
    out += ",\"conditionalAccessStatus\":\"";
    out += ca_status;
    out += "\",\"authenticationDetails\":[";
    for (int k = 0; k < a.n; ++k) {
      const Step& s = a.steps[static_cast<std::size_t>(k)];
      if (k) out += ',';
      out += "{\"authenticationStepDateTime\":\"";
      append_time7(out, e.t, tick, suffix);
      out += "\",";
      kv(out, "authenticationMethod", s.method);
      out += ',';
      kv(out, "authenticationMethodDetail", s.method_detail);
      out += ",\"succeeded\":";
      out += s.ok ? "true" : "false";
      out += ',';
      kv(out, "authenticationStepResultDetail", s.result);
      out += ',';
      kv(out, "authenticationStepRequirement", s.requirement);
      out += '}';
    }
    out += ']';
    if (shape_ == SigninShape::graph) {
      out += ",\"signInEventTypes\":[\"";
      out += kEventType[static_cast<int>(e.kind)];
      out += "\"]";
    }
    out += '}';
  }

  void sp_props(std::string& out, const SigninEv& e, const std::string& id, const std::string& corr, int tick,
                std::string_view suffix) {
    const ServicePrincipal& sp = world_.sps[e.who];
    const IpAddr& ip = world_.ips[e.ip];
    const SpResource& res = sp_resources()[static_cast<std::size_t>(sp.resource)];
    common_head(out, id, suffix, e.t, tick);
    out += ',';
    kv(out, "appId", sp.app_id);
    out += ',';
    kv(out, "appDisplayName", sp.name);
    out += ",\"ipAddress\":";
    out += f_.ip[e.ip];
    out += ",\"correlationId\":\"";
    out += corr;
    out += "\",\"originalRequestId\":\"";
    out += id;
    out += "\",\"isInteractive\":false,\"tokenIssuerType\":\"AzureAD\",\"processingTimeInMilliseconds\":";
    append_uint(out, 10 + rng_.below(120));
    out +=
        ",\"riskDetail\":\"none\",\"riskLevelAggregated\":\"none\",\"riskLevelDuringSignIn\":\"none\","
        "\"riskState\":\"none\",";
    kv(out, "resourceDisplayName", res.name);
    out += ',';
    kv(out, "resourceId", res.id);
    out += ",\"resourceTenantId\":\"";
    out += kTenantId;
    out += "\",\"homeTenantId\":\"";
    out += kTenantId;
    out += "\",";
    kv(out, "servicePrincipalId", sp.sp_id);
    out += ',';
    kv(out, "servicePrincipalName", sp.name);
    out += ",\"clientCredentialType\":\"";
    out += sp.managed_identity ? "managedIdentity" : "clientSecret";
    out += '"';
    if (sp.managed_identity) out += ",\"managedIdentityType\":\"userAssigned\"";
    out += ",\"autonomousSystemNumber\":";
    append_int(out, ip.asn);
    out += ",\"incomingTokenType\":\"none\",\"authenticationProtocol\":\"none\",";
    token_id(out);
    out += ',';
    status(out, e);
    out += ',';
    out += f_.location[static_cast<std::size_t>(ip.city)];
    out += ",\"conditionalAccessStatus\":\"notApplied\",\"appliedConditionalAccessPolicies\":[]";
    if (shape_ == SigninShape::graph) {
      out += ",\"signInEventTypes\":[\"";
      out += kEventType[static_cast<int>(e.kind)];
      out += "\"]";
    }
    out += '}';
  }

  void record(std::string& out, const SigninEv& e) {
    id_.clear();
    append_uuid(id_, rng_);
    corr_.clear();
    if (e.corr != 0) {
      Rng c(e.corr);
      append_uuid(corr_, c);
    } else {
      append_uuid(corr_, rng_);
    }
    const int tick = static_cast<int>(rng_.below(10));
    const bool user = e.kind == SigninKind::interactive || e.kind == SigninKind::non_interactive;
    if (shape_ == SigninShape::graph) {
      user ? user_props(out, e, id_, corr_, tick, "Z") : sp_props(out, e, id_, corr_, tick, "Z");
      return;
    }
    const IpAddr& ip = world_.ips[e.ip];
    out += "{\"time\":\"";
    append_time7(out, e.t, tick, "Z");
    out += "\",\"resourceId\":\"/tenants/";
    out += kTenantId;
    out +=
        "/providers/Microsoft.aadiam\",\"operationName\":\"Sign-in activity\",\"operationVersion\":\"1.0\","
        "\"category\":\"";
    out += kCategory[static_cast<int>(e.kind)];
    out += "\",\"tenantId\":\"";
    out += kTenantId;
    out += "\",\"resultType\":\"";
    append_int(out, e.code);
    out += "\",\"resultSignature\":\"None\"";
    if (e.code != 0) {
      const CodeText* ct = code_text(e.code);
      out += ",\"resultDescription\":";
      append_jstr(out, ct ? ct->failure_reason : std::string_view("Other."));
    }
    out += ",\"durationMs\":0,\"callerIpAddress\":";
    out += f_.ip[e.ip];
    out += ",\"correlationId\":\"";
    out += corr_;
    out += "\",\"identity\":";
    if (user)
      out += world_.users[e.who].display_json;
    else
      append_jstr(out, world_.sps[e.who].name);
    out += ",\"Level\":4,\"location\":\"";
    out += cities()[static_cast<std::size_t>(ip.city)].country;
    out += "\",\"properties\":";
    user ? user_props(out, e, id_, corr_, tick, "+00:00") : sp_props(out, e, id_, corr_, tick, "+00:00");
    out += '}';
  }

  const Plan& plan_;
  const World& world_;
  SigninShape shape_;
  Rng rng_;
  Fragments f_;
  std::string id_, corr_;
  std::uint8_t compliant_ = 0, mfa_all_ = 0, legacy_ = 0;
};

}  // namespace

void write_signins(std::string& out, const Plan& plan, const World& world, SigninShape shape, std::uint64_t seed) {
  SigninRenderer(plan, world, shape, seed).write(out);
}

}  // namespace idt::synth
