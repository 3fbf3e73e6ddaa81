// Why: the relevance table is data; every rule's sample must match it and its
// counter-sample must not, and the reference incidents must come out right.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "classify/health_relevance.h"

using namespace idt;

namespace {
HealthIssue with_field(HealthField f, std::string_view v) {
  HealthIssue h;
  switch (f) {
    case HealthField::service:
      h.service = v;
      break;
    case HealthField::feature:
      h.feature = v;
      break;
    case HealthField::feature_group:
      h.feature_group = v;
      break;
    case HealthField::title:
      h.title = v;
      break;
    case HealthField::text:
      h.text = v;
      break;
  }
  return h;
}
}  // namespace

TEST_CASE("every relevance rule matches its sample and not its counter-sample", "[classify][health]") {
  auto rules = health_relevance_rules();
  REQUIRE(rules.size() >= 20);
  std::set<std::string_view> ids;
  for (const auto& r : rules) {
    INFO(r.id);
    CHECK(ids.insert(r.id).second);                                // ids are unique
    CHECK(r.id.substr(0, name(r.field).size()) == name(r.field));  // id says which field
    CHECK_FALSE(r.reason.empty());
    REQUIRE_FALSE(r.sample.empty());
    CHECK(health_rule_matches(r, r.sample));
    if (!r.counter.empty()) CHECK_FALSE(health_rule_matches(r, r.counter));
    // The sample in its field makes an otherwise empty issue relevant.
    HealthRelevance got = classify_health(with_field(r.field, r.sample));
    CHECK(got.relevant);
  }
}

TEST_CASE("MO1329260 under Microsoft 365 suite is relevant by its title", "[classify][health]") {
  HealthIssue h;
  h.id = "MO1329260";
  h.service = "Microsoft 365 suite";
  h.title =
      "Some users may have been unable to setup Multi-Factor Authentication (MFA) or access the "
      "mysignins.microsoft.com website";
  HealthRelevance r = classify_health(h);
  CHECK(r.relevant);
  CHECK(r.reason == "title mentions MFA");
  CHECK(r.rule_id == "title.mfa");
  apply_health_relevance(h);
  CHECK(h.identity_relevant);
  CHECK(h.relevance_reason == "title mentions MFA");
}

TEST_CASE("identity services are relevant whatever the title", "[classify][health]") {
  for (const char* svc : {"Microsoft Entra ID", "Azure Active Directory", "Identity Service", "OrgLiveID",
                          "Multi-Factor Authentication", "Microsoft Entra Permissions Management"}) {
    INFO(svc);
    HealthIssue h;
    h.service = svc;
    h.title = "Degraded performance";
    HealthRelevance r = classify_health(h);
    CHECK(r.relevant);
    CHECK(r.reason.substr(0, 9) == "service: ");
  }
}

TEST_CASE("unrelated issues are not relevant", "[classify][health]") {
  HealthIssue mail;
  mail.service = "Exchange Online";
  mail.feature = "Mailflow - delayed delivery from Internet";
  mail.feature_group = "E-Mail timely delivery";
  mail.title = "Limited number of users unable to send or receive email through the Exchange Online service";
  mail.impact = "Users may have been unable to send or receive email through the Exchange Online service.";
  CHECK_FALSE(classify_health(mail).relevant);

  // Incidental words in long post text are not enough.
  HealthIssue pir;
  pir.service = "App Service";
  pir.title = "Post Incident Review (PIR) – App Service – Intermittent HTTP 500-level response codes";
  pir.text = "Authentications were not impacted. Title: Exchange Online service has login issue.";
  CHECK_FALSE(classify_health(pir).relevant);
}

TEST_CASE("post text that names identity features is enough", "[classify][health]") {
  HealthIssue h;
  h.service = "Microsoft 365 suite";
  h.title = "Users may be unable to access a portal";
  h.text = "Users can't register security info.";
  HealthRelevance r = classify_health(h);
  CHECK(r.relevant);
  CHECK(r.reason == "post mentions security info");
  h.text = {};
  h.impact = "Affected users were unable to sign in to Outlook on the web.";
  r = classify_health(h);
  CHECK(r.relevant);
  CHECK(r.reason == "post mentions failing sign-ins");
}

TEST_CASE("service rules win over title rules (first match)", "[classify][health]") {
  HealthIssue h;
  h.service = "Identity Service";
  h.title = "Users can't complete MFA";
  CHECK(classify_health(h).rule_id == "service.identity");
}
