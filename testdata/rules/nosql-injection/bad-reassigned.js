const express = require('express');
const mongoose = require('mongoose');

const Book = mongoose.model('Book', new mongoose.Schema({ author: String }));
const app = express();

app.get('/books', async (req, res) => {
  let author = req.query.author;
  if (!author) {
    author = 'anonymous';
  }
  res.json(await Book.find({ author })); // expect: nosql-injection
});

app.listen(3000);
