// Errors shared by every layer. Messages always carry their context (file, line, what was
// expected) so a front-end can print them as they are: "veille-index: a.txt:12: reason".
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace veille {

// Base of everything Veille throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input data: the file is skipped (or the line), the run goes on.
class InputError : public Error {
public:
    InputError(std::string path, std::size_t line, const std::string& reason)
        : Error(path + (line ? ":" + std::to_string(line) : std::string()) + ": " + reason),
          path_(std::move(path)), line_(line) {}
    const std::string& path() const { return path_; }
    std::size_t line() const { return line_; }

private:
    std::string path_;
    std::size_t line_;
};

// The index cannot be opened or written (missing, locked, corrupt).
class IndexError : public Error {
public:
    using Error::Error;
};

// The user asked for something that cannot be done (bad option value, bad query field).
class UsageError : public Error {
public:
    using Error::Error;
};

}  // namespace veille
