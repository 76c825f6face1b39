// An async Express 4 route converts the before query parameter with BigInt, with no try/catch.
const express = require('express');

const app = express();
const messages = [
  { id: 1234567890123456789n, text: 'hello' },
  { id: 1234567890123456790n, text: 'world' },
];

app.get('/channels/:channel/messages', async (req, res) => {
  const before = BigInt(req.query.before); // expect: swallowed-crash
  const page = messages.filter((m) => m.id < before).slice(-50);
  res.json(page.map((m) => ({ id: m.id.toString(), text: m.text })));
});

app.listen(3000);
