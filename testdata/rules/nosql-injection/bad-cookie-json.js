const express = require('express');
const cookieParser = require('cookie-parser');
const mongoose = require('mongoose');

const Session = mongoose.model('Session', new mongoose.Schema({ token: String }));
const app = express();
app.use(cookieParser());

// cookie-parser decodes `j:` cookies as JSON: `j:{"$ne":null}` is an object.
app.get('/me', async (req, res) => {
  const session = await Session.findOne({ token: req.cookies.token }); // expect: nosql-injection
  res.json(session);
});

app.listen(3000);
