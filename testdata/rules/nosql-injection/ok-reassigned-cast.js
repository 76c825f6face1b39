const express = require('express');
const mongoose = require('mongoose');

const Book = mongoose.model('Book', new mongoose.Schema({ isbn: String }));
const app = express();
app.use(express.json());

app.post('/books/find', async (req, res) => {
  let isbn = req.body.isbn;
  isbn = String(isbn);
  res.json(await Book.findOne({ isbn }));
});

app.listen(3000);
