// Uploaded photos: type sniffing and the upload check (domain/registry/image_upload.hpp), then
// the colour check (photo_colour.hpp), which decodes JPEG, PNG and WebP with libjpeg-turbo,
// libpng and libwebp. Hostile bytes must be refused, never crash or read out of bounds, and
// refusals name `photo`.
#include <string>

#include "domain/registry/image_upload.hpp"
#include "domain/registry/photo_colour.hpp"
#include "fuzz_check.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::AsText(data, size);
  const auto type = registry::SniffImageType(bytes);
  auto checked = registry::CheckUploadedImage(type, bytes);
  if (checked) {
    FUZZ_CHECK(type && *checked == *type);
  } else {
    FUZZ_CHECK(checked.error().field == "photo");
  }
  if (!type) return 0;
  if (auto colour = registry::CheckColour(bytes, *type)) {
    FUZZ_CHECK(colour->width > 0 && colour->height > 0);
    FUZZ_CHECK(colour->width * colour->height <= registry::kMaxPhotoPixels);
    FUZZ_CHECK(colour->coloured_pixels <= colour->sampled_pixels);
  } else {
    FUZZ_CHECK(colour.error().field == "photo");
  }
  return 0;
}
