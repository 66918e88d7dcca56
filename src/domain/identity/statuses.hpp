#pragma once
// The identity context's status vocabulary: one enum with the one table of the strings the API
// and the database use (core/enum_table.hpp gives ToString and Parse<E>). Header only and free of
// storage, so the identity repository maps its columns with it.

#include "core/enum_table.hpp"

namespace recirc::identity {

// An organisation's or an outlet's standing. A suspended organisation's users cannot log in or
// use API keys and its offers are neither found nor bought; a suspended outlet keeps its records
// but registers no acquisition.
enum class AccountStatus { kActive, kSuspended };
inline constexpr EnumTable<AccountStatus, 2> kAccountStatusTable{
    "status", {{{AccountStatus::kActive, "active"}, {AccountStatus::kSuspended, "suspended"}}}};
constexpr const auto& EnumTableOf(AccountStatus) { return kAccountStatusTable; }

}  // namespace recirc::identity
