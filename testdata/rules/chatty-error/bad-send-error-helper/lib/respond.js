// Response helpers shared by the routes; sendError reports err.message with a 500.
function sendError(res, err) {
  console.error(err);
  res.status(500).json({ error: err.message }); // expect: chatty-error
}

function sendOk(res, data) {
  res.json({ ok: true, data });
}

module.exports = { sendError, sendOk };
