#pragma once
// What the city's police see of the shops' pushed registrations and of the cross-operator
// signals, on the wire (http/describe_json.hpp). Never the seller: it stays sealed.

#include <boost/describe/class.hpp>

#include <string>
#include <vector>

#include "http/describe_json.hpp"
#include "storage/federation/federation_repository.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;
using jsonmap::Time;

struct FederatedIdentifier {
  std::string kind;
  std::string value;
};
BOOST_DESCRIBE_STRUCT(FederatedIdentifier, (), (kind, value))

struct FederatedRegistration {
  std::string origin;  // the shop node's name
  std::string acquisition_id;
  std::string outlet_id;
  std::string outlet_name;
  std::string region_code;
  int64_t number = 0;
  std::string kind;
  std::string item_id;
  std::string category;
  std::string brand;
  std::string model;
  std::string status;
  std::vector<FederatedIdentifier> identifiers;
  bool seller_sealed = false;  // the seller's details arrived sealed to the city's key
  Time registered_at;
  Time received_at;
  static FederatedRegistration From(const storage::FederatedRegistrationRecord& r);
};
BOOST_DESCRIBE_STRUCT(FederatedRegistration, (),
                      (origin, acquisition_id, outlet_id, outlet_name, region_code, number, kind,
                       item_id, category, brand, model, status, identifiers, seller_sealed,
                       registered_at, received_at))

struct FederatedRegistrationList {
  std::vector<FederatedRegistration> items;
};
BOOST_DESCRIBE_STRUCT(FederatedRegistrationList, (), (items))

struct FederationSignal {
  std::string id;
  std::string kind;
  std::string region_code;
  std::string identifier_kind;
  std::string identifier_value;
  std::string first_origin;
  std::string first_acquisition_id;
  std::string second_origin;
  std::string second_acquisition_id;
  Time created_at;
  static FederationSignal From(const storage::FederationSignalRecord& r);
};
BOOST_DESCRIBE_STRUCT(FederationSignal, (),
                      (id, kind, region_code, identifier_kind, identifier_value, first_origin,
                       first_acquisition_id, second_origin, second_acquisition_id, created_at))

struct FederationSignalList {
  std::vector<FederationSignal> items;
};
BOOST_DESCRIBE_STRUCT(FederationSignalList, (), (items))

}  // namespace recirc::api::dto
