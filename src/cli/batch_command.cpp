#include "cli/batch_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>
#include <vector>

#include "cli/batch_worker.h"
#include "cli/exit_code.h"
#include "cli/line_reader.h"
#include "cli/option_adder.h"
#include "cli/option_values.h"
#include "cli/output.h"
#include "cli/run_arena.h"
#include "cli/shared_options.h"
#include "cli/write_behind.h"

namespace backtriage::cli {

namespace {

// Lines are read a chunk at a time, evaluated (in parallel with --jobs), and
// handed to the writer in input order before the next chunk is read: memory
// stays bounded by the chunk, whatever the length of the input.
constexpr std::size_t kLinesPerJob = 1024;
constexpr std::size_t kMaxChunkBytes = 16 * 1024 * 1024;
// Output is made in pieces of about this much. The first share's go to the
// writer as they fill, since nothing before them is left to write: a chunk
// of full reports (12 KB each, 12 MB a chunk) written in one piece left the
// cache before it left the program (a tenth of the time on one core). The
// other shares keep theirs until the shares before them are handed over;
// pieces of one size also keep the writer's buffers (WriteBehind::hand)
// from growing again, which a 12 MB share did each chunk, twice the time.
constexpr std::size_t kPieceBytes = 256 * 1024;

// One job's share of a chunk: a contiguous run of lines, so that writing the
// shares one after another keeps the input order.
struct Share {
  std::size_t begin = 0, end = 0;
  // Its output: pieces [0, last], each kept from chunk to chunk with its
  // storage.
  std::vector<std::string> pieces = std::vector<std::string>(1);
  std::size_t last = 0;
  BatchTally tally;
  std::exception_ptr failure;
};

// `stream`: where the share's pieces go as they fill (the first share only),
// or null to keep them until the shares before it are handed over.
void run_share(BatchWorker& worker, const std::vector<BatchLine>& lines, std::size_t first_number,
               Share& share, WriteBehind* stream) {
  try {
    share.last = 0;
    share.pieces[0].clear();
    share.tally = {};
    for (std::size_t i = share.begin; i < share.end; ++i) {
      worker.run(lines[i], first_number + i, share.pieces[share.last], share.tally);
      if (share.pieces[share.last].size() < kPieceBytes) continue;
      if (stream) {
        stream->hand(share.pieces[0]);
      } else {
        if (++share.last == share.pieces.size()) share.pieces.emplace_back();
        share.pieces[share.last].clear();
      }
    }
  } catch (...) {
    share.failure = std::current_exception();
  }
}

}  // namespace

int run_batch(const Options& o, const ruleset::RuleSet& rules, const Io& io) {
  run_arena_on = false;  // long, and on threads: malloc's blocks (run_arena.h)
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  std::FILE* in = io.in;
  if (o.input_file != "-") {
    owned.reset(std::fopen(o.input_file.c_str(), "rb"));
    if (!owned)
      throw CliError(kNoInput,
                     fmt::format("cannot open {}: {}", o.input_file, std::strerror(errno)));
    in = owned.get();
  }
  const std::size_t jobs = static_cast<std::size_t>(std::max(o.jobs, 1));
  std::vector<BatchWorker> workers;
  workers.reserve(jobs);
  for (std::size_t j = 0; j < jobs; ++j) workers.emplace_back(o, rules);
  std::vector<Share> shares(jobs);
  std::vector<BatchLine> lines(kLinesPerJob * jobs);

  Output out(o.output_file, io);
  // After `out`, so that it has finished with `out` before `out` goes.
  WriteBehind writer(out, writes_copy(out.file()));
  LineReader reader(fileno(in));
  std::size_t number = 0;
  BatchTally total;
  bool bad_lines = false;  // among the lines read so far, written or not
  try {
    for (bool more = true; more;) {
      // Read a chunk.
      std::size_t count = 0, bytes = 0;
      while (count < lines.size() && bytes < kMaxChunkBytes) {
        // Never wait to fill a chunk; and before waiting for the first line of
        // one, hand over what is done, so a program that feeds one line at a
        // time gets each answer as soon as it is ready.
        if (!reader.ready()) {
          if (count > 0) break;
          writer.flush();
        }
        BatchLine& line = lines[count];
        if (!reader.next(line.text, line.too_long)) {
          more = false;
          break;
        }
        if (number + count == 0 && line.text.compare(0, 3, "\xEF\xBB\xBF") == 0)
          line.text.erase(0, 3);
        bytes += line.text.size();
        ++count;
      }
      if (count == 0) break;
      // Evaluate it: one contiguous share per job; the calling thread takes the
      // first, so --jobs 1 evaluates on this thread alone.
      const std::size_t used = std::min(jobs, count);
      std::vector<std::thread> threads;
      for (std::size_t j = 0; j < used; ++j) {
        shares[j].begin = count * j / used;
        shares[j].end = count * (j + 1) / used;
        shares[j].failure = nullptr;
        if (j > 0)
          threads.emplace_back(run_share, std::ref(workers[j]), std::cref(lines), number + 1,
                               std::ref(shares[j]), nullptr);
      }
      run_share(workers[0], lines, number + 1, shares[0], &writer);
      for (auto& thread : threads) thread.join();
      for (std::size_t j = 0; j < used; ++j) bad_lines = bad_lines || shares[j].tally.errors > 0;
      // Hand it to the writer, in order.
      for (std::size_t j = 0; j < used; ++j) {
        if (shares[j].failure) std::rethrow_exception(shares[j].failure);
        for (std::size_t k = 0; k <= shares[j].last; ++k) writer.hand(shares[j].pieces[k]);
        total.add(shares[j].tally);
      }
      number += count;
      // A rare long line must not leave its megabyte behind in every slot.
      for (std::size_t i = 0; i < count; ++i)
        if (lines[i].text.capacity() > 64 * 1024) lines[i].text = std::string();
    }
    if (reader.failed())
      throw CliError(kNoInput, fmt::format("cannot read {}: {}",
                                           o.input_file == "-" ? "<stdin>" : o.input_file,
                                           std::strerror(reader.error())));
    writer.flush();
    out.finish(io);
  } catch (const ReaderGone&) {
    // The reader of the output left (`| head`): stop quietly, as a filter
    // does, but a script still learns that some lines were bad.
    return bad_lines ? kDataError : kOk;
  }
  if (o.summary || io.err_tty) {
    std::string counts;  // in the ladder's order, most urgent first
    const auto& levels = rules.levels();
    for (std::size_t rank = 0; rank < total.levels.size(); ++rank)
      if (total.levels[rank] > 0)
        counts += fmt::format(", {} {}", total.levels[rank],
                              rank < levels.size() ? levels[rank].id : rules.undecided.id);
    fmt::print(io.err, "backtriage batch: {} line{}{}, {} error{}\n", number,
               number == 1 ? "" : "s", counts, total.errors, total.errors == 1 ? "" : "s");
  }
  return total.errors > 0 ? kDataError : kOk;
}

void add_batch(const OptionAdder& add, Options& o) {
  using ruleset::Word;
  add_rules(add, o);
  if (auto* opt = add.option("--input", o.input_file, Word::HelpBatchInput)) opt->type_name("FILE");
  if (auto* opt = add.option("--format", o.format_text, Word::HelpBatchFormat))
    opt->type_name("json|cds-hooks");
  add.flag("--json", o.json, Word::HelpBatchJson);
  add.flag("--brief", o.brief, Word::HelpBatchBrief);
  add_output(add, o);
  add.flag("--no-red-flags", o.no_red_flags, Word::HelpBatchNoRedFlags);
  add.flag("--summary", o.summary, Word::HelpBatchSummary);
  // Scripts often pass the common options to every command alike.
  add.flag("--no-input", o.no_input, Word::HelpBatchNoInput);
  add.flag("--explain", o.explain, Word::HelpBatchExplain);
  add_color(add, o, Word::HelpBatchColor);
  if (auto* opt = add.option("--jobs,-j", o.jobs, Word::HelpBatchJobs))
    opt->type_name("N")->check(whole_number(1, 256));
  add.app().footer(add.rules().format_word(Word::HelpBatchFooter));
}

}  // namespace backtriage::cli
