#include <exception>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        return flinklint::cli::run(argc, argv, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "flinklint: internal error: " << e.what() << "\n";
        return 2;
    }
}
