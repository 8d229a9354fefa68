// Scratch directories and files for the fix, baseline and pre-commit tests.
#pragma once

#include <filesystem>
#include <string>

namespace flinklint::testing {

// A fresh directory under the system temp directory, removed (with its contents) at scope exit.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    // Writes `bytes` to `relative` (creating directories); returns the full path.
    std::filesystem::path write(const std::string& relative, const std::string& bytes) const;

private:
    std::filesystem::path path_;
};

// Sets an environment variable for the scope (child processes inherit it).
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::string old_;
    bool had_old_ = false;
};

// Runs `command` with /bin/sh in `dir`; returns the exit code and fills `output` (stdout and stderr).
int run_shell(const std::string& command, const std::filesystem::path& dir, std::string& output);

// Files in `dir` (not recursive), sorted by name.
std::string list_dir(const std::filesystem::path& dir);

}  // namespace flinklint::testing
