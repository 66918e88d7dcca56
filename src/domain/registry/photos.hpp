#pragma once
// PhotoService: photos of an acquisition — the item as bought, and the seller's ID document.
// - Types are sniffed from the bytes (JPEG, PNG, WebP); the Content-Type must agree.
// - Files are content-addressed by the SHA-256 of the image; uploading the same bytes again to
//   the same acquisition changes nothing and answers with the first record.
// - ID document images are personal data: encrypted with the node's FieldCipher before they
//   reach the disk, and shown only to the police of the jurisdiction with a stated reason, each
//   view written to the access audit in the same transaction (as the seller's full view).
// - An item photo is decoded before the transaction: undecodable bytes or an image over the
//   pixel limit are refused; only a colour photo releases the photo_required hold.
// - Who sees a registration's photos: the registering organisation and the police of the
//   outlet's jurisdiction; to anyone else the registration does not exist.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/principal.hpp"
#include "domain/registry/image_upload.hpp"
#include "storage/registry/photo_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

struct PhotoUpload {
  std::optional<std::string> kind;          // item, id_document
  std::optional<std::string> content_type;  // the request's Content-Type header
  std::string_view bytes;
};

struct StoredPhoto {
  storage::PhotoRecord record;
  bool created = false;  // false when the same bytes were already there
  // Item photos only (ID documents are not checked): whether the image is in colour
  // (photo_colour.hpp). A photo that is not is stored, as evidence, but does not release the
  // hold of an item without a serial number.
  std::optional<bool> in_colour;
};

struct PhotoBytes {
  storage::PhotoRecord record;
  std::string bytes;
};

class PhotoService {
 public:
  PhotoService(storage::Database& db, const storage::RegistryRepository& registry,
               const storage::PhotoRepository& photos, storage::PhotoFiles files,
               const crypto::FieldCipher& cipher, const Clock& clock, Random& random)
      : db_(db),
        registry_(registry),
        photos_(photos),
        files_(std::move(files)),
        cipher_(cipher),
        clock_(clock),
        random_(random) {}

  Result<StoredPhoto> Upload(const identity::Principal& actor, const AcquisitionId& acquisition,
                             const PhotoUpload& upload);
  Result<std::vector<storage::PhotoRecord>> List(const identity::Principal& actor,
                                                 const AcquisitionId& acquisition);
  // An item photo's bytes; an ID document is refused (see ViewIdDocument).
  Result<PhotoBytes> Get(const identity::Principal& actor, const AcquisitionId& acquisition,
                         const std::string& sha256);
  // For the market's public offer pages (market/offer_photos.hpp decides when an acquisition's
  // photos are public): the item photos only. ID document photos are never listed here, and
  // asking for one by its hash is answered as if it did not exist.
  Result<std::vector<storage::PhotoRecord>> PublicItemPhotos(const std::string& acquisition_id);
  Result<PhotoBytes> PublicItemPhoto(const std::string& acquisition_id, const std::string& sha256);
  // The police's view of an ID document image; `reason` (at least 10 characters) is audited.
  Result<PhotoBytes> ViewIdDocument(const identity::Principal& actor,
                                    const AcquisitionId& acquisition, const std::string& sha256,
                                    const std::string& reason);

 private:
  Result<storage::AcquisitionRecord> Visible(storage::Session& s, const identity::Principal& actor,
                                             const std::string& acquisition_id) const;
  Result<std::string> ReadBytes(const storage::PhotoRecord& r) const;

  storage::Database& db_;
  const storage::RegistryRepository& registry_;
  const storage::PhotoRepository& photos_;
  storage::PhotoFiles files_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::registry
