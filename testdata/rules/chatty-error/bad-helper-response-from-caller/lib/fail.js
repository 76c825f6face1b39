// A helper whose parameters say nothing: the response and the error come from its callers.
function fail(out, problem) {
  out.status(500).json({ ok: false, reason: problem.message }); // expect: chatty-error
}

module.exports = { fail };
