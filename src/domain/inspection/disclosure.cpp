#include "domain/inspection/disclosure.hpp"

#include <array>

#include <boost/json.hpp>

#include "domain/inspection/events.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;

bool ChangesDisclosure(std::string_view type) {
  return type == events::kItemInspected.name || type == events::kItemRepaired.name ||
         type == events::kItemIdentifierChanged.name || type == events::kItemSanitized.name;
}

std::string Str(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  return {};
}

// The words for a recorded enum value (sanitization level and method, authenticity verdict, a
// measurement's unit) in the disclosure's two languages; an unknown value is shown as it is.
struct Words {
  std::string_view value, zh, en;
};
constexpr std::array<Words, 15> kWords = {{
    {"clear", "清除", "clear"},
    {"purge", "净化", "purge"},
    {"destroy", "销毁", "destroy"},
    {"overwrite", "覆写", "overwrite"},
    {"block_erase", "块擦除", "block erase"},
    {"crypto_erase", "密码擦除", "cryptographic erase"},
    {"genuine", "正品", "genuine"},
    {"counterfeit", "仿冒品", "counterfeit"},
    {"cannot_determine", "无法判断", "cannot determine"},
    {"year", " 年", " year(s)"},
    {"km", " 公里", " km"},
    {"%", "%", "%"},
    {"passed", "通过", "passed"},
    {"failed", "未通过", "failed"},
    {"", "", ""},
}};

std::string Word(std::string_view value, bool zh) {
  for (const auto& w : kWords) {
    if (w.value == value) return std::string(zh ? w.zh : w.en);
  }
  return std::string(value);
}

std::string CheckName(const Checklist* c, std::string_view id, bool zh) {
  const Check* check = c ? c->FindCheck(id) : nullptr;
  if (check == nullptr) return std::string(id);
  return zh ? check->name.zh : check->name.en;
}

std::string GradeName(const Checklist* c, std::string_view scale, std::string_view value, bool zh) {
  const Scale* s = c ? c->FindScale(scale) : nullptr;
  if (s == nullptr) return std::string(value);
  for (const auto& g : s->grades) {
    if (g.value == value) {
      return std::string(value) + " (" + (zh ? g.name.zh : g.name.en) + ")";
    }
  }
  return std::string(value);
}

}  // namespace

Result<Disclosure> BuildDisclosure(const Catalogue& catalogue, const storage::ItemRecord& item,
                                   const std::vector<storage::EventRecord>& events,
                                   std::optional<int64_t> version) {
  int64_t latest = 0;
  for (const auto& e : events) latest += ChangesDisclosure(e.type);
  if (version && (*version < 0 || *version > latest)) {
    return Error::InvalidArgument("version",
                                  "versions of this disclosure are 0 to " + std::to_string(latest));
  }
  Disclosure d;
  d.item_id = item.id;
  d.latest = latest;
  d.version = version.value_or(latest);
  const Checklist* checklist = catalogue.Latest(item.category);

  std::optional<json::object> inspection;
  std::optional<json::object> sanitization;
  json::array repairs;
  int64_t identifier_changes = 0;
  int64_t seen = 0;
  for (const auto& e : events) {
    if (ChangesDisclosure(e.type)) {
      if (seen == d.version) break;
      ++seen;
    }
    d.based_on_seq = e.seq;
    json::object p = json::parse(e.payload).as_object();
    if (e.type == inspection::events::kItemInspected.name) {
      inspection = std::move(p);
    } else if (e.type == inspection::events::kItemSanitized.name) {
      sanitization = std::move(p);
    } else if (e.type == inspection::events::kItemRepaired.name) {
      repairs.push_back(std::move(p));
    } else if (e.type == inspection::events::kItemIdentifierChanged.name) {
      ++identifier_changes;
    }
  }
  // A checklist version named by the inspection is used for names when it is still known.
  if (inspection) {
    const auto& cl = inspection->at("checklist").as_object();
    if (const Checklist* c = catalogue.Find(Str(cl.at("category")), cl.at("version").as_int64())) {
      checklist = c;
    }
  }

  std::string zh = "【旧货】" + item.brand + " " + item.model + "\n";
  std::string en = "[Second-hand goods] " + item.brand + " " + item.model + "\n";
  json::object facts{{"label", {{"zh", "旧货"}, {"en", "second-hand"}}},
                     {"category", item.category},
                     {"brand", item.brand},
                     {"model", item.model}};

  if (inspection) {
    facts["inspection"] = *inspection;
    zh += "检测报告 " + Str(inspection->at("report_id")) + "：";
    en += "Inspection report " + Str(inspection->at("report_id")) + ": ";
    bool first = true;
    for (const auto& [scale, value] : inspection->at("grade").as_object()) {
      const Scale* s = checklist ? checklist->FindScale(scale) : nullptr;
      zh += std::string(first ? "" : "，") + (s ? s->name.zh : std::string(scale)) + " " +
            GradeName(checklist, scale, Str(value), true);
      en += std::string(first ? "" : ", ") + (s ? s->name.en : std::string(scale)) + " " +
            GradeName(checklist, scale, Str(value), false);
      first = false;
    }
    zh += "\n";
    en += "\n";
    for (const auto& [check, value] : inspection->at("measured").as_object()) {
      const Check* c = checklist ? checklist->FindCheck(check) : nullptr;
      const std::string unit = c ? c->unit : "";
      zh += CheckName(checklist, check, true) + "：" + Str(value) + Word(unit, true) + "\n";
      en += CheckName(checklist, check, false) + ": " + Str(value) + Word(unit, false) + "\n";
    }
    json::array defects;
    for (const auto& f : inspection->at("checklist").as_object().at("failed").as_array()) {
      defects.push_back({{"zh", CheckName(checklist, Str(f), true) + "：未通过"},
                         {"en", CheckName(checklist, Str(f), false) + ": failed"}});
    }
    for (const auto& t : inspection->at("defects").as_array()) {
      defects.push_back({{"zh", Str(t)}, {"en", Str(t)}});
    }
    facts["known_defects"] = defects;
    zh += "已知缺陷：" + std::string(defects.empty() ? "无" : "") + "\n";
    en += "Known defects: " + std::string(defects.empty() ? "none" : "") + "\n";
    for (const auto& dft : defects) {
      zh += "  - " + Str(dft.as_object().at("zh")) + "\n";
      en += "  - " + Str(dft.as_object().at("en")) + "\n";
    }
    if (const auto& a = inspection->at("authenticity"); a.is_string()) {
      zh += "真伪鉴定：" + Word(Str(a), true) + "\n";
      en += "Authenticity: " + Word(Str(a), false) + "\n";
    }
  } else {
    zh += "尚无检测报告。\n";
    en += "Not inspected yet.\n";
  }

  facts["repairs"] = repairs;
  if (repairs.empty()) {
    zh += "维修记录：无\n";
    en += "Repairs: none recorded\n";
  } else {
    zh += "维修记录：\n";
    en += "Repairs:\n";
  }
  for (const auto& rv : repairs) {
    const auto& r = rv.as_object();
    zh += "  - " + Str(r.at("repaired_at")) + " " + Str(r.at("description")) + "\n";
    en += "  - " + Str(r.at("repaired_at")) + " " + Str(r.at("description")) + "\n";
    for (const auto& pv : r.at("parts").as_array()) {
      const auto& p = pv.as_object();
      const bool original = Str(p.at("origin")) == "original";
      zh += "    更换 " + Str(p.at("part")) + "（" + (original ? "原厂" : "第三方") + "，" +
            Str(p.at("brand")) + "，" + Str(p.at("maker")) + "）\n";
      en += "    replaced " + Str(p.at("part")) + " (" + (original ? "original" : "third-party") +
            ", " + Str(p.at("brand")) + ", " + Str(p.at("maker")) + ")\n";
    }
  }
  facts["identifier_changes"] = identifier_changes;
  if (identifier_changes > 0) {
    zh += "注意：维修中更改过设备标识（" + std::to_string(identifier_changes) + " 次）\n";
    en += "Note: a device identifier was changed during repair (" +
          std::to_string(identifier_changes) + " time(s))\n";
  }

  const bool has_storage = checklist && checklist->has_storage;
  facts["has_storage"] = has_storage;
  facts["sanitization"] = sanitization ? json::value(*sanitization) : nullptr;
  if (sanitization) {
    const bool passed = Str(sanitization->at("result")) == "passed";
    zh += "数据清除：" + Word(Str(sanitization->at("level")), true) + " / " +
          Word(Str(sanitization->at("method")), true) + "，" +
          (passed ? "验证通过" : "验证未通过") + "\n";
    en += "Data sanitization: " + Word(Str(sanitization->at("level")), false) + " / " +
          Word(Str(sanitization->at("method")), false) + ", " +
          (passed ? "verified" : "verification failed") + "\n";
  } else if (has_storage) {
    zh += "数据清除：尚未完成（清除并验证前不得出售）\n";
    en += "Data sanitization: not done yet (the item cannot be sold before it is)\n";
  }

  // 《旧电器电子产品流通管理办法》 (2013): at least 3 months for used electrical and electronic
  // products; used cars no older than 3 years / 60,000 km: 3 months or 5,000 km.
  json::object warranty;
  if (checklist && checklist->electrical) {
    warranty = {{"minimum_months", 3},
                {"zh", "保修期不少于 3 个月（旧电器电子产品）"},
                {"en", "Warranty of at least 3 months (used electrical and electronic product)"}};
  } else if (item.category == "car") {
    warranty = {
        {"minimum_months", 3},
        {"minimum_km", 5000},
        {"zh", "车龄 3 年内且里程 6 万公里内的车辆：保修不少于 3 个月或 5000 公里（以先到者为准）"},
        {"en",
         "Cars no older than 3 years and 60,000 km: warranty of at least 3 months or "
         "5,000 km, whichever comes first"}};
  } else {
    warranty = {{"minimum_months", 0},
                {"zh", "法律未规定最低保修期；以卖方承诺为准"},
                {"en", "No statutory minimum warranty; as the seller states"}};
  }
  zh += Str(warranty.at("zh")) + "\n";
  en += Str(warranty.at("en")) + "\n";
  facts["warranty"] = std::move(warranty);
  d.facts = std::move(facts);
  d.text_zh = std::move(zh);
  d.text_en = std::move(en);
  return d;
}

Result<Disclosure> DisclosureService::Get(const ItemId& item_ref, std::optional<int64_t> version) {
  const std::string item_id = item_ref.ToString();
  std::optional<storage::ItemRecord> item;
  std::vector<storage::EventRecord> events;
  RECIRC_CHECK(db_.Read([&](storage::Session& s) -> Status {
    RECIRC_TRY(item, registry_.FindItem(s, item_id));
    if (!item) return Error::NotFound("item " + item_id + " not found");
    RECIRC_TRY(events, journal_.ForAggregate(s, "item", item_id));
    return Ok();
  }));
  return BuildDisclosure(catalogue_, *item, events, version);
}

}  // namespace recirc::inspection
