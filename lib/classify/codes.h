// Why: the Entra error-code table (code -> class, reason, meaning, advice) is
// data in one place (code_table.cpp), shared by classify, stats and explain.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "model/classes.h"

namespace idt {

struct CodeInfo {
  std::int64_t code;
  SigninClass cls;
  std::string_view reason;   // snake_case, stable (part of the output contract)
  std::string_view name;     // AADSTS symbolic name, e.g. "InvalidUserNameOrPassword"
  std::string_view meaning;  // one sentence, plain English
  std::string_view advice;   // what a help desk should do (and not do)
};

// Sorted by code; nullptr when the code is not in the table.
const CodeInfo* lookup_code(std::int64_t code);
std::span<const CodeInfo> all_codes();

// Well-known first-party app ids of the security-info portal family.
inline constexpr std::string_view kMySigninsAppId = "19db86c3-b2b9-44cc-b339-36da233a3be2";
inline constexpr std::string_view kMyProfileAppId = "8c59ead7-d703-4a27-9e55-c96a0054c8d2";
inline constexpr std::string_view kMyAppsAppId = "2793995e-0a7d-40d7-bd35-6968ba142197";
// True for the apps above (by id, or by display name when the id is missing):
// ids match case-insensitively after trimming; names only when the id is empty.
bool is_security_info_app(std::string_view app_id, std::string_view app_name);
// The lists is_security_info_app compares against (for rules exports).
std::span<const std::string_view> security_info_app_ids();
std::span<const std::string_view> security_info_app_names();

}  // namespace idt
