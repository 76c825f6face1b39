const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient('mongodb://localhost');
const app = express();

app.get('/search', async (req, res) => {
  const name = req.query.name;
  const docs = await client
    .db('shop')
    .collection('products')
    .find({ $where: `this.name == '${name}'` }) // expect: nosql-injection
    .toArray();
  res.json(docs);
});

app.listen(3000);
