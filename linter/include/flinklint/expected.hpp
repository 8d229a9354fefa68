// A value or a user-facing error message: how every parser reports what the user can get wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace flinklint {

struct Error {
    std::string message;
};

template <class T>
class Expected {
public:
    Expected(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Expected(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T& value() const { return std::get<0>(data_); }
    [[nodiscard]] T& value() { return std::get<0>(data_); }
    [[nodiscard]] const T& operator*() const { return value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    [[nodiscard]] const std::string& error() const { return std::get<1>(data_).message; }

private:
    std::variant<T, Error> data_;
};

}  // namespace flinklint
