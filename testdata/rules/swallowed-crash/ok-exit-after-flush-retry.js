// Exit only once stdout and stderr are drained: the handler retries itself
// on a timer until then, and every path ends in process.exit.
const exit = process.exit;
process.once('uncaughtException', function () {
  (function flushThenExit() {
    if (process.stdout.writableLength || process.stderr.writableLength) {
      setTimeout(flushThenExit, 1);
    } else {
      exit.apply(process, [1]);
    }
  })();
});
