// `file://` URIs (RFC 8089) as editors send them, to and from local paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flinklint::cli::lsp {

// The absolute path of a `file:` URI (percent-escapes decoded); nullopt for any other URI, a
// `file:` URI of another host, or one that decodes to a NUL byte.
std::optional<std::string> path_of_uri(std::string_view uri);

// The `file://` URI of an absolute path, with every byte outside RFC 3986's unreserved set and `/`
// percent-escaped.
std::string uri_of_path(std::string_view path);

}  // namespace flinklint::cli::lsp
