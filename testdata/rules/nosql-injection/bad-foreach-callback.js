const express = require('express');
const mongoose = require('mongoose');

const Tag = mongoose.model('Tag', new mongoose.Schema({ name: String }));
const app = express();
app.use(express.json());

app.post('/tags/remove', (req, res) => {
  const { tags } = req.body;
  tags.forEach(function (tag) {
    Tag.deleteOne({ name: tag }).exec(); // expect: nosql-injection
  });
  res.sendStatus(204);
});

app.listen(3000);
