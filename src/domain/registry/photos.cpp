#include "domain/registry/photos.hpp"

#include "core/id.hpp"
#include "crypto/token.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/photo_colour.hpp"
#include "domain/registry/police.hpp"

namespace recirc::registry {
namespace {

constexpr std::string_view kIdDocument = "id_document";

std::string CipherContext(const std::string& sha256) { return "photo.id_document:" + sha256; }

std::string FileName(const storage::PhotoRecord& r) {
  return r.encrypted ? r.sha256 + ".enc" : r.sha256;
}

}  // namespace

Result<storage::AcquisitionRecord> PhotoService::Visible(storage::Session& s,
                                                         const identity::Principal& actor,
                                                         const std::string& acquisition_id) const {
  RECIRC_TRY(auto a, registry_.FindAcquisition(s, acquisition_id));
  if (a) {
    if (actor.Has(identity::Permission::kAcquisitionsWrite) &&
        actor.InOrganisation(a->organisation_id)) {
      return *a;
    }
    const bool police =
        actor.Has(identity::Permission::kPoliceRead) &&
        (actor.kind == identity::OrganisationKind::kPolice || actor.SeesAllOrganisations());
    if (police && (actor.SeesAllOrganisations() || a->region_code.starts_with(JurisdictionPrefix(
                                                       actor.organisation.region_code)))) {
      return *a;
    }
  }
  return Error::NotFound("acquisition " + acquisition_id + " not found");
}

Result<StoredPhoto> PhotoService::Upload(const identity::Principal& actor, const AcquisitionId& id,
                                         const PhotoUpload& upload) {
  const std::string acquisition_id = id.ToString();
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot add photos to registrations");
  }
  if (!upload.kind || (*upload.kind != "item" && *upload.kind != kIdDocument)) {
    return Error::InvalidArgument("kind", "kind is item or id_document (query parameter)");
  }
  RECIRC_TRY(const std::string media_type, CheckUploadedImage(upload.content_type, upload.bytes));
  // The registration must be the caller's before anything touches the disk.
  RECIRC_TRY(auto acquisition,
             storage::ReadValue<storage::AcquisitionRecord>(
                 db_, [&](storage::Session& s) { return Visible(s, actor, acquisition_id); }));
  if (!actor.InOrganisation(acquisition.organisation_id)) {
    return Error::NotFound("acquisition " + acquisition_id + " not found");
  }
  // Decoded before the write transaction: the colour rule of an item without a serial number.
  std::optional<bool> in_colour;
  if (*upload.kind == "item") {
    RECIRC_TRY(ColourCheck check, CheckColour(upload.bytes, media_type));
    in_colour = check.in_colour;
  }
  storage::PhotoRecord r{acquisition_id,
                         crypto::Sha256Hex(upload.bytes),
                         *upload.kind,
                         media_type,
                         static_cast<int64_t>(upload.bytes.size()),
                         *upload.kind == kIdDocument,
                         actor.user_id,
                         ToUnixMillis(clock_.Now())};
  if (r.encrypted) {
    RECIRC_TRY(std::string sealed, cipher_.Encrypt(upload.bytes, CipherContext(r.sha256), random_));
    RECIRC_CHECK(files_.Put(FileName(r), sealed));
  } else {
    RECIRC_CHECK(files_.Put(FileName(r), upload.bytes));
  }
  // The file is in place before its row: a crash in between leaves an unreferenced file, never
  // a row without its bytes.
  return storage::WriteValue<StoredPhoto>(db_, [&](storage::Session& s) -> Result<StoredPhoto> {
    RECIRC_TRY(bool created, photos_.Insert(s, r));
    // A colour item photo completes a registration that had to wait for one (no serial number).
    if (in_colour.value_or(false))
      RECIRC_CHECK(registry_.ReleasePhotoHold(s, acquisition.item_id, r.created_at));
    if (created) return StoredPhoto{r, true, in_colour};
    RECIRC_TRY(auto existing, photos_.Find(s, r.acquisition_id, r.sha256));
    if (!existing) return Error::Internal("photo row vanished");
    return StoredPhoto{*existing, false, in_colour};
  });
}

Result<std::vector<storage::PhotoRecord>> PhotoService::List(const identity::Principal& actor,
                                                             const AcquisitionId& id) {
  const std::string acquisition_id = id.ToString();
  return storage::ReadValue<std::vector<storage::PhotoRecord>>(
      db_, [&](storage::Session& s) -> Result<std::vector<storage::PhotoRecord>> {
        RECIRC_TRY(auto a, Visible(s, actor, acquisition_id));
        return photos_.OfAcquisition(s, a.id);
      });
}

Result<std::string> PhotoService::ReadBytes(const storage::PhotoRecord& r) const {
  RECIRC_TRY(std::string stored, files_.Get(FileName(r)));
  if (!r.encrypted) return stored;
  return cipher_.Decrypt(stored, CipherContext(r.sha256));
}

Result<PhotoBytes> PhotoService::Get(const identity::Principal& actor, const AcquisitionId& id,
                                     const std::string& sha256) {
  const std::string acquisition_id = id.ToString();
  RECIRC_TRY(auto record, storage::ReadValue<storage::PhotoRecord>(
                              db_, [&](storage::Session& s) -> Result<storage::PhotoRecord> {
                                RECIRC_TRY(auto a, Visible(s, actor, acquisition_id));
                                RECIRC_TRY(auto p, photos_.Find(s, a.id, sha256));
                                if (!IsSha256Hex(sha256) || !p) {
                                  return Error::NotFound("photo " + sha256 + " not found");
                                }
                                return *p;
                              }));
  if (record.kind == kIdDocument) {
    return Error::PermissionDenied(
        "an ID document photo is shown only to the police, with a stated reason");
  }
  RECIRC_TRY(std::string bytes, ReadBytes(record));
  return PhotoBytes{std::move(record), std::move(bytes)};
}

Result<std::vector<storage::PhotoRecord>> PhotoService::PublicItemPhotos(
    const std::string& acquisition_id) {
  RECIRC_TRY(auto all,
             storage::ReadValue<std::vector<storage::PhotoRecord>>(db_, [&](storage::Session& s) {
               return photos_.OfAcquisition(s, acquisition_id);
             }));
  std::vector<storage::PhotoRecord> items;
  for (auto& p : all) {
    if (p.kind != kIdDocument && !p.encrypted) items.push_back(std::move(p));
  }
  return items;
}

Result<PhotoBytes> PhotoService::PublicItemPhoto(const std::string& acquisition_id,
                                                 const std::string& sha256) {
  if (!IsSha256Hex(sha256)) return Error::NotFound("photo " + sha256 + " not found");
  RECIRC_TRY(auto found,
             storage::ReadValue<std::optional<storage::PhotoRecord>>(db_, [&](storage::Session& s) {
               return photos_.Find(s, acquisition_id, sha256);
             }));
  if (!found || found->kind == kIdDocument || found->encrypted) {
    return Error::NotFound("photo " + sha256 + " not found");
  }
  RECIRC_TRY(std::string bytes, ReadBytes(*found));
  return PhotoBytes{std::move(*found), std::move(bytes)};
}

Result<PhotoBytes> PhotoService::ViewIdDocument(const identity::Principal& actor,
                                                const AcquisitionId& id, const std::string& sha256,
                                                const std::string& reason) {
  const std::string acquisition_id = id.ToString();
  if (!actor.Has(identity::Permission::kPoliceRead) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only the police see ID document photos");
  }
  RECIRC_CHECK(identity::CheckText(reason, "reason", 500));
  if (reason.size() < 10) {
    return Error::InvalidArgument("reason",
                                  "state the reason for the full view (case number, purpose)");
  }
  RECIRC_TRY(
      auto record,
      storage::WriteValue<storage::PhotoRecord>(
          db_, [&](storage::Session& s) -> Result<storage::PhotoRecord> {
            RECIRC_TRY(auto a, Visible(s, actor, acquisition_id));
            RECIRC_TRY(auto p, photos_.Find(s, a.id, sha256));
            if (!IsSha256Hex(sha256) || !p || p->kind != kIdDocument) {
              return Error::NotFound("ID document photo " + sha256 + " not found");
            }
            RECIRC_CHECK(registry_.InsertAccessAudit(
                s, {Id::Generate(clock_, random_).ToString(), actor.user_id, actor.organisation.id,
                    a.seller_id, a.id, reason, ToUnixMillis(clock_.Now())}));
            return *p;
          }));
  RECIRC_TRY(std::string bytes, ReadBytes(record));
  return PhotoBytes{std::move(record), std::move(bytes)};
}

}  // namespace recirc::registry
