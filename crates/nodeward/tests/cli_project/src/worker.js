// nodeward-ignore-next-line swallowed-crash -- the supervisor restarts this worker
process.on('unhandledRejection', (reason) => {
  console.warn('worker:', reason);
});

// nodeward-ignore-next-line swallowed-crsh -- a typo: names no rule
process.on('uncaughtException', (err) => {
  console.error(err);
  process.exit(1);
});
