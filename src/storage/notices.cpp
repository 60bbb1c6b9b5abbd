#include "storage/notices.h"

#include <fmt/format.h>

#include "core/replace.h"

namespace samskab::storage {

Status QueueMail(Connection& connection, const std::string& recipient, const std::string& subject,
                 const std::string& body, const std::string& now) {
  return connection
      .Execute("INSERT INTO outbox (recipient, subject, body, created_at) VALUES (?, ?, ?, ?)",
               {recipient, subject, body, now})
      .status();
}

Status QueueNotice(Connection& connection, const NoticeText& text, std::string_view lang,
                   std::string_view kind, const NoticeFields& fields, const std::string& recipient,
                   const std::string& now) {
  std::string subject = text(lang, fmt::format("mail.{}.subject", kind));
  std::string body = text(lang, fmt::format("mail.{}.body", kind));
  for (std::string* part : {&subject, &body}) {
    for (const auto& [name, value] : fields)
      *part = text::ReplaceAll(std::move(*part), fmt::format("{{{}}}", name), value);
  }
  return QueueMail(connection, recipient, subject, body, now);
}

}  // namespace samskab::storage
