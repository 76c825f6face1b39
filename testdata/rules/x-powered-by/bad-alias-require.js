const e = require('express');
const path = require('path');
const session = require('express-session');

const server = e(); // expect: x-powered-by

server.set('view engine', 'ejs');
server.set('views', path.join(__dirname, 'views'));

server.use(e.urlencoded({ extended: false }));
server.use(e.static(path.join(__dirname, 'public')));
server.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
  })
);

const entries = [];

server.get('/', (req, res) => {
  res.render('index', { title: 'Guestbook', entries });
});

server.post('/entries', (req, res) => {
  entries.push({ name: String(req.body.name), text: String(req.body.text), at: new Date() });
  res.redirect('/');
});

server.listen(process.env.PORT || 8080);
