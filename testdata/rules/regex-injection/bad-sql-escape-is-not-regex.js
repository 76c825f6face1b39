const express = require('express');
const mysql = require('mysql');

const app = express();

// SQL escaping leaves regex metacharacters as they are.
app.get('/match', (req, res) => {
  const re = new RegExp(mysql.escape(req.query.q)); // expect: regex-injection
  res.json({ ok: re.test('x') });
});

app.listen(3000);
