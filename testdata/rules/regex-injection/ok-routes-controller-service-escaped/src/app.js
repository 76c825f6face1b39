const express = require('express');
const people = require('./routes/people');

const app = express();
app.use(express.json());
app.use('/api/people', people);
app.listen(3000);
