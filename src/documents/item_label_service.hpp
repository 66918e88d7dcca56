#pragma once
// LabelService: what an item's label says, read from the item's public journal facts (the
// category, brand and model of its latest `item.acquired` event: the same facts its
// transparency-log leaf carries), drawn by ItemLabelPdf.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "documents/item_label.hpp"
#include "domain/inspection/checklist.hpp"
#include "storage/database.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::documents {

class LabelService {
 public:
  // `origin`: the log's origin (its key name). `public_base_url`: where the web app is reached
  // from outside ("https://shop.example"); empty when not configured.
  LabelService(storage::Database& db, const storage::JournalRepository& journal,
               const inspection::Catalogue& catalogue, std::string origin,
               std::string public_base_url)
      : db_(db),
        journal_(journal),
        catalogue_(catalogue),
        origin_(std::move(origin)),
        public_base_url_(std::move(public_base_url)) {}

  const std::string& public_base_url() const { return public_base_url_; }

  // The label's content; `base_url` is used when no public base URL is configured.
  Result<LabelInput> Describe(const std::string& item_id, std::string_view base_url) const;
  // The PDF in size `size` ("50x30"); InvalidArgument naming `size` for an unknown one,
  // NotFound for an item that was never registered.
  Result<std::string> Pdf(const ItemId& item, std::string_view size,
                          std::string_view base_url) const;
  // The label's QR code alone as SVG (qr_svg.hpp), for the acquisition receipt; NotFound as Pdf.
  Result<std::string> QrSvg(const ItemId& item, std::string_view base_url) const;

 private:
  storage::Database& db_;
  const storage::JournalRepository& journal_;
  const inspection::Catalogue& catalogue_;
  std::string origin_;
  std::string public_base_url_;
};

// `<base>/items/<id>` with one slash between.
std::string ItemPageUrl(std::string_view base_url, std::string_view item_id);

}  // namespace recirc::documents
