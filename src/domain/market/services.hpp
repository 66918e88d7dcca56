#pragma once
// The market context's services, handed to the API as one bundle.

#include "domain/market/after_sales.hpp"
#include "domain/market/auction_service.hpp"
#include "domain/market/best_offer_service.hpp"
#include "domain/market/inventory.hpp"
#include "domain/market/listing_blocks.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/order_service.hpp"
#include "domain/market/payment.hpp"
#include "domain/market/rental_service.hpp"

namespace recirc::market {

struct MarketServices {
  OfferService& offers;
  BestOfferService& best_offers;
  ListingBlockService& blocks;
  OrderService& orders;
  AfterSalesService& after_sales;
  const ProhibitedRules& rules;
  const PaymentProviders& payments;  // the offered ones (GET /market/payment-providers)
  AuctionService& auctions;
  InventoryService& inventory;
  RentalService& rentals;
};

}  // namespace recirc::market
