// Starts the orders service.
const express = require('express');
const ordersRouter = require('./routes/orders');

const app = express();
app.use('/api/orders', ordersRouter);

app.listen(4000);
