// Why: output that could not be written must never pass for a complete
// report. A full device is an error with its reason; a reader that went
// away (EPIPE) is told apart so the run can end quietly.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "render/output.h"

using namespace idt;

TEST_CASE("Output: a full device is an OutputError with its reason", "[render][output]") {
  std::FILE* full = std::fopen("/dev/full", "w");
  REQUIRE(full != nullptr);
  {
    Output out(full);
    out.write(std::string(1000, 'x'));  // buffered: nothing written yet
    try {
      out.flush();
      FAIL("flush to /dev/full did not fail");
    } catch (const OutputError& e) {
      CHECK(e.error_number() == ENOSPC);
      CHECK_FALSE(e.closed());
      CHECK(std::string(e.what()) == "cannot write the output: No space left on device");
    }
    // Large writes fail as they are flushed, before the end of the run.
    CHECK_THROWS_AS(out.write(std::string(1 << 17, 'y')), OutputError);
    out.write("tail");  // the destructor's flush fails too, without throwing
  }
  std::fclose(full);
}

TEST_CASE("Output: a closed pipe is an OutputError that says closed()", "[render][output]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);  // the reader is gone
  struct sigaction ignore {}, old {};
  ignore.sa_handler = SIG_IGN;
  REQUIRE(::sigaction(SIGPIPE, &ignore, &old) == 0);  // as main() does
  std::FILE* w = ::fdopen(fds[1], "w");
  REQUIRE(w != nullptr);
  {
    Output out(w);
    out.write("line\n");
    try {
      out.flush();
      FAIL("flush to a closed pipe did not fail");
    } catch (const OutputError& e) {
      CHECK(e.closed());
      CHECK(e.error_number() == EPIPE);
    }
  }
  std::fclose(w);
  ::sigaction(SIGPIPE, &old, nullptr);
}
