'use strict';

const express = require('express');
const cookieParser = require('cookie-parser');

const products = require('./products');

const app = express();
app.use(cookieParser());

// "recent=12,7,31," remembers the last products a visitor opened.
app.get('/recent', async (req, res) => {
  const ids = String(req.cookies.recent || '').replace(/,+$/, ''); // expect: redos
  res.json(await products.byIds(ids.split(',').map(Number).filter(Boolean)));
});

app.listen(3000);
