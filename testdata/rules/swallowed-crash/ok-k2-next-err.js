// A route wraps a lookup and a mail in one try whose catch passes the error to next(err).
const express = require('express');
const mongoose = require('mongoose');
const nodemailer = require('nodemailer');

const User = mongoose.model('User', new mongoose.Schema({ email: String, resetToken: String }));
const mailer = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });
const app = express();
app.use(express.json());

app.post('/password-reset', async (req, res, next) => {
  try {
    const user = await User.findOneAndUpdate({ email: String(req.body.email) }, { resetToken: Math.random().toString(36).slice(2) }, { new: true });
    if (user) await mailer.sendMail({ to: user.email, subject: 'Reset your password', text: `Token: ${user.resetToken}` });
    res.json({ sent: true });
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

mongoose.connect(process.env.MONGO_URL || 'mongodb://localhost:27017/app');
app.listen(3000);
