// Only errors marked expose (http-errors' 4xx) show their message; the rest get a generic 500.
const express = require('express');
const createError = require('http-errors');

const app = express();
const books = { 1: { id: 1, title: 'Dune' } };

app.get('/books/:id', (req, res, next) => {
  const book = books[req.params.id];
  if (!book) return next(createError(404, 'Book not found'));
  res.json(book);
});

app.use((err, req, res, next) => {
  if (err.expose) {
    return res.status(err.status).json({ error: err.message });
  }
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000);
