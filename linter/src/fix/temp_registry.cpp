// Signal-time cleanup of in-flight temporary files. The handler may only do async-signal-safe
// work: it reads lock-free atomics and fixed buffers, calls unlink(2) and nanosleep(2), then
// re-raises the signal with its default action so that the exit status still says what killed
// the process.
//
// The handshake that makes the cleanup complete: a writer publishes its slot (kClaimed) and only
// then reads `dying`; the handler sets `dying` and only then reads the slots, both sequentially
// consistent. So either the writer sees `dying` and never creates its file, or the handler sees
// the slot and waits until the writer's open(2) has returned before it unlinks. Other threads go
// on running while the handler runs and until it returns, so a writer that checked `dying` after
// open(2) (as this file once did) could create a file after the cleanup, and it survived the
// process.
#include "fix/temp_registry.hpp"

#include <sys/syscall.h>
#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>

namespace flinklint::fix_detail {
namespace {

constexpr std::size_t kSlots = 64;        // writes in flight at once; more wait for a slot
constexpr std::size_t kPathBytes = 4096;  // PATH_MAX on Linux
// How long the handler waits for other threads' open(2) calls to return. Normally microseconds;
// the bound only matters when a thread hangs in open(2) (a dead network file system).
constexpr int kWaitMilliseconds = 5000;

// kClaimed: taken by a writer that has not yet decided to open; kOpening: its open(2) may be under
// way or done; kLive: open(2) has returned.
enum State : int { kFree = 0, kClaimed = 1, kOpening = 2, kLive = 3 };

struct Slot {
    std::atomic<int> state{kFree};
    std::atomic<long> owner{0};  // the writer's thread id
    std::array<char, kPathBytes> path{};
};
std::array<Slot, kSlots> slots;
std::atomic<bool> dying{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<long>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the signal handler reads these atomics");

constexpr std::array kSignals = {SIGINT, SIGTERM, SIGHUP};

long this_thread_id() {
    return ::syscall(SYS_gettid);  // async-signal-safe, unlike std::this_thread::get_id
}

// A slot of another thread whose file may still appear. The handler's own thread cannot make
// progress while the handler runs, and dies as soon as it returns.
bool another_thread_may_create(const Slot& slot, long self) {
    const int state = slot.state.load();
    return (state == kClaimed || state == kOpening) && slot.owner.load() != self;
}

extern "C" void remove_temps_and_reraise(int signal) {
    const int saved_errno = errno;
    dying.store(true);
    const long self = this_thread_id();
    for (int waited = 0; waited < kWaitMilliseconds; ++waited) {
        bool waiting = false;
        for (const Slot& slot : slots) waiting = waiting || another_thread_may_create(slot, self);
        if (!waiting) break;
        const timespec millisecond{0, 1'000'000};
        ::nanosleep(&millisecond, nullptr);
    }
    for (Slot& slot : slots) {
        const int state = slot.state.load();
        if (state == kOpening || state == kLive) ::unlink(slot.path.data());
    }
    std::signal(signal, SIG_DFL);
    errno = saved_errno;
    std::raise(signal);  // blocked until the handler returns, then the default action ends the process
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

int claim_slot() {
    for (;;) {
        for (std::size_t i = 0; i < kSlots; ++i) {
            int expected = kFree;
            if (slots[i].state.compare_exchange_strong(expected, kClaimed)) return static_cast<int>(i);
        }
        if (dying.load()) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));  // every slot is a write in flight
    }
}

}  // namespace

int register_temp(const char* path) {
    static std::once_flag installed;
    std::call_once(installed, install_handlers);
    const std::size_t length = std::strlen(path);
    if (length >= kPathBytes) {
        errno = ENAMETOOLONG;
        return -1;
    }
    const int index = claim_slot();
    if (index < 0) {
        errno = EINTR;
        return -1;
    }
    Slot& slot = slots[static_cast<std::size_t>(index)];
    slot.owner.store(this_thread_id());
    std::memcpy(slot.path.data(), path, length + 1);
    if (dying.load()) {  // after the claim: the handler either waits for this slot or is seen here
        slot.state.store(kFree);
        errno = EINTR;
        return -1;
    }
    slot.state.store(kOpening);  // publishes the path to the handler
    return index;
}

void temp_created(int slot) {
    if (slot >= 0) slots[static_cast<std::size_t>(slot)].state.store(kLive);
}

void release_temp(int slot) {
    if (slot >= 0) slots[static_cast<std::size_t>(slot)].state.store(kFree);
}

}  // namespace flinklint::fix_detail
