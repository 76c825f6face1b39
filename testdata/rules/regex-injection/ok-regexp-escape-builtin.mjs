import express from 'express';

const app = express();

app.get('/match', (req, res) => {
  const re = new RegExp(RegExp.escape(String(req.query.q)), 'i');
  res.json({ ok: re.test('x') });
});

app.listen(3000);
