// Status and Result<T>: expected failures travel as values, not exceptions.
// Exceptions are for bugs and start-up only. A Status carries a code (which decides the HTTP status
// in http/errors.cpp), a message for the log, and optionally a catalog key for the message shown
// to the user. Both types are plain values, safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace samskab {

enum class ErrorCode {
  kOk,
  kMalformed,             // the request cannot be read at all (broken JSON, query, encoding)
  kInvalidArgument,       // readable, but a value is not valid; fixing the input helps
  kUnsupportedMediaType,  // a body in a format the endpoint does not take
  kNotFound,              // no such thing, or the caller may not know it exists
  kAlreadyExists,         // a create collided with an existing thing
  kFailedPrecondition,    // the current state does not allow it (e.g. a row still referenced)
  kPreconditionFailed,    // an If-Match that no longer matches: someone else changed it first
  kPreconditionRequired,  // an update without If-Match
  kPermissionDenied,      // known caller, not allowed
  kUnauthenticated,       // unknown caller
  kPayloadTooLarge,       // body or field above its limit
  kTooManyRequests,       // throttled (too many failed logins); try again later
  kUnavailable,           // try again later (database down, shutting down)
  kInternal,              // a bug or an unexpected failure; details go to the log only
};

const char* ErrorCodeName(ErrorCode code);

// One field's problem in a validation failure: the field's name as the caller sent it
// ("postcode", "involvement_facts.rooms_lent") and the catalog key of the message for it.
struct FieldProblem {
  std::string field;
  std::string message_key;
  bool operator==(const FieldProblem&) const = default;
};

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string log_message, std::string user_message_key = {})
      : code_(code), log_message_(std::move(log_message)), user_message_key_(std::move(user_message_key)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // For the log and for developers; may contain internals, never shown to users.
  const std::string& log_message() const { return log_message_; }
  // Catalog key of the message shown to the user; empty means "use the code's generic message".
  const std::string& user_message_key() const { return user_message_key_; }
  // For validation failures: every bad field with its message (the API lists them all, a form
  // shows each next to its field). Empty for other errors.
  const std::vector<FieldProblem>& fields() const { return fields_; }
  Status& WithFields(std::vector<FieldProblem> fields) {
    fields_ = std::move(fields);
    return *this;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string log_message_;
  std::string user_message_key_;
  std::vector<FieldProblem> fields_;
};

inline Status InvalidArgument(std::string log, std::string key = {}) {
  return {ErrorCode::kInvalidArgument, std::move(log), std::move(key)};
}
// kInvalidArgument naming every bad field; the first field's message is the overall one.
// REQUIRES: `fields` is not empty.
inline Status ValidationFailed(std::vector<FieldProblem> fields) {
  std::string log = "invalid fields:";
  for (const auto& field : fields) log += " " + field.field;
  std::string key = fields.empty() ? std::string() : fields.front().message_key;
  Status status(ErrorCode::kInvalidArgument, std::move(log), std::move(key));
  status.WithFields(std::move(fields));
  return status;
}
inline Status NotFound(std::string log, std::string key = {}) {
  return {ErrorCode::kNotFound, std::move(log), std::move(key)};
}
inline Status Internal(std::string log) { return {ErrorCode::kInternal, std::move(log)}; }
inline Status Unavailable(std::string log) { return {ErrorCode::kUnavailable, std::move(log)}; }

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor): Result<T> r = value;
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok());
  }
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // A reference (to a shared OK status when there is a value), so that `r.status().fields()` and
  // `r.status().user_message_key()` can be kept by reference without dangling.
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace samskab

// Returns early from a function returning Status or Result<T> when `expr` is not ok.
#define SAMSKAB_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    auto samskab_status_ = (expr);                     \
    if (!samskab_status_.ok()) return samskab_status_; \
  } while (false)
