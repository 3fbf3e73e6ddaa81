// Why: campaign plans and group membership come from whatever user export
// an admin has; the real header variants (Entra "Download users" old and
// new, Microsoft 365 admin center, Export-Csv with #TYPE, UTF-16) must map
// to the same roles, and unusable rows must be rejected with their line.
#include <catch2/catch.hpp>

#include <string>

#include "formats/user_columns.h"
#include "formats/users_csv.h"
#include "io/input.h"

using namespace idt;

TEST_CASE("Entra 'Download users' headers (current and older) map to the same roles", "[formats][users]") {
  // Current header (Entra admin center, as documented in public write-ups of its CSV export).
  std::string now =
      "userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,"
      "usageLocation,streetAddress,state,country,officeLocation,city,postalCode,telephoneNumber,mobilePhone,"
      "alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification,companyName,creationType,"
      "directorySynced,invitationState,identityIssuer,createdDateTime\r\n"
      "Chloe.Dubois@Contoso.com,Chloé Dubois,Dubois,chloe.dubois@contoso.com,Chloé,"
      "7cc0c81b-f2a2-489a-8243-eda96da4214d,Member,,Finance,True,FR,,Île-de-France,France,Paris "
      "HQ,Paris,,,,,,,,,,,,,\r\n"
      "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com,Guest,,,,1b2c,Guest,,,False,,,,,,,,,,,,,,,,,,,\r\n";
  DirectoryFile f = parse_directory(now, "users.csv");
  REQUIRE_FALSE(f.fatal);
  REQUIRE(f.users.size() == 2);
  const DirectoryUser& u = f.users[0];
  CHECK(u.upn == "chloe.dubois@contoso.com");  // lower-cased
  CHECK(u.id == "7cc0c81b-f2a2-489a-8243-eda96da4214d");
  CHECK(u.display == "Chloé Dubois");
  CHECK(u.department == "Finance");
  CHECK(u.usage_location == "FR");
  CHECK(u.country == "France");
  CHECK(u.office == "Paris HQ");
  CHECK(u.city == "Paris");
  CHECK(u.state == "Île-de-France");
  CHECK(u.enabled == Tri::yes);
  CHECK(u.user_type == "Member");
  CHECK(f.users[1].enabled == Tri::no);
  CHECK(f.users[1].user_type == "Guest");
  CHECK(f.users[0].line == 2);
  REQUIRE_FALSE(f.notes.empty());
  CHECK(f.notes[0].starts_with("columns: upn=userPrincipalName, mail=mail, id=id, display=displayName"));

  // Older header: objectId, physicalDeliveryOfficeName, mobile.
  std::string old =
      "userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled,"
      "usageLocation,streetAddress,state,country,physicalDeliveryOfficeName,city,postalCode,telephoneNumber,mobile\n"
      "a@contoso.com,A,,,,id-1,Member,,Sales,true,US,,WA,United States,Building 25,Redmond,,,\n";
  f = parse_directory(old, "old.csv");
  REQUIRE(f.users.size() == 1);
  CHECK(f.users[0].id == "id-1");
  CHECK(f.users[0].office == "Building 25");
  CHECK(f.users[0].state == "WA");
}

TEST_CASE("admin center export, Export-Csv #TYPE line, semicolons, UTF-16", "[formats][users]") {
  std::string admin =
      "#TYPE Selected.Microsoft.Online.Administration.User\n"
      "\"User principal name\";\"Display name\";\"Department\";\"Country/Region\";\"Usage location\";\"Office\";"
      "\"Block credential\";\"Time zone\"\n"
      "\"b@contoso.com\";\"B\";\"IT\";\"Germany\";\"DE\";\"Munich\";\"True\";\"Europe/Berlin\"\n";
  DirectoryFile f = parse_directory(admin, "admin.csv");
  REQUIRE(f.users.size() == 1);
  CHECK(f.users[0].enabled == Tri::no);  // blocked
  CHECK(f.users[0].timezone == "Europe/Berlin");
  CHECK(f.users[0].country == "Germany");
  CHECK(f.users[0].line == 3);
  CHECK(f.notes[0] == "skipped PowerShell '#TYPE' first line");

  // UTF-16LE with BOM, as PowerShell 5 writes it.
  std::string text = "UserPrincipalName,Department\r\nc@contoso.com,Ops\r\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    utf16 += c;
    utf16 += '\0';
  }
  Input in = Input::from_string(utf16, "u16.csv");
  f = parse_directory(in.text(), "u16.csv");
  REQUIRE(f.users.size() == 1);
  CHECK(f.users[0].department == "Ops");
}

TEST_CASE("bad rows are rejected with their line, non-user files are refused", "[formats][users]") {
  std::string csv =
      "upn,region\n"
      "good@contoso.com,EMEA\n"
      ",EMEA\n"
      "not an address,EMEA\n"
      "GOOD@contoso.com,AMER\n";
  DirectoryFile f = parse_directory(csv, "u.csv");
  REQUIRE(f.users.size() == 1);
  CHECK(f.users[0].region == "EMEA");  // first row of a repeated user kept
  CHECK(f.rejected == 2);
  REQUIRE(f.rejections.size() == 2);
  CHECK(f.rejections[0].pos.line == 3);
  CHECK(f.rejections[0].message == "no user principal name or mail");
  CHECK(f.rejections[1].message == "'not an address' is not a user principal name");
  CHECK(f.duplicates == 1);

  f = parse_directory("CreatedDateTime,UserPrincipalName,AppDisplayName,ResultType\nx,a@contoso.com,y,0\n",
                      "signins.csv");
  REQUIRE(f.fatal);  // it has a UPN column, but it is a sign-in log
  CHECK(*f.fatal == "line 1: this is a sign-in or audit log export, not a user list");
  f = parse_directory("", "empty.csv");
  REQUIRE(f.fatal);
  CHECK(*f.fatal == "empty file: no header row");
  f = parse_directory("sep=;\n\"upn;region\n", "broken.csv");  // not empty: its header's quote never closes
  REQUIRE(f.fatal);
  CHECK(f.fatal->starts_with("line 2: cannot read the header: "));
  f = parse_directory("id,userPrincipalName,displayName\n", "empty-group.csv");
  CHECK_FALSE(f.fatal);  // a group without members is a valid list
  CHECK(f.users.empty());
  f = parse_directory("TimeGenerated [UTC],Identity,ResultType,AppDisplayName\nx,y,0,z\n", "la.csv");
  REQUIRE(f.fatal);
  CHECK(f.fatal->find("sign-in or audit log export") != std::string::npos);
  f = parse_directory("", "empty.csv");
  REQUIRE(f.fatal);
  CHECK(*f.fatal == "empty file: no header row");
  f = parse_directory("name,city\nx,y\n", "nocol.csv");
  REQUIRE(f.fatal);
  CHECK(f.fatal->find("use --map upn=Column") != std::string::npos);
  UserReadOptions o;
  o.column_map = {{"upn", "name"}};
  f = parse_directory("name,city\nx@contoso.com,Oslo\n", "mapped.csv", o);
  REQUIRE(f.users.size() == 1);
  CHECK(f.users[0].city == "Oslo");
  o.column_map = {{"upnn", "name"}};
  f = parse_directory("name,city\nx@contoso.com,Oslo\n", "mapped.csv", o);
  REQUIRE(f.fatal);
  CHECK(f.fatal->find("unknown role 'upnn'") != std::string::npos);
  o = {};
  o.strict = true;
  f = parse_directory("upn\n,\nok@contoso.com\n", "s.csv", o);
  REQUIRE(f.fatal);
  CHECK(*f.fatal == "line 2: rejected row (stopped: --strict)");
  f = parse_directory("upn,city\n\"x@contoso.com,Oslo\n", "q.csv");
  REQUIRE(f.fatal);
  CHECK(f.fatal->starts_with("line 2: "));
}

TEST_CASE("every synonym resolves to its role", "[formats][users]") {
  for (const auto& s : user_role_synonyms()) {
    INFO(s.name);
    CHECK(parse_user_role(s.name) == s.role);
  }
  for (std::size_t i = 0; i < kUserRoleCount; ++i)
    CHECK(parse_user_role(kUserRoleNames[i]) == static_cast<UserRole>(i));
}
