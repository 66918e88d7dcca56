#pragma once
// Request bodies the market's HTTP tests share: a phone's passing inspection results (with photo
// references) and the sanitization certificate of the Huawei Mate 60 (serial SN123) those tests
// register.

namespace recirc::testing {

inline constexpr const char* kPhoneInspection =
    R"({"results":{"powers_on":"pass","display":"pass","touch":"pass","cameras":"pass",)"
    R"("audio":"pass","buttons":"pass","charging":"pass","connectivity":"pass",)"
    R"("battery_health":88,"liquid_indicator":"not_triggered","activation_lock":"off",)"
    R"("screen_glass":"flawless","housing":"light_wear",)"
    R"("photo_front":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
    R"("photo_back":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}})";

inline constexpr const char* kMate60Wipe =
    R"({"manufacturer":"Huawei","model":"Mate 60","serial":"SN123","media_type":"flash",)"
    R"("media_source":"internal storage","level":"purge","method":"block_erase",)"
    R"("tool":"wipe","tool_version":"1.0","verification_method":"read-back",)"
    R"("verification_result":"passed",)"
    R"("sanitizer":{"name":"A","title":"tech","date":"2026-12-01","place":"Beijing"},)"
    R"("verifier":{"name":"B","title":"lead","date":"2026-12-01","place":"Beijing"},)"
    R"("consent":{"given":true,"scope":"all user data","method_explained":true,"date":"2026-12-01"},)"
    R"("destination":"resale"})";

}  // namespace recirc::testing
