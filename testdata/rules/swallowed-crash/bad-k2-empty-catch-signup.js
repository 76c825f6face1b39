// An empty catch around creating the user and sending the welcome mail: a failed signup still answers 201.
const express = require('express');
const mongoose = require('mongoose');
const nodemailer = require('nodemailer');

const User = mongoose.model('User', new mongoose.Schema({ email: String, name: String }));
const mailer = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

const app = express();
app.use(express.json());

app.post('/signup', async (req, res) => {
  try {
    const user = await User.create({ email: String(req.body.email), name: String(req.body.name) });
    await mailer.sendMail({ to: user.email, subject: 'Welcome', text: `Hi ${user.name}, welcome aboard.` });
  } catch (e) {} // expect: swallowed-crash
  res.status(201).json({ ok: true });
});

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/app');
app.listen(3000);
