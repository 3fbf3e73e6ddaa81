// Why: renders planned audit events as a Graph auditLogs/directoryAudits
// response (newest first, like the API): security-info registration funnel
// events, tenant policy changes with their modified properties, and the
// background directory noise of a normal day.
#include <array>

#include "synth/catalog.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace idt::synth {
namespace {

constexpr std::string_view kAuthMethods = kAuthMethodsService;
constexpr std::array<std::string_view, 5> kGroups = {"All Staff", "Sales EMEA", "VPN Users", "Finance Readers",
                                                     "Project Falcon"};

void kv(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  append_jstr(out, value);
}

class AuditRenderer {
 public:
  AuditRenderer(const Plan& plan, const World& world, std::uint64_t seed)
      : plan_(plan), world_(world), rng_(Rng(seed).fork(901)) {}

  void write(std::string& out) {
    out.reserve(out.size() + plan_.audits.size() * 1100 + 200);
    out += "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits\",\"value\":[\n";
    for (std::size_t i = plan_.audits.size(); i-- > 0;) {
      record(out, plan_.audits[i]);
      if (i) out += ",\n";
    }
    out += "\n]}\n";
  }

 private:
  void id(std::string& out, std::string_view prefix, const std::string& corr) {
    static constexpr char kAlnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    out += "\"id\":\"";
    out += prefix;
    out += '_';
    out += corr;
    out += '_';
    for (int i = 0; i < 5; ++i) out += kAlnum[rng_.below(36)];
    out += '_';
    append_uint(out, 100000000 + rng_.below(900000000));
    out += '"';
  }

  void user_initiator(std::string& out, std::string_view id, const std::string& upn_json, std::string_view ip) {
    out += "\"initiatedBy\":{\"user\":{\"id\":\"";
    out += id;
    out += "\",\"displayName\":null,\"userPrincipalName\":";
    out += upn_json;
    out += ",\"ipAddress\":";
    append_jstr(out, ip);
    out += ",\"userType\":null,\"homeTenantId\":null,\"homeTenantName\":null},\"app\":null}";
  }

  void app_initiator(std::string& out, std::string_view name) {
    out += "\"initiatedBy\":{\"user\":null,\"app\":{\"appId\":null,";
    kv(out, "displayName", name);
    out += ",\"servicePrincipalId\":\"";
    append_uuid(out, rng_);
    out += "\",\"servicePrincipalName\":null}}";
  }

  void user_target(std::string& out, const User& u) {
    out += "\"targetResources\":[{\"id\":\"";
    out += u.id;
    out += "\",\"displayName\":";
    out += u.display_json;
    out += ",\"type\":\"User\",\"userPrincipalName\":";
    out += u.upn_json;
    out += ",\"groupType\":null,\"modifiedProperties\":[]}]";
  }

  void head(std::string& out, const AuditEv& e, std::string_view prefix, std::string_view category,
            std::string_view reason, std::string_view activity, std::string_view service, std::string_view op,
            const std::string& corr) {
    out += '{';
    id(out, prefix, corr);
    out += ',';
    kv(out, "category", category);
    out += ",\"correlationId\":\"";
    out += corr;
    out += "\",\"result\":\"success\",";
    kv(out, "resultReason", reason);
    out += ',';
    kv(out, "activityDisplayName", activity);
    out += ",\"activityDateTime\":\"";
    append_time7(out, e.t, static_cast<int>(rng_.below(10)), "Z");
    out += "\",";
    kv(out, "loggedByService", service);
    out += ',';
    kv(out, "operationType", op);
    out += ',';
  }

  void registration(std::string& out, const AuditEv& e, const std::string& corr) {
    const User& u = world_.users[e.user];
    const std::string_view method = registration_methods()[e.detail];
    const std::string_view activity = registration_activity(e.type);
    std::string_view op;
    std::string reason;
    switch (e.type) {
      case AuditType::reg_started:
        op = "Add";
        reason = "User started the registration for " + std::string(method);
        break;
      case AuditType::reg_registered:
        op = "Add";
        reason = "User registered " + std::string(method);
        break;
      case AuditType::reg_registered_all:
        op = "Update";
        reason = "User registered all required security info";
        break;
      default:
        op = "Update";
        reason = "User canceled the registration for " + std::string(method);
    }
    head(out, e, kAuthMethods, "UserManagement", reason, activity, kAuthMethods, op, corr);
    user_initiator(out, u.id, u.upn_json, world_.ips[e.ip].addr);
    out += ',';
    kv(out, "userAgent", devices()[static_cast<std::size_t>(u.device)].user_agent);
    out += ',';
    user_target(out, u);
    out += ",\"additionalDetails\":[";
    out += "{\"key\":\"Method\",";
    kv(out, "value", method);
    out += "}]}";
  }

  void change(std::string& out, const AuditEv& e, const std::string& corr) {
    const AuditChange& c = *e.change;
    const AdminEntry& admin = admins()[static_cast<std::size_t>(c.admin) % admins().size()];
    const std::string_view prefix = c.service == "Conditional Access" ? "IPCGraph"
                                    : c.service == kAuthMethods       ? kAuthMethods
                                                                      : "Directory";
    head(out, e, prefix, c.category, "", c.activity, c.service, c.operation_type, corr);
    std::string upn;
    append_jstr(upn, admin.upn);
    user_initiator(out, admin.id, upn, world_.ips[world_.admin_ip()].addr);
    out +=
        ",\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0\",\"targetResources\":[{";
    kv(out, "id", c.target_id);
    out += ',';
    kv(out, "displayName", c.target_name);
    out += ',';
    kv(out, "type", c.target_type);
    out += ",\"modifiedProperties\":[{";
    kv(out, "displayName", c.prop_name);
    out += ',';
    kv(out, "oldValue", c.old_value);
    out += ',';
    kv(out, "newValue", c.new_value);
    out += "}]}],\"additionalDetails\":[]}";
  }

  void background(std::string& out, const AuditEv& e, const std::string& corr) {
    const AuditActivity& a = background_audit()[e.detail];
    const User& u = world_.users[e.user];
    std::string_view prefix = a.service == "Core Directory" ? "Directory" : "SSPR";
    head(out, e, prefix, a.category, a.result_reason, a.activity, a.service, a.operation_type, corr);
    if (a.initiator == 's') {
      user_initiator(out, u.id, u.upn_json, world_.ips[e.ip].addr);
    } else if (a.initiator == 'p') {
      app_initiator(out, a.app);
    } else {
      const AdminEntry& admin = admins()[rng_.below(admins().size())];
      std::string upn;
      append_jstr(upn, admin.upn);
      user_initiator(out, admin.id, upn, world_.ips[world_.admin_ip()].addr);
    }
    out += ",\"userAgent\":null,";
    if (a.target_type == "User") {
      user_target(out, u);
    } else {
      out += "\"targetResources\":[{\"id\":\"";
      append_uuid(out, rng_);
      out += "\",";
      if (a.target_type == "Group") {
        kv(out, "displayName", kGroups[rng_.below(kGroups.size())]);
        out += ",\"type\":\"Group\",\"groupType\":\"unifiedGroups\",\"modifiedProperties\":[]},";
        // Membership changes name the member as a second target.
        out += "{\"id\":\"";
        out += u.id;
        out += "\",\"displayName\":null,\"type\":\"User\",\"userPrincipalName\":";
        out += u.upn_json;
        out += ",\"modifiedProperties\":[]}]";
      } else if (a.target_type == "Device") {
        kv(out, "displayName",
           u.device_name.empty() ? std::string_view("DESKTOP-PERSONAL") : std::string_view(u.device_name));
        out += ",\"type\":\"Device\",\"modifiedProperties\":[]}]";
      } else {
        const auto& sp = world_.sps[rng_.below(world_.sps.size())];
        kv(out, "displayName", sp.name);
        out += ",\"type\":\"ServicePrincipal\",\"modifiedProperties\":[]}]";
      }
    }
    out += ",\"additionalDetails\":[]}";
  }

  void record(std::string& out, const AuditEv& e) {
    corr_.clear();
    Rng c(e.corr);
    append_uuid(corr_, c);
    switch (e.type) {
      case AuditType::change:
        change(out, e, corr_);
        break;
      case AuditType::background:
        background(out, e, corr_);
        break;
      default:
        registration(out, e, corr_);
    }
  }

  const Plan& plan_;
  const World& world_;
  Rng rng_;
  std::string corr_;
};

}  // namespace

void write_audit(std::string& out, const Plan& plan, const World& world, std::uint64_t seed) {
  AuditRenderer(plan, world, seed).write(out);
}

}  // namespace idt::synth
