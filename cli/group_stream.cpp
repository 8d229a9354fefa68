#include "cli/group_stream.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <string_view>
#include <thread>
#include <utility>

namespace flinklint::cli {

std::string directory_key(const std::filesystem::path& dir) {
    std::string key = dir.root_name().native();
    key += '\0';
    key += dir.has_root_directory() ? '1' : '0';
    for (const std::filesystem::path& name : dir.relative_path()) {
        key += '\0';
        key += name.native();
    }
    return key;
}

void FileGroups::add(std::string_view path, std::string_view display_path, bool context) {
    File file{};
    file.context = context;
    file.display_begin = names_.size();
    names_ += display_path;
    file.display_end = names_.size();
    if (path == display_path) {
        file.path_begin = file.display_begin;
    } else {
        file.path_begin = names_.size();
        names_ += path;
    }
    file.path_end = file.path_begin + path.size();
    files_.push_back(file);
}

std::string_view FileGroups::display_path(std::size_t group, std::size_t file) const {
    const File& f = files_[group_starts_[group] + file];
    return std::string_view(names_).substr(f.display_begin, f.display_end - f.display_begin);
}

std::vector<Input> FileGroups::group(std::size_t group) const {
    std::vector<Input> inputs;
    for (std::size_t i = group_starts_[group]; i < end_of(group); ++i) {
        const File& f = files_[i];
        inputs.push_back({names_.substr(f.path_begin, f.path_end - f.path_begin),
                          names_.substr(f.display_begin, f.display_end - f.display_begin), f.context});
    }
    return inputs;
}

std::vector<std::size_t> report_blocks(const FileGroups& groups) {
    std::vector<std::pair<std::string_view, std::size_t>> files;  // display path, group
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t k = 0; k < groups.files_in(g); ++k) files.emplace_back(groups.display_path(g, k), g);
    }
    std::sort(files.begin(), files.end());
    // A block ends where the files seen so far are exactly those of the groups before it: every
    // group started is complete, and they are the first ones in directory order.
    std::vector<std::size_t> left(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) left[g] = groups.files_in(g);
    std::vector<std::size_t> ends;
    std::size_t started = 0;
    std::size_t complete = 0;
    std::size_t highest = 0;
    for (std::size_t k = 0; k < files.size(); ++k) {
        const std::size_t g = files[k].second;
        if (left[g] == groups.files_in(g)) {
            ++started;
            highest = std::max(highest, g);
        }
        if (--left[g] == 0) ++complete;
        // Equal paths in two groups interleave their findings: never split between them.
        const bool same_next = k + 1 < files.size() && files[k + 1].first == files[k].first;
        if (started == complete && complete == highest + 1 && !same_next) ends.push_back(complete);
    }
    if (ends.empty() ? groups.size() != 0 : ends.back() != groups.size()) ends.push_back(groups.size());
    return ends;
}

namespace {

class OrderedRun {
public:
    OrderedRun(const std::vector<std::size_t>& block_ends, std::size_t window,
               const std::function<void(std::size_t, GroupResult&)>& check,
               const std::function<void(std::vector<GroupResult>&)>& emit)
        : ends_(block_ends), window_(std::max<std::size_t>(window, 1)), check_(check), emit_(emit) {}

    void work() {
        std::unique_lock lock(mutex_);
        for (;;) {
            claimable_.wait(lock, [&] { return failure_ || next_ >= groups() || next_ < limit(); });
            if (failure_ || next_ >= groups()) return;
            const std::size_t group = next_++;
            lock.unlock();
            GroupResult result;
            check_(group, result);
            lock.lock();
            done_.emplace(group, std::move(result));
            emit_ready(lock);
        }
    }

    void rethrow() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    [[nodiscard]] std::size_t groups() const { return ends_.empty() ? 0 : ends_.back(); }
    [[nodiscard]] std::size_t frontier() const { return block_ == 0 ? 0 : ends_[block_ - 1]; }
    // A block larger than the window is claimed whole, or its last groups would never run.
    [[nodiscard]] std::size_t limit() const {
        return block_ < ends_.size() ? std::max(frontier() + window_, ends_[block_]) : groups();
    }

    // Emits the complete blocks at the frontier, outside the lock so that the others keep checking;
    // one thread emits at a time, and it looks again for blocks completed meanwhile.
    void emit_ready(std::unique_lock<std::mutex>& lock) {
        while (!emitting_ && !failure_ && block_ < ends_.size()) {
            const std::size_t first = frontier();
            const std::size_t end = ends_[block_];
            const auto stop = done_.lower_bound(end);
            if (static_cast<std::size_t>(std::distance(done_.begin(), stop)) != end - first) return;
            std::vector<GroupResult> results;
            results.reserve(end - first);
            while (done_.begin() != stop) results.push_back(std::move(done_.extract(done_.begin()).mapped()));
            emitting_ = true;
            lock.unlock();
            std::exception_ptr failure;
            try {
                emit_(results);
            } catch (...) {
                failure = std::current_exception();
            }
            results.clear();  // the block's sources and diagnostics are freed here, outside the lock
            lock.lock();
            emitting_ = false;
            failure_ = failure;
            ++block_;
            claimable_.notify_all();
        }
    }

    const std::vector<std::size_t>& ends_;
    const std::size_t window_;
    const std::function<void(std::size_t, GroupResult&)>& check_;
    const std::function<void(std::vector<GroupResult>&)>& emit_;

    std::mutex mutex_;
    std::condition_variable claimable_;
    std::size_t next_ = 0;                     // the next group to check
    std::size_t block_ = 0;                    // the next block to emit
    std::map<std::size_t, GroupResult> done_;  // checked, not yet emitted
    bool emitting_ = false;
    std::exception_ptr failure_;
};

}  // namespace

void check_in_order(const std::vector<std::size_t>& block_ends, unsigned jobs, std::size_t window,
                    const std::function<void(std::size_t, GroupResult&)>& check,
                    const std::function<void(std::vector<GroupResult>&)>& emit) {
    OrderedRun run(block_ends, window, check, emit);
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back([&] { run.work(); });
    run.work();
    for (auto& thread : threads) thread.join();
    run.rethrow();
}

}  // namespace flinklint::cli
