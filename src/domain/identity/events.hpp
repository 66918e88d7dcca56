#pragma once
// The identity context's journal events (the catalogue: core/event_type.hpp). None is public.

#include "core/event_type.hpp"

namespace recirc::identity::events {

// An organisation was created (an administrator, or the system for the buyers' organisation).
inline constexpr EventType kOrganisationCreated{
    "organisation.created", "organisation", Visibility::kInternal, {"kind", "name", "region_code"}};
// An operator's outlet was created.
inline constexpr EventType kOutletCreated{
    "outlet.created", "outlet", Visibility::kInternal, {"name", "region_code"}};
// A user was created. No username or display name: they identify a person.
inline constexpr EventType kUserCreated{"user.created", "user", Visibility::kInternal, {"role"}};
// An API key was created or revoked (the key itself is never journaled).
inline constexpr EventType kApiKeyCreated{"api_key.created", "api_key", Visibility::kInternal, {}};
inline constexpr EventType kApiKeyRevoked{"api_key.revoked", "api_key", Visibility::kInternal, {}};

// Account administration (docs/security.md "Account administration"). The reason is the
// administrator's own words, required for a suspension or a reactivation; the actor is the event's.
inline constexpr EventType kOrganisationUpdated{
    "organisation.updated", "organisation", Visibility::kInternal, {"name", "region_code"}};
inline constexpr EventType kOrganisationSuspended{
    "organisation.suspended", "organisation", Visibility::kInternal, {"reason"}};
inline constexpr EventType kOrganisationReactivated{
    "organisation.reactivated", "organisation", Visibility::kInternal, {"reason"}};
inline constexpr EventType kOutletUpdated{
    "outlet.updated", "outlet", Visibility::kInternal, {"name", "region_code", "status"}};
inline constexpr EventType kOutletSuspended{
    "outlet.suspended", "outlet", Visibility::kInternal, {"reason"}};
inline constexpr EventType kOutletReactivated{
    "outlet.reactivated", "outlet", Visibility::kInternal, {"reason"}};
inline constexpr EventType kUserDisabled{
    "user.disabled", "user", Visibility::kInternal, {"reason"}};
inline constexpr EventType kUserEnabled{"user.enabled", "user", Visibility::kInternal, {"reason"}};
// No password, not even a hash: only that it was reset (must change) or changed by its owner.
inline constexpr EventType kUserPasswordReset{
    "user.password_reset", "user", Visibility::kInternal, {}};
inline constexpr EventType kUserPasswordChanged{
    "user.password_changed", "user", Visibility::kInternal, {}};

inline constexpr EventCatalogue<15> kAll{
    &kOrganisationCreated,   &kOutletCreated,           &kUserCreated,
    &kApiKeyCreated,         &kApiKeyRevoked,           &kOrganisationUpdated,
    &kOrganisationSuspended, &kOrganisationReactivated, &kOutletUpdated,
    &kOutletSuspended,       &kOutletReactivated,       &kUserDisabled,
    &kUserEnabled,           &kUserPasswordReset,       &kUserPasswordChanged};

}  // namespace recirc::identity::events
