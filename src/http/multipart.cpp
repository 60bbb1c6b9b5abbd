#include "http/multipart.h"

#include "core/text.h"

namespace samskab::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";

Status Malformed(std::string log) {
  return {ErrorCode::kMalformed, std::move(log), "upload.error.malformed"};
}
Status TooLarge(std::string log) {
  return {ErrorCode::kPayloadTooLarge, std::move(log), "upload.error.too_large"};
}

// RFC 2046's boundary characters.
bool IsBoundaryChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// The value of parameter `name` in "type; a=1; b=\"x y\"" (case-insensitive name), unquoted.
// Backslash escapes a character inside quotes; nullopt when absent, malformed when unterminated.
Result<std::optional<std::string>> Parameter(std::string_view header, std::string_view name) {
  size_t pos = header.find(';');
  while (pos != std::string_view::npos) {
    std::string_view rest = text::Trim(header.substr(pos + 1));
    const size_t equals = rest.find('=');
    if (equals == std::string_view::npos) return Malformed("parameter without value");
    const std::string_view key = text::Trim(rest.substr(0, equals));
    std::string_view value = rest.substr(equals + 1);
    std::string decoded;
    size_t consumed = 0;
    if (!value.empty() && value.front() == '"') {
      bool closed = false;
      for (size_t i = 1; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
          decoded += value[++i];
        } else if (value[i] == '"') {
          closed = true;
          consumed = i + 1;
          break;
        } else {
          decoded += value[i];
        }
      }
      if (!closed) return Malformed("unterminated quoted parameter");
    } else {
      consumed = std::min(value.find(';'), value.size());
      decoded = std::string(text::Trim(value.substr(0, consumed)));
    }
    if (text::EqualsIgnoreCase(key, name)) return std::optional<std::string>(std::move(decoded));
    const size_t next = value.find(';', consumed);
    pos = next == std::string_view::npos ? next : static_cast<size_t>(value.data() + next - header.data());
  }
  return std::optional<std::string>();
}

// A browser may send the full path of the file ("C:\\Users\\…\\oversigt.csv"): keep the name.
std::string BaseName(std::string_view filename) {
  const size_t slash = filename.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

// Reads one part's header block into `part`.
Status ReadHeaders(std::string_view block, MultipartPart& part) {
  bool disposition = false;
  while (!block.empty()) {
    const size_t end = block.find(kCrlf);
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + kCrlf.size());
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Malformed("part header without colon");
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = text::Trim(line.substr(colon + 1));
    if (text::EqualsIgnoreCase(name, "Content-Disposition")) {
      const std::string_view type = text::Trim(value.substr(0, value.find(';')));
      if (!text::EqualsIgnoreCase(type, "form-data")) return Malformed("part is not form-data");
      auto field = Parameter(value, "name");
      if (!field.ok()) return field.status();
      if (!*field || (*field)->empty()) return Malformed("part without a name");
      auto filename = Parameter(value, "filename");
      if (!filename.ok()) return filename.status();
      part.name = std::move(**field);
      if (*filename) part.filename = BaseName(**filename);
      disposition = true;
    } else if (text::EqualsIgnoreCase(name, "Content-Type")) {
      part.content_type = std::string(value);
    }
    // Other headers (Content-Transfer-Encoding is deprecated for form-data) are ignored.
  }
  if (!disposition) return Malformed("part without Content-Disposition");
  if (!text::IsValidUtf8(part.name) || (part.filename && !text::IsValidUtf8(*part.filename)))
    return Malformed("part name is not UTF-8");
  return Status::Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  const std::string_view type = text::Trim(content_type.substr(0, content_type.find(';')));
  if (!text::EqualsIgnoreCase(type, "multipart/form-data"))
    return Status(ErrorCode::kUnsupportedMediaType, "not multipart/form-data", "upload.error.malformed");
  auto boundary = Parameter(content_type, "boundary");
  if (!boundary.ok()) return boundary.status();
  if (!*boundary || (*boundary)->empty() || (*boundary)->size() > 70 || (*boundary)->back() == ' ')
    return Malformed("missing or bad boundary");
  for (char c : **boundary) {
    if (!IsBoundaryChar(c)) return Malformed("bad character in boundary");
  }
  return std::move(**boundary);
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  if (!body.starts_with(delimiter)) return Malformed("body does not start with the boundary");
  size_t pos = delimiter.size();
  std::vector<MultipartPart> parts;
  while (true) {
    // After a delimiter: "--" closes the body, CRLF starts a part (transport padding is not sent
    // by browsers and not accepted).
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, 2) != kCrlf) return Malformed("delimiter not followed by CRLF");
    pos += 2;
    if (parts.size() >= limits.max_parts) return TooLarge("too many parts");
    const size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return Malformed("part headers do not end");
    if (headers_end - pos > limits.max_header_bytes) return TooLarge("part headers too long");
    MultipartPart part;
    SAMSKAB_RETURN_IF_ERROR(ReadHeaders(body.substr(pos, headers_end - pos), part));
    pos = headers_end + 4;
    const size_t end = body.find(next_delimiter, pos);
    if (end == std::string_view::npos) return Malformed("part does not end with the boundary");
    if (end - pos > limits.max_part_bytes) return TooLarge("part too large");
    part.body = std::string(body.substr(pos, end - pos));
    parts.push_back(std::move(part));
    pos = end + next_delimiter.size();
  }
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const auto& part : parts) {
    if (part.name == name) return &part;
  }
  return nullptr;
}

}  // namespace samskab::http
