// The message destructured from the caught error is sent with a 500.
const express = require('express');
const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });
const app = express();
app.use(express.json());

app.post('/contact', async (req, res) => {
  try {
    await transport.sendMail({ to: 'support@example.com', subject: 'Contact form', text: String(req.body.text) });
    res.json({ sent: true });
  } catch (err) {
    const { message } = err;
    res.status(500).json({ sent: false, message }); // expect: chatty-error
  }
});

app.listen(3000);
