#pragma once
// AcquisitionRegistrar: how consignment registers a consigned item through the registry's
// acquisition path (the law's record, screening, holds), without holding the registry's
// services. src/app/ wires it to registry::RegistrationService::Register. Unlike the in-
// transaction ports, the registration commits on its own (it runs screening and may raise a
// police alert that must stand even if the agreement is not stored).

#include "core/error.hpp"
#include "domain/identity/principal.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::consignment {

class AcquisitionRegistrar {
 public:
  virtual ~AcquisitionRegistrar() = default;
  virtual Result<registry::AcquisitionReceipt> Register(const identity::Principal& actor,
                                                        const registry::AcquisitionInput& in) = 0;
};

}  // namespace recirc::consignment
