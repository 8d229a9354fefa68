#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>

#include "cli/app.hpp"
#include "cli/stderr_filter.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    flinklint::cli::VisibleLines visible(std::cerr.rdbuf());
    std::ostream err(&visible);
    int code = 2;
    try {
        code = flinklint::cli::run(argc, argv, std::cout, err);
    } catch (const std::exception& e) {
        err << "flinklint: internal error: " << e.what() << "\n";
        return 2;
    }
    // A report that did not reach stdout (a full disk, /dev/full) must not pass a CI gate.
    errno = 0;
    if (!std::cout.flush()) {
        err << "flinklint: cannot write the report to standard output: "
            << (errno != 0 ? std::strerror(errno) : "write failed") << "\n";
        return 2;
    }
    return code;
}
