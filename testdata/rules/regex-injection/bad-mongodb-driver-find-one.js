const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');
const app = express();

app.get('/users/by-handle/:handle', async (req, res) => {
  const user = await users.findOne({ handle: { $regex: `^${req.params.handle}$`, $options: 'i' } }); // expect: regex-injection
  res.json(user);
});

app.listen(3000);
