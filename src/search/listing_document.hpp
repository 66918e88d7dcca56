#pragma once
// ListingDocument: what the search index knows of one published listing (an offer). It is the
// payload of the `listing.published` event (snake_case JSON, docs/search.md), so the marketplace
// and the index agree on one shape. Nothing personal: no buyer, and the seller only as its
// organisation's and outlet's ids (businesses, not people), so that a suspended seller's listings
// can be left out of the matching itself.

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace recirc::search {

struct ListingDocument {
  std::string listing_id;  // the offer's id; add/replace/delete key
  std::string item_id;
  std::string title_zh;
  std::string title_en;
  std::string description_zh;
  std::string description_en;
  std::string brand;
  std::string model;
  std::string category;     // a code of data/categories.json (core/category.hpp)
  std::string region_code;  // GB/T 2260, six digits (county level where known)
  std::string grade;        // functional/cosmetic ("A/B") or a category grade string
  int64_t price_fen = 0;
  std::string sale_mode;     // fixed_price, auction, rental, consignment, lot
  std::string channel;       // online, outlet, flea_market
  int64_t published_at = 0;  // Unix milliseconds (RFC 3339 on the wire)
  // The selling organisation and outlet; empty in listings published before they were carried.
  std::string organisation_id;
  std::string outlet_id;
};

// The sale modes a listing may have (DOMAIN.md "Business formats").
bool IsSaleMode(std::string_view mode);

// Parses and checks a `listing.published` payload; errors name the field.
Result<ListingDocument> ListingFromJson(const boost::json::value& json);
boost::json::object ListingToJson(const ListingDocument& doc);

}  // namespace recirc::search
