// Mounts the users router and a final error handler.
const express = require('express');
const mongoose = require('mongoose');
const users = require('./routes/users');

const app = express();
app.use('/users', users);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/accounts');
app.listen(3000);
