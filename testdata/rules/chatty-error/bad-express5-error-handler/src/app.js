// The Express 5 app.
const express = require('express');
const notes = require('./notes');
const onError = require('./errors');

const app = express();
app.use('/notes', notes);
app.use(onError);

app.listen(3000);
