const express = require('express');
const { validSearch, requireSearch } = require('./middleware/validate-query');

const app = express();
const pages = ['Home', 'Getting started', 'FAQ'];

app.get('/pages', requireSearch, (req, res) => {
  const re = new RegExp(req.query.q, 'i'); // expect: regex-injection
  res.json(pages.filter((p) => re.test(p)));
});

app.get('/pages/first', (req, res) => {
  const term = req.query.term;
  if (!validSearch(term)) {
    return res.sendStatus(400);
  }
  res.json(pages.find((p) => p.match(term)) ?? null); // expect: regex-injection
});

app.listen(3000);
