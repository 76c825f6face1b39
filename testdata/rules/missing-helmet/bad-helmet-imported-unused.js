const express = require('express');
const helmet = require('helmet'); // installed during the audit, never wired in
const path = require('path');

const app = express(); // expect: missing-helmet

app.set('view engine', 'hbs');
app.use(express.urlencoded({ extended: false }));
app.use(express.static(path.join(__dirname, 'public')));

app.get('/', (req, res) => {
  res.render('home', { title: 'Welcome' });
});

app.get('/contact', (req, res) => {
  res.render('contact');
});

app.listen(process.env.PORT || 8080);
