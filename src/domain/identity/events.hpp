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

inline constexpr EventCatalogue<5> kAll{&kOrganisationCreated, &kOutletCreated, &kUserCreated,
                                        &kApiKeyCreated, &kApiKeyRevoked};

}  // namespace recirc::identity::events
