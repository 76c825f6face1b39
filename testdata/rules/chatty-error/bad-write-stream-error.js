// A streamed export writes the cursor's error message into the 200 response it already started.
const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = express();

app.get('/export/events.ndjson', async (req, res) => {
  res.type('application/x-ndjson');
  const cursor = client.db('analytics').collection('events').find({ day: String(req.query.day) });
  try {
    for await (const doc of cursor) {
      res.write(JSON.stringify(doc) + '\n');
    }
  } catch (err) {
    res.write(JSON.stringify({ error: err.message }) + '\n'); // expect: chatty-error
  }
  res.end();
});

client.connect().then(() => app.listen(3000));
