#pragma once
// JSON Schema (OpenAPI 3.1) from the same descriptions that map DTOs (describe_json.hpp):
// Schemas::Of<T>() answers a member's schema; a described struct with a `kSchemaName` is added
// once to the components and answered as a $ref, one without is inlined. std::optional is
// nullable. Required: in a request (kRequest) the members that are neither std::optional,
// Omitted nor bool (a bool absent keeps its default); in an answer every member but the Omitted
// ones (std::optional ones are null).
//
// A struct may add to its schema:
//   static constexpr std::string_view kDescription = "…";  the schema's description
//   static constexpr bool kRequest = true;  read from a request: "additionalProperties": false
//   static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
//       {"name", R"({"maxLength": 100})"}, {"kind", R"({"$ref": "…/OrganisationKind"})"}};
//     JSON merged into a member's schema (constraints, descriptions; a $ref replaces it).
//   static constexpr std::pair<std::string_view, std::string_view> kComponentSchemas[] = {
//       {"OrganisationKind", R"({"type": "string", "enum": […]})"}};
//     named schemas its kFieldSchemas refer to, added to the components.
//   using Extends = Base;  the schema is {"allOf": [Base's schema, its own members]}: an answer
//     made of a described record's fields added to a stored object Base describes.

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <type_traits>

#include "http/describe_json.hpp"
#include "http/route.hpp"

namespace recirc::jsonmap {

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsStringMap : std::false_type {};
template <class T>
struct IsStringMap<std::map<std::string, T>> : std::true_type {};
template <class T>
struct IsStringMap<OrderedMap<T>> : std::true_type {};

class Schemas {
 public:
  template <class T>
  json::value Of();
  // Every named schema met so far, for #/components/schemas.
  const json::object& components() const { return components_; }
  // Adds a named schema (JSON text) unless one of that name is there.
  void AddComponent(std::string_view name, std::string_view json_text);

 private:
  static json::value Nullable(json::value schema);
  static void MergeFieldSchema(json::object& properties, std::string_view name,
                               std::string_view json_text);
  template <class T>
  json::object ObjectSchema();

  json::object components_;
};

template <class T>
json::object Schemas::ObjectSchema() {
  json::object properties;
  json::array required;
  boost::mp11::mp_for_each<Members<T>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
    properties[d.name] = Of<M>();
    // An answer always has its std::optional members (null); a request may leave them out.
    // A bool absent from a request keeps its default.
    if constexpr (requires { T::kRequest; }) {
      if (!IsOptional<M>::value && !std::is_same_v<M, bool>) required.emplace_back(d.name);
    } else {
      if (!IsOmitted<M>::value) required.emplace_back(d.name);
    }
  });
  if constexpr (requires { T::kFieldSchemas; }) {
    for (const auto& [name, text] : T::kFieldSchemas) MergeFieldSchema(properties, name, text);
  }
  if constexpr (requires { T::kComponentSchemas; }) {
    for (const auto& [name, text] : T::kComponentSchemas) AddComponent(name, text);
  }
  json::object out{{"type", "object"}};
  if constexpr (requires { T::kDescription; }) out["description"] = T::kDescription;
  out["properties"] = std::move(properties);
  if (!required.empty()) out["required"] = std::move(required);
  if constexpr (requires { T::kRequest; }) out["additionalProperties"] = false;
  if constexpr (requires { typename T::Extends; }) {
    return json::object{{"allOf", json::array{Of<typename T::Extends>(), std::move(out)}}};
  }
  return out;
}

template <class T>
json::value Schemas::Of() {
  if constexpr (IsOmitted<T>::value) {
    return Of<typename T::value_type>();
  } else if constexpr (IsOptional<T>::value) {
    return Nullable(Of<typename T::value_type>());
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::object{{"type", "string"}};
  } else if constexpr (std::is_same_v<T, bool>) {
    return json::object{{"type", "boolean"}};
  } else if constexpr (std::is_integral_v<T>) {
    return json::object{{"type", "integer"}};
  } else if constexpr (std::is_same_v<T, json::value>) {
    return json::object{};  // any JSON; a kFieldSchemas entry says more
  } else if constexpr (std::is_same_v<T, Time>) {
    return json::object{{"type", "string"}, {"format", "date-time"}};
  } else if constexpr (IsVector<T>::value) {
    return json::object{{"type", "array"}, {"items", Of<typename T::value_type>()}};
  } else if constexpr (IsStringMap<T>::value) {
    return json::object{{"type", "object"},
                        {"additionalProperties", Of<typename T::value_type::second_type>()}};
  } else if constexpr (Described<T>) {
    if constexpr (requires { T::kSchemaName; }) {
      const std::string name(T::kSchemaName);
      if (!components_.contains(name)) {
        components_[name] = nullptr;  // a struct that contains itself refers to itself
        auto schema = ObjectSchema<T>();
        components_[name] = std::move(schema);
      }
      return json::object{{"$ref", "#/components/schemas/" + name}};
    } else {
      return ObjectSchema<T>();
    }
  } else {
    static_assert(sizeof(T) == 0, "no JSON Schema for this member type");
  }
}

}  // namespace recirc::jsonmap

namespace recirc::http {

template <class T>
boost::json::value SchemaFor(jsonmap::Schemas& schemas) {
  return schemas.Of<T>();
}

// The error answer of every route (http/response.cpp writes it): #/components/schemas/Error.
struct ErrorDetail {
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"message_id",
       R"({"description": "stable id of the message (docs/api.md \"Message ids\"); clients show their own text for it"})"},
      {"params",
       R"({"description": "named values the message refers to; present with message_id"})"}};
  std::string code;  // ErrorCodeName; openapi.cpp lists the names
  std::string message;
  jsonmap::Omitted<std::string> field;
  jsonmap::Omitted<std::string> request_id;
  jsonmap::Omitted<std::string> message_id;
  jsonmap::Omitted<std::map<std::string, std::string>> params;
};
BOOST_DESCRIBE_STRUCT(ErrorDetail, (), (code, message, field, request_id, message_id, params))

struct ErrorAnswer {
  static constexpr std::string_view kSchemaName = "Error";
  ErrorDetail error;
};
BOOST_DESCRIBE_STRUCT(ErrorAnswer, (), (error))

// The documentation of a route (route.hpp RouteDoc) from its request and answer types; void
// for none.
template <class Request, class Answer>
RouteDoc Document(std::string summary, std::string tag, unsigned status = 200) {
  RouteDoc doc{std::move(summary), std::move(tag), nullptr, nullptr, status};
  if constexpr (!std::is_void_v<Request>) doc.request = &SchemaFor<Request>;
  if constexpr (!std::is_void_v<Answer>) doc.response = &SchemaFor<Answer>;
  return doc;
}

// Attaches doc to the route of the table with this method and pattern; a table documents its
// routes in one block after adding them.
void Describe(std::vector<Route>& routes, Verb method, std::string_view pattern, RouteDoc doc);

}  // namespace recirc::http
