// The request pipeline between the wire and the handlers, free of Beast: language and other
// per-request preparation, routing, running the handler, turning failures into error pages,
// and the headers every response gets. The server calls Resolve() on the I/O thread and
// Dispatch() where the route says (I/O thread or worker pool). Thread-safe once built.
#pragma once

#include <functional>
#include <optional>

#include "http/errors.h"
#include "http/message.h"
#include "http/router.h"

namespace samskab::http {

class Dispatcher {
 public:
  using Prepare = std::function<void(Request&)>;
  using Finish = std::function<void(const Request&, Response&)>;
  // Decides whether the request may run the route (authentication and the access policy). A
  // response means "denied, send this instead"; nullopt lets the handler run.
  using Authorise = std::function<std::optional<Response>(Request&, const Route&)>;

  Dispatcher(const Router& router, const ErrorRenderer& errors, Prepare prepare, Finish finish,
             Authorise authorise)
      : router_(router),
        errors_(errors),
        prepare_(std::move(prepare)),
        finish_(std::move(finish)),
        authorise_(std::move(authorise)) {}

  // Prepares the request (language) and finds its route.
  Match Resolve(Request& request) const;
  // Runs the matched handler, or answers 404/405. Never throws: an exception becomes a 500
  // whose details are logged with the request id.
  Response Dispatch(Request& request, const Match& match) const;
  // An error response for failures before routing (400, 413, 431).
  Response Error(Request& request, int status) const;

  const ErrorRenderer& errors() const { return errors_; }

 private:
  void Complete(const Request& request, Response& response) const;

  const Router& router_;
  const ErrorRenderer& errors_;
  Prepare prepare_;
  Finish finish_;
  Authorise authorise_;
};

}  // namespace samskab::http
