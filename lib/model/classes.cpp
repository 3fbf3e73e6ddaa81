// Why: parse class names back from their contract spelling (CLI filters,
// merged aggregates); the name tables in classes.h are the only source.
#include "model/classes.h"

namespace idt {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_by_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::optional<SigninClass> parse_signin_class(std::string_view s) {
  return parse_by_name<SigninClass>(kSigninClassNames, s);
}

std::optional<AuditClass> parse_audit_class(std::string_view s) {
  return parse_by_name<AuditClass>(kAuditClassNames, s);
}

}  // namespace idt
