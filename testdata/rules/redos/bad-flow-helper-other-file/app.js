const express = require('express');
const { cleanSubject } = require('./text');

const app = express();
app.use(express.json());

app.post('/tickets', (req, res) => {
  res.status(201).json({ subject: cleanSubject(req.body.subject) });
});

app.listen(3000);
