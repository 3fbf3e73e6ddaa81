// Why: the error-code table must carry every core code of
// docs/classification.md with its class, stay sorted/unique for binary
// search, and derive rule ids from codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "classify/codes.h"
#include "classify/signin_classifier.h"
#include "util/text.h"

using idt::SigninClass;

namespace {

// docs/classification.md, "The code table": the core codes per class.
const std::vector<std::pair<SigninClass, std::vector<std::int64_t>>> kSpecCodes = {
    {SigninClass::success, {0}},
    {SigninClass::interrupt, {50140, 50058, 16000, 50199, 50074, 50076, 50072, 50079, 50125}},
    {SigninClass::auth_failure,
     {50126, 50053, 50057, 50055, 50144, 50034, 50056, 50064, 53003, 530032, 530035, 53000, 53001, 53002, 53011, 50173,
      50132, 50133}},
    {SigninClass::mfa_failure, {500121, 50158, 50088, 500881}},
    {SigninClass::registration_failure, {53004, 53010}},
    {SigninClass::service_error,
     {50000, 50033, 50086, 50087, 90006, 90033, 90036, 90090, 90091, 90092, 90012, 90024, 90055, 70012, 80001, 80002,
      80005, 80014}},
};

bool is_snake_case(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

TEST_CASE("every core code of docs/classification.md is in the table with its class") {
  for (const auto& [cls, codes] : kSpecCodes) {
    for (auto code : codes) {
      INFO("code " << code);
      const idt::CodeInfo* info = idt::lookup_code(code);
      REQUIRE(info != nullptr);
      CHECK(info->code == code);
      CHECK(info->cls == cls);
    }
  }
}

TEST_CASE("docs/classification.md carries the same core-code table") {
  // The spec a reader sees must be the one tested: parse the doc's table rows
  // ("| `class` | 0, 16000, … |") and compare with kSpecCodes.
  std::ifstream doc(std::string(IDTRIAGE_TESTDATA) + "/../docs/classification.md");
  REQUIRE(doc.good());
  std::map<std::string, std::vector<std::int64_t>> rows;
  std::string line;
  bool in_table = false;
  while (std::getline(doc, line)) {
    if (line.starts_with("### ")) in_table = line == "### The code table";
    if (!in_table || !line.starts_with("| `")) continue;
    std::size_t a = line.find('`') + 1, b = line.find('`', a);
    std::string cls = line.substr(a, b - a);
    std::stringstream codes(line.substr(line.find('|', b) + 1));
    std::string item;
    while (std::getline(codes, item, ','))
      if (long long v; idt::parse_int(idt::trim(item.substr(0, item.find('|'))), v)) rows[cls].push_back(v);
  }
  REQUIRE(rows.size() == kSpecCodes.size());
  for (const auto& [cls, codes] : kSpecCodes) {
    INFO(idt::name(cls));
    auto want = codes, have = rows[std::string(idt::name(cls))];
    std::sort(want.begin(), want.end());
    std::sort(have.begin(), have.end());
    CHECK(have == want);
  }
}

TEST_CASE("the reasons docs/classification.md names for registration and lockout codes") {
  CHECK(idt::lookup_code(50126)->reason == "bad_password");
  CHECK(idt::lookup_code(50053)->reason == "locked");
  CHECK(idt::lookup_code(50057)->reason == "disabled");
  CHECK(idt::lookup_code(53003)->reason == "ca_block");
  CHECK(idt::lookup_code(53004)->reason == "registration_blocked");
  CHECK(idt::lookup_code(53010)->reason == "registration_untrusted_location");
  CHECK(idt::lookup_code(50072)->reason == "mfa_registration_required");
  CHECK(idt::lookup_code(50079)->reason == "mfa_registration_required");
  CHECK(idt::lookup_code(50125)->reason == "sspr_registration_required");
  CHECK(idt::lookup_code(90012)->reason == "service_timeout");
}

TEST_CASE("table is sorted, unique, and every row is found by lookup") {
  auto rows = idt::all_codes();
  REQUIRE(rows.size() > 60);
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].code < rows[i].code);
  for (const auto& row : rows) {
    INFO("code " << row.code);
    CHECK(idt::lookup_code(row.code) == &row);
  }
}

TEST_CASE("absent codes are not found") {
  for (std::int64_t code : {std::int64_t{-1}, std::int64_t{1}, std::int64_t{50002}, std::int64_t{50129},
                            std::int64_t{99999999}, std::int64_t{7000219}}) {
    INFO("code " << code);
    CHECK(idt::lookup_code(code) == nullptr);
  }
}

TEST_CASE("rows are complete: snake_case reason, sentence meaning, advice, plain name") {
  for (const auto& row : idt::all_codes()) {
    INFO("code " << row.code);
    CHECK(is_snake_case(row.reason));
    CHECK(!row.meaning.empty());
    CHECK(row.meaning.back() == '.');
    CHECK(!row.advice.empty());
    for (char c : row.name) CHECK(((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'));
  }
}

TEST_CASE("provider-side codes tell the help desk to check service health first") {
  for (const auto& row : idt::all_codes()) {
    if (row.cls != SigninClass::service_error) continue;
    INFO("code " << row.code << ": " << row.advice);
    CHECK(idt::icontains(row.advice, "service health"));
  }
}

TEST_CASE("rule ids are derived from the code") {
  for (const auto& row : idt::all_codes()) {
    CHECK(idt::code_rule_id(row) == "code:" + std::to_string(row.code));
    CHECK(idt::portal_rule_id(row) == "portal:" + std::to_string(row.code));
  }
  idt::CodeInfo copy = *idt::lookup_code(50126);
  CHECK(idt::code_rule_id(copy).empty());
  CHECK(idt::portal_rule_id(copy).empty());
}

TEST_CASE("security-info apps are recognised by id, or by name only without an id") {
  CHECK(idt::is_security_info_app(idt::kMySigninsAppId, ""));
  CHECK(idt::is_security_info_app("8C59EAD7-D703-4A27-9E55-C96A0054C8D2", "anything"));
  CHECK(idt::is_security_info_app(" 2793995e-0a7d-40d7-bd35-6968ba142197 ", ""));
  CHECK(idt::is_security_info_app("", "My Signins"));
  CHECK(idt::is_security_info_app("", "my sign-ins"));
  CHECK(idt::is_security_info_app("", "MY PROFILE"));
  CHECK(idt::is_security_info_app("", "My Apps"));

  // Office 365 Exchange Online: a different id wins over a misleading name.
  CHECK_FALSE(idt::is_security_info_app("00000002-0000-0ff1-ce00-000000000000", "My Signins"));
  CHECK_FALSE(idt::is_security_info_app("", "Office 365"));
  CHECK_FALSE(idt::is_security_info_app("", "My Signins portal"));
  CHECK_FALSE(idt::is_security_info_app("", ""));
}

TEST_CASE("codes that non-interactive, service-principal and managed-identity logs are full of have a class") {
  // Issue #10 names these; the rest come from Microsoft's error-code reference
  // and the Sentinel result-type list (see docs/security.md for sources).
  const std::vector<std::pair<std::int64_t, std::string>> want = {
      {700003, "device_not_found"},   {50173, ""},          {70043, ""},
      {700082, "token_expired"},      {50133, ""},          {50132, ""},
      {81010, ""},                    {7000112, "app_disabled"}, {7000215, "bad_client_secret"},
      {7000222, "client_secret_expired"}, {700027, "bad_client_assertion"}, {700024, "client_assertion_expired"},
      {70021, "no_federated_credential_match"}, {500011, "resource_not_found"}, {500014, "resource_disabled"},
      {70044, "signin_frequency"},    {70008, "token_expired"}, {50196, "client_loop"}};
  for (const auto& [code, reason] : want) {
    INFO(code);
    const idt::CodeInfo* c = idt::lookup_code(code);
    REQUIRE(c != nullptr);
    CHECK(c->cls != SigninClass::unknown);
    CHECK_FALSE(c->advice.empty());
    if (!reason.empty()) CHECK(c->reason == reason);
  }
}
