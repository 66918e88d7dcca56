#include "documents/item_label_service.hpp"

#include <boost/json.hpp>

#include <vector>

#include "documents/qr_svg.hpp"
#include "domain/registry/events.hpp"

namespace recirc::documents {
namespace {

std::string StringOf(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

std::string ItemPageUrl(std::string_view base_url, std::string_view item_id) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  return std::string(base_url) + "/items/" + std::string(item_id);
}

Result<LabelInput> LabelService::Describe(const std::string& item_id,
                                          std::string_view base_url) const {
  RECIRC_TRY(auto events,
             storage::ReadValue<std::vector<storage::EventRecord>>(db_, [&](storage::Session& s) {
               return journal_.ForAggregate(s, "item", item_id);
             }));
  const storage::EventRecord* acquired = nullptr;
  for (const auto& e : events) {
    if (e.type == registry::events::kItemAcquired.name)
      acquired = &e;  // the latest acquisition describes the item
  }
  if (acquired == nullptr) return Error::NotFound("item " + item_id + " not found");
  boost::system::error_code ec;
  const boost::json::value payload = boost::json::parse(acquired->payload, ec);
  if (ec || !payload.is_object()) {
    return Error::Internal("item " + item_id + ": unreadable acquisition event");
  }
  const auto& facts = payload.as_object();
  const std::string category = StringOf(facts, "category");
  std::string category_words = category;
  if (const inspection::Checklist* c = catalogue_.Latest(category); c != nullptr) {
    category_words = c->name.zh + " " + c->name.en;
  }
  std::string model = StringOf(facts, "brand");
  const std::string m = StringOf(facts, "model");
  if (!m.empty()) model += (model.empty() ? "" : " ") + m;
  return LabelInput{item_id,
                    ItemPageUrl(public_base_url_.empty() ? base_url : public_base_url_, item_id),
                    category_words, model, origin_};
}

Result<std::string> LabelService::Pdf(const ItemId& item, std::string_view size,
                                      std::string_view base_url) const {
  RECIRC_TRY(LabelSize label_size, FindLabelSize(size));
  RECIRC_TRY(LabelInput input, Describe(item.ToString(), base_url));
  return ItemLabelPdf(input, label_size);
}

Result<std::string> LabelService::QrSvg(const ItemId& item, std::string_view base_url) const {
  RECIRC_TRY(LabelInput input, Describe(item.ToString(), base_url));
  return documents::QrSvg(input.url);
}

}  // namespace recirc::documents
