// E-mail notices queued in the outbox, in the same transaction as the change they tell of (the
// mailer sends them later). One place renders a notice from the catalog and writes the row, for
// every store that tells people something.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "storage/database.h"

namespace samskab::storage {

// A catalog lookup for the notices' text: (language, key) -> text with {placeholders}.
using NoticeText = std::function<std::string(std::string_view lang, std::string_view key)>;

// A placeholder without its braces ("title") and what it becomes.
using NoticeFields = std::vector<std::pair<std::string_view, std::string>>;

// Queues one message as it is.
Status QueueMail(Connection& connection, const std::string& recipient, const std::string& subject,
                 const std::string& body, const std::string& now);

// Queues the notice `kind`: the catalog's mail.<kind>.subject and mail.<kind>.body in `lang`, each
// {field} replaced by its value.
Status QueueNotice(Connection& connection, const NoticeText& text, std::string_view lang,
                   std::string_view kind, const NoticeFields& fields, const std::string& recipient,
                   const std::string& now);

}  // namespace samskab::storage
