const express = require('express');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String }));
const app = express();
app.use(express.json());

app.post('/reset', (req, res) => {
  Promise.resolve(req.body.email)
    .then((email) => User.findOne({ email })) // expect: nosql-injection
    .then((user) => res.json({ sent: Boolean(user) }));
});

app.listen(3000);
