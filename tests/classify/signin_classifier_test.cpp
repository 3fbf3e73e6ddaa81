// Why: classify_signin must follow the code table, refine MFA failures from
// their result detail, and move service errors on the security-info portal
// apps to portal_unreachable — and nothing else.
#include <catch2/catch.hpp>

#include <string>

#include "classify/signin_classifier.h"

using idt::SigninClass;

namespace {

constexpr std::string_view kOffice365AppId = "4765445b-32c6-49b0-83e6-1d93765276ca";  // OfficeHome

idt::SignIn with_code(std::int64_t code, std::string_view app_id = kOffice365AppId,
                      std::string_view app_name = "OfficeHome") {
  idt::SignIn r;
  r.has_error_code = true;
  r.error_code = code;
  r.app_id = app_id;
  r.app_name = app_name;
  return r;
}

}  // namespace

TEST_CASE("a record without an error code is unknown/no_code") {
  idt::SignIn r;
  r.app_id = idt::kMySigninsAppId;
  auto c = idt::classify_signin(r);
  CHECK(c.cls == SigninClass::unknown);
  CHECK(c.reason == "no_code");
  CHECK(c.rule_id == "no_code");
}

TEST_CASE("a code missing from the table is unknown/unrecognised_code") {
  auto c = idt::classify_signin(with_code(123456));
  CHECK(c.cls == SigninClass::unknown);
  CHECK(c.reason == "unrecognised_code");
  CHECK(c.rule_id == "unrecognised_code");
}

TEST_CASE("every table row classifies to its own class, reason and rule off the portal") {
  for (const auto& row : idt::all_codes()) {
    INFO("code " << row.code);
    auto c = idt::classify_signin(with_code(row.code));
    CHECK(c.cls == row.cls);
    CHECK(c.reason == row.reason);
    CHECK(c.rule_id == "code:" + std::to_string(row.code));
  }
}

TEST_CASE("service errors on the security-info apps are portal_unreachable") {
  auto portal = idt::classify_signin(with_code(50000, idt::kMySigninsAppId, "My Signins"));
  CHECK(portal.cls == SigninClass::portal_unreachable);
  CHECK(portal.reason == "service_error");
  CHECK(portal.rule_id == "portal:50000");

  auto office = idt::classify_signin(with_code(50000));
  CHECK(office.cls == SigninClass::service_error);
  CHECK(office.rule_id == "code:50000");

  // By display name when the export has no app id.
  CHECK(idt::classify_signin(with_code(90012, "", "My Sign-Ins")).cls == SigninClass::portal_unreachable);

  // By resource: the app is a browser client, the resource is My Profile.
  auto by_resource = with_code(90033);
  by_resource.resource_id = idt::kMyProfileAppId;
  auto c = idt::classify_signin(by_resource);
  CHECK(c.cls == SigninClass::portal_unreachable);
  CHECK(c.rule_id == "portal:90033");

  for (const auto& row : idt::all_codes()) {
    if (row.cls != SigninClass::service_error) continue;
    INFO("code " << row.code);
    auto p = idt::classify_signin(with_code(row.code, idt::kMyAppsAppId, "My Apps"));
    CHECK(p.cls == SigninClass::portal_unreachable);
    CHECK(p.rule_id == "portal:" + std::to_string(row.code));
  }
}

TEST_CASE("non-service classes on the security-info apps keep their class") {
  auto bad_password = idt::classify_signin(with_code(50126, idt::kMySigninsAppId, "My Signins"));
  CHECK(bad_password.cls == SigninClass::auth_failure);
  CHECK(bad_password.rule_id == "code:50126");

  // Registration interrupts stay interrupts (counted by the funnel).
  for (std::int64_t code : {50072, 50079, 50125}) {
    INFO("code " << code);
    CHECK(idt::classify_signin(with_code(code, idt::kMySigninsAppId)).cls == SigninClass::interrupt);
  }
  CHECK(idt::classify_signin(with_code(53004, idt::kMySigninsAppId)).cls == SigninClass::registration_failure);
  CHECK(idt::classify_signin(with_code(0, idt::kMySigninsAppId)).cls == SigninClass::success);
}

TEST_CASE("every MFA detail rule's sample refines an MFA failure") {
  for (const auto& rule : idt::mfa_detail_rules()) {
    INFO(rule.rule_id);
    auto r = with_code(500121);
    r.additional_details = rule.sample;
    auto c = idt::classify_signin(r);
    CHECK(c.cls == SigninClass::mfa_failure);
    CHECK(c.reason == rule.reason);
    CHECK(c.rule_id == rule.rule_id);

    // The same text in an authentication step's result detail.
    auto s = with_code(500121);
    auto* step = s.auth_steps.push();
    REQUIRE(step != nullptr);
    step->detail = rule.sample;
    CHECK(idt::classify_signin(s).rule_id == rule.rule_id);
  }
}

TEST_CASE("MFA details do not touch other classes or unmatched text") {
  auto r = with_code(50126);
  r.additional_details = "MFA denied; user declined the authentication";
  CHECK(idt::classify_signin(r).reason == "bad_password");

  auto plain = with_code(500121);
  plain.additional_details = "The user didn't complete the MFA prompt.";
  auto c = idt::classify_signin(plain);
  CHECK(c.reason == "mfa_failed");
  CHECK(c.rule_id == "code:500121");
}

TEST_CASE("returned views point at static storage, not per-call buffers") {
  auto a = idt::classify_signin(with_code(50053));
  auto b = idt::classify_signin(with_code(50053));
  CHECK(a.rule_id.data() == b.rule_id.data());
  CHECK(a.reason.data() == b.reason.data());
}

TEST_CASE("sign-in class names round-trip through parse_signin_class") {
  for (std::size_t i = 0; i < idt::kSigninClassCount; ++i) {
    auto cls = static_cast<SigninClass>(i);
    auto parsed = idt::parse_signin_class(idt::name(cls));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == cls);
  }
  CHECK_FALSE(idt::parse_signin_class("Success").has_value());
  CHECK_FALSE(idt::parse_signin_class("").has_value());
  CHECK_FALSE(idt::parse_signin_class("count_").has_value());
}
