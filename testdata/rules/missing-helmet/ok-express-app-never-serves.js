// Renders the transactional e-mails (welcome, password reset, receipts) with
// the same EJS templates and helpers as the web app. Express is only used as
// a template renderer here: this app has no routes and never listens; the
// worker that sends the mails calls renderEmail() directly.
const path = require('path');
const express = require('express');

const mailer = express();
mailer.set('view engine', 'ejs');
mailer.set('views', path.join(__dirname, 'templates', 'email'));
mailer.locals.brand = process.env.BRAND_NAME || 'Acme';
mailer.locals.supportAddress = 'support@acme.example';

function renderEmail(template, data) {
  return new Promise((resolve, reject) => {
    mailer.render(template, data, (err, html) => (err ? reject(err) : resolve(html)));
  });
}

async function sendWelcome(transport, user) {
  const html = await renderEmail('welcome', { name: user.name });
  await transport.sendMail({ to: user.email, subject: 'Welcome!', html });
}

module.exports = { renderEmail, sendWelcome };
