// The message is sent only for errors whose status is below 500; the rest get a generic body.
const express = require('express');

const app = express();
app.use(express.json({ limit: '10kb' }));

app.post('/api/echo', (req, res) => {
  res.json(req.body);
});

app.use((err, req, res, next) => {
  if (err.status < 500) {
    return res.status(err.status).json({ error: err.message });
  }
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

app.listen(3000);
