// Why: every audit rule must be reachable from its own sample (no shadowing
// by an earlier row), matching must tolerate case/padding, and anything else
// must fall through to "other".
#include <catch2/catch.hpp>

#include "classify/audit_classifier.h"

using idt::AuditClass;

namespace {

// A service that no rule names: rules without a service must accept it.
constexpr std::string_view kUnlistedService = "Unlisted Service";

idt::AuditEvent event(std::string_view service, std::string_view category, std::string_view activity,
                      std::string_view result = "success") {
  idt::AuditEvent e;
  e.service = service;
  e.category = category;
  e.activity = activity;
  e.result = result;
  return e;
}

}  // namespace

TEST_CASE("every audit rule's sample lands on that rule") {
  REQUIRE(idt::audit_rules().size() > 30);
  for (const auto& rule : idt::audit_rules()) {
    INFO(rule.rule_id << " <- " << rule.sample);
    auto service = rule.service.empty() ? kUnlistedService : rule.service;
    auto result = rule.result == idt::AuditResultMatch::failure ? "failure" : "success";
    auto c = idt::classify_audit(event(service, rule.category, rule.sample, result));
    CHECK(c.rule_id == rule.rule_id);
    CHECK(c.cls == rule.cls);
  }
}

TEST_CASE("registration funnel activities") {
  const std::string_view am = "Authentication Methods";
  CHECK(idt::classify_audit(event(am, "UserManagement", "User started security info registration")).cls ==
        AuditClass::registration_started);
  CHECK(idt::classify_audit(event(am, "UserManagement", "User registered all required security info")).cls ==
        AuditClass::registration_completed);
  CHECK(idt::classify_audit(event(am, "UserManagement", "User cancelled security info registration")).cls ==
        AuditClass::registration_cancelled);
  CHECK(idt::classify_audit(event(am, "UserManagement", "User canceled security info registration")).cls ==
        AuditClass::registration_cancelled);
  CHECK(idt::classify_audit(event(am, "UserManagement", "Admin deleted security info")).cls ==
        AuditClass::method_deleted);
  CHECK(idt::classify_audit(event("Self-service Password Management", "UserManagement", "Reset password (by admin)"))
            .cls == AuditClass::password_change);
  CHECK(idt::classify_audit(event("Self-service Password Management", "UserManagement", "Change password (self-service)"))
            .cls == AuditClass::password_change);
  CHECK(idt::classify_audit(event("Core Directory", "UserManagement", "Change user password")).cls ==
        AuditClass::password_change);
  CHECK(idt::classify_audit(event(am, "UserManagement", "Admin registered security info")).cls ==
        AuditClass::method_admin_change);
}

TEST_CASE("activity matching ignores case and surrounding whitespace") {
  auto c = idt::classify_audit(event(" authentication methods ", "", "  user REGISTERED security info \r\n"));
  CHECK(c.cls == AuditClass::registration_completed);
  CHECK(c.rule_id == "authm:registered");
}

TEST_CASE("a failed registration activity is registration_failed") {
  for (auto result : {"failure", "Failure", "timeout"}) {
    INFO(result);
    auto c = idt::classify_audit(event("Authentication Methods", "", "User registered security info", result));
    CHECK(c.cls == AuditClass::registration_failed);
    CHECK(c.rule_id == "authm:registered:failure");
  }
  // Deletions have no failure variant.
  CHECK(idt::classify_audit(event("Authentication Methods", "", "User deleted security info", "failure")).cls ==
        AuditClass::method_deleted);
}

TEST_CASE("Conditional Access changes by service or by Policy category") {
  auto by_service = idt::classify_audit(event("Conditional Access", "Policy", "Update Conditional Access policy"));
  CHECK(by_service.cls == AuditClass::ca_policy_change);
  CHECK(by_service.rule_id == "ca:update_policy");

  auto by_category = idt::classify_audit(event("Core Directory", "Policy", "Add conditional access policy"));
  CHECK(by_category.cls == AuditClass::ca_policy_change);
  CHECK(by_category.rule_id == "policy:add_ca_policy");

  CHECK(idt::classify_audit(event("Core Directory", "UserManagement", "Delete conditional access policy")).cls ==
        AuditClass::other);
  CHECK(idt::classify_audit(event("Conditional Access", "Policy", "Update security defaults")).cls ==
        AuditClass::authmethod_policy_change);
}

TEST_CASE("a rule's service must match when the record names one") {
  auto wrong = idt::classify_audit(event("Core Directory", "UserManagement", "User registered security info"));
  CHECK(wrong.cls == AuditClass::other);
  CHECK(wrong.rule_id == "other");

  auto missing = idt::classify_audit(event("", "", "User registered security info"));
  CHECK(missing.rule_id == "authm:registered");
}

TEST_CASE("unmatched activities are other") {
  for (auto activity : {"Add member to group", "Update user", "", "User registered security info extra"}) {
    INFO(activity);
    auto c = idt::classify_audit(event("Authentication Methods", "UserManagement", activity));
    CHECK(c.cls == AuditClass::other);
    CHECK(c.rule_id == "other");
  }
}

TEST_CASE("audit class names round-trip through parse_audit_class") {
  for (std::size_t i = 0; i < idt::kAuditClassCount; ++i) {
    auto cls = static_cast<AuditClass>(i);
    auto parsed = idt::parse_audit_class(idt::name(cls));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == cls);
  }
  CHECK_FALSE(idt::parse_audit_class("Other").has_value());
  CHECK_FALSE(idt::parse_audit_class("registration").has_value());
}
