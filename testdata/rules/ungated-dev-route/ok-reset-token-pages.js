const express = require('express');
const passport = require('passport');

const users = require('./controllers/user');
const assistant = require('./controllers/assistant');

const app = express();
app.use(express.urlencoded({ extended: false }));

// The forgotten-password flow: the e-mailed link opens /reset/:token.
app.get('/forgot', users.getForgot);
app.post('/forgot', users.postForgot);
app.get('/reset/:token', users.getReset);
app.post('/reset/:token', users.postReset);
app.post('/auth/reset/password', users.resetPassword);

// Clears the signed-in user's own conversation, not the server's data.
app.post('/ai/assistant/reset', passport.authenticate('session'), assistant.resetThread);

app.listen(process.env.PORT || 3000);
