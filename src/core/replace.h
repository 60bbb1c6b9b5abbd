// Replacing every occurrence of a text: the "{name}" placeholders of catalog texts in e-mails and
// the migrations' "{{ID}}". Kept apart from core/text.h, which nearly every file includes.
#pragma once

#include <string>
#include <string_view>

namespace samskab::text {

// `s` with every `from` replaced by `to` (an empty `from` changes nothing).
std::string ReplaceAll(std::string s, std::string_view from, std::string_view to);

}  // namespace samskab::text
