const express = require('express');
const listings = require('./routes/listings');

const app = express();
app.use('/listings', listings);
app.listen(3000);
