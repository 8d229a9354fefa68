// Signal-time cleanup of in-flight temporary files. The handler may only do async-signal-safe
// work: it reads lock-free atomics and fixed buffers, calls unlink(2), then re-raises the signal
// with its default action so that the exit status still says what killed the process.
#include "fix/temp_registry.hpp"

#include <unistd.h>
#include <csignal>
#include <cstring>
#include <ctime>

#include <array>
#include <atomic>
#include <mutex>

namespace flinklint::fix_detail {
namespace {

constexpr std::size_t kSlots = 64;        // at most this many writes in flight (one per thread)
constexpr std::size_t kPathBytes = 4096;  // PATH_MAX on Linux

// kOpening: registered, its open(2) may be under way in another thread; kLive: the file exists.
enum State : int { kFree = 0, kFilling = 1, kOpening = 2, kLive = 3 };

struct Slot {
    std::atomic<int> state{kFree};
    std::array<char, kPathBytes> path{};
};
std::array<Slot, kSlots> slots;
std::atomic<bool> dying{false};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads these atomics");

constexpr std::array kSignals = {SIGINT, SIGTERM, SIGHUP};

bool any_opening() {
    for (const Slot& slot : slots) {
        if (slot.state.load(std::memory_order_acquire) == kOpening) return true;
    }
    return false;
}

extern "C" void remove_temps_and_reraise(int signal) {
    dying.store(true);
    // Another thread may be inside open(2) for a registered path: give it up to 50 ms to finish,
    // so that its file exists when it is removed (if this thread itself was interrupted there,
    // the wait just runs out).
    for (int i = 0; i < 50 && any_opening(); ++i) {
        const timespec millisecond{0, 1'000'000};
        ::nanosleep(&millisecond, nullptr);
    }
    for (Slot& slot : slots) {
        const int state = slot.state.load(std::memory_order_acquire);
        if (state == kOpening || state == kLive) ::unlink(slot.path.data());
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void install_handlers() {
    for (const int signal : kSignals) {
        struct sigaction current {};
        if (::sigaction(signal, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
        struct sigaction action {};
        action.sa_handler = remove_temps_and_reraise;
        sigemptyset(&action.sa_mask);
        for (const int other : kSignals) sigaddset(&action.sa_mask, other);
        ::sigaction(signal, &action, nullptr);
    }
}

}  // namespace

int register_temp(const char* path) {
    static std::once_flag installed;
    std::call_once(installed, install_handlers);
    const std::size_t length = std::strlen(path);
    if (length >= kPathBytes) return -1;
    for (std::size_t i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (!slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
        std::memcpy(slots[i].path.data(), path, length + 1);
        slots[i].state.store(kOpening, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

bool temp_created(int slot) {
    if (slot >= 0) slots[static_cast<std::size_t>(slot)].state.store(kLive, std::memory_order_release);
    return !dying.load();
}

void release_temp(int slot) {
    if (slot >= 0) slots[static_cast<std::size_t>(slot)].state.store(kFree, std::memory_order_release);
}

}  // namespace flinklint::fix_detail
